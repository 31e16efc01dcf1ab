namespace BpomBot.Storage.Tables.Repositories;

/// <summary>Every table the bot uses (created at start by the table initializer). Layout: docs/storage.md.</summary>
public static class StorageTables
{
    public const string ConversationRefsByUser = "ConversationRefsByUser";
    public const string DialogState = "DialogState";
    public const string Audit = "Audit";
    public const string Units = "Units";
    public const string People = "People";
    public const string PeopleByUnit = "PeopleByUnit";
    public const string FaqTickets = "FaqTickets";
    public const string FaqFeedback = "FaqFeedback";
    public const string CalendarOverrides = "CalendarOverrides";
    public const string Kegiatan = Storage.Kegiatan.TableKegiatanRepository.TableName;
    public const string KegiatanIndex = Storage.Kegiatan.TableKegiatanRepository.IndexTableName;
    public const string RekapProjection = Storage.Rekap.RekapProjectionTable.TableName;

    /// <summary>Tables of the repositories in this project; document repositories added later register theirs too.</summary>
    public static readonly IReadOnlyList<string> All =
        [ConversationRefsByUser, DialogState, Audit, Units, People, PeopleByUnit, FaqTickets, FaqFeedback, CalendarOverrides, Kegiatan, KegiatanIndex, RekapProjection];
}
