using System.Text.Json.Nodes;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Disposisi;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Workflow;
using BpomBot.Teams.Disposisi;
using BpomBot.Teams.Protocol;
using static BpomBot.Teams.Tests.Disposisi.DisposisiWorld;

namespace BpomBot.Teams.Tests.Disposisi;

/// <summary>
/// Each person reads disposisi in their own language, learned from what they write to the bot: the leader's card, the
/// answers to its buttons, the updated copies and the officer's notices. Data (titles, SOP text, names) stays as written.
/// </summary>
public sealed class DisposisiLanguageTests
{
    private readonly DisposisiWorld _w = new();

    private static JsonObject SentCard(Activity activity) => Assert.IsType<JsonObject>(Assert.Single(activity.Attachments!).Content);

    /// <summary>What stays as written on an English card: the kegiatan's data and the SOP step's own text.</summary>
    private async Task<string[]> DataAsync(string kegiatanId)
    {
        var k = (await _w.Kegiatan.GetAsync(kegiatanId))!;
        var step = _w.Engine.SopOf(k)!.FindStep("A.4")!;
        return [.. new[] { k.Title, $"Laporan {k.Title}", Officer.Name, Kepala.Name, Katim.Name, step.Aktivitas.TrimEnd('.'), step.Output.TrimEnd('.') }
            .Concat(k.FindStep("A.4")!.Kelengkapan.Select(r => r.Alternative))
            .Concat(step.Kelengkapan.SelectMany(i => i.Alternatives))
            .OrderByDescending(s => s.Length)];
    }

    [Fact]
    public async Task EnglishLeader_GetsAnEnglishCard_AndTheEnglishOfficerAnEnglishDecision()
    {
        await _w.SayAsync(Kepala, "show my approvals");
        await _w.SayAsync(Officer, "what are my tasks");
        Assert.Equal("en", (await _w.References.GetByUserAsync(Kepala.AadObjectId))!.Language);

        var (k, d) = await _w.SubmitReportAsync();
        var data = await DataAsync(k.Id);

        var card = SentCard(Assert.Single(_w.Connector.SentTo(Kepala.AadObjectId), a => a.Attachments is { Count: > 0 }));
        var text = NoIndonesian.CardText(card);
        Assert.Contains("A.4 goes to the head of the officer's unit: Kepala Balai Besar POM di Bandung.", text);
        NoIndonesian.Check(text, data);
        Assert.Equal("en", d.Card!.Language);

        // The card carries the language, so the refresh and the answer to Setujui are English too.
        Assert.Contains("\"lang\":\"en\"", card.ToJsonString(), StringComparison.Ordinal);
        var decided = Card(await _w.ClickAsync(Kepala, DisposisiVerbs.Setujui, d.Id, new { lang = "en", arahan = "setujui,tindak-lanjuti", catatan = "Proceed." }));
        Assert.Contains("Disposisi approved; the step is complete.", NoIndonesian.CardText(decided));
        NoIndonesian.Check(NoIndonesian.CardText(decided), data);

        var (_, _, update) = Assert.Single(_w.Connector.Updated, u => u.Conversation == MemoryReferences.ConversationOfId(Kepala.AadObjectId));
        NoIndonesian.Check(NoIndonesian.CardText(Assert.IsType<JsonObject>(Assert.Single(update.Attachments!).Content)), data);

        var told = _w.Connector.SentTo(Officer.AadObjectId).Select(a => a.Text).OfType<string>().Last();
        Assert.StartsWith("Step A.4 \"FGD Pemda Kota Bandung\" was **approved** by Budi Kepala.", told, StringComparison.Ordinal);
        Assert.Contains("Instructions: Approve, Follow up.", told, StringComparison.Ordinal);
        NoIndonesian.Check(told, data);
    }

    [Fact]
    public async Task EnglishLeader_ReturnWithoutReason_IsRefusedInEnglish_NothingStored()
    {
        await _w.SayAsync(Kepala, "show my approvals");
        var (k, d) = await _w.SubmitReportAsync();

        var card = Card(await _w.ClickAsync(Kepala, DisposisiVerbs.Kembalikan, d.Id, new { lang = "en", alasan = " " }));

        var text = NoIndonesian.CardText(card);
        Assert.Contains("A reason is required to return the disposisi.", text);
        NoIndonesian.Check(text, await DataAsync(k.Id));
        Assert.False((await _w.Disposisi.GetAsync(d.Id))!.IsDecided);
    }

    [Fact]
    public async Task EnglishLeader_ClickOnAnAlreadyDecidedCard_IsToldInEnglish()
    {
        await _w.SayAsync(Kepala, "show my approvals");
        var (k, d) = await _w.SubmitReportAsync();
        await _w.ClickAsync(Kepala, DisposisiVerbs.Setujui, d.Id, new { lang = "en" });

        var again = NoIndonesian.CardText(Card(await _w.ClickAsync(Kepala, DisposisiVerbs.Kembalikan, d.Id, new { lang = "en", alasan = "late" })));

        Assert.Contains("This disposisi has already been decided (approved).", again);
        NoIndonesian.Check(again, await DataAsync(k.Id));
    }

    [Fact]
    public async Task EnglishOfficer_WhoseStepFindsNoLeader_IsToldWhyInEnglish()
    {
        await _w.SayAsync(Officer, "what are my tasks");
        var (k, d) = await _w.SubmitReportAsync();
        await _w.ClickAsync(Kepala, DisposisiVerbs.Kembalikan, d.Id, new { alasan = "revisi" });
        var reopened = (await _w.Kegiatan.GetAsync(k.Id))!;
        await _w.Kegiatan.UpdateAsync(_w.Engine.SubmitToLeader(reopened, "v2", new DateOnly(2026, 3, 3), new Actor(Officer.AadObjectId), Start).Kegiatan!, reopened.Version!);
        var kepala = (await _w.Roster.GetPersonAsync(Kepala.AadObjectId))!;
        await _w.Roster.SavePersonAsync(kepala with { Roles = [RosterRoles.Pelaksana] });

        await _w.Service.RequestAsync(new DisposisiRequest(k.Id, "A.4", Officer.AadObjectId, Officer.UnitId, DisposisiKinds.ReportToLeader, null, "v2"));

        var told = _w.Connector.SentTo(Officer.AadObjectId)[^1].Text!;
        Assert.Equal("The disposisi of step A.4 cannot be sent yet: No Kepala UPT for Balai Besar POM di Bandung is on the roster yet; ask an admin to import the roster. "
            + "The unit's admin has been told; it will go out by itself once the roster has the leader.", told);
    }

    [Fact]
    public async Task IndonesianLeader_KeepsIndonesian_AndALaterIndonesianMessageSwitchesBack()
    {
        await _w.SayAsync(Kepala, "show my approvals");
        await _w.SayAsync(Kepala, "tolong tampilkan disposisi saya");
        Assert.Equal("id", (await _w.References.GetByUserAsync(Kepala.AadObjectId))!.Language);

        await _w.SubmitReportAsync();

        var text = NoIndonesian.CardText(SentCard(Assert.Single(_w.Connector.SentTo(Kepala.AadObjectId), a => a.Attachments is { Count: > 0 })));
        Assert.Contains("Mengapa Anda", text);
        Assert.Contains("A.4 disampaikan kepada pimpinan unit Anda: Kepala Balai Besar POM di Bandung.", text);
    }
}
