using System.Text.Json.Serialization;

namespace BpomBot.Domain.Disposisi;

/// <summary>
/// A leader's disposisi on one SOP step of a kegiatan: what it concerns (kegiatan, step, officer), from whom to whom,
/// what the leader asks (arahan, catatan, batas waktu, sifat) and its outcome. Plain data, System.Text.Json friendly;
/// change it only through <see cref="DisposisiRules"/>.
/// </summary>
public sealed class Disposisi
{
    public required string Id { get; init; }
    public required string KegiatanId { get; init; }
    public required string StepId { get; init; }

    /// <summary>"leader-decides" or "report-to-leader", as the SOP marks the step.</summary>
    public required string Kind { get; init; }
    public required string Summary { get; init; }

    /// <summary>The officer whose step this is (told of the decision).</summary>
    public required string OfficerId { get; init; }

    /// <summary>The officer's unit (its calendar counts the HK).</summary>
    public required string UnitId { get; init; }

    /// <summary>Who sent it: the officer, or the leader who forwarded it.</summary>
    public required string FromId { get; init; }

    /// <summary>The addressee (a leader); a Plt/Plh may act "a.n." this person.</summary>
    public required string ToId { get; init; }

    /// <summary>The disposisi this one was forwarded from; null for the officer's own request.</summary>
    public string? ParentId { get; init; }

    public DateOnly? StepDueOn { get; init; }

    /// <summary>Why the addressee is the leader of this step (the SOP's role and the unit hierarchy), shown on the card.</summary>
    public string? LeaderReason { get; init; }

    /// <summary>The English of <see cref="LeaderReason"/> (absent on rows stored before it existed).</summary>
    public string? LeaderReasonEnglish { get; init; }

    /// <summary>How often the step had been returned when this was sent: the decision applies to that submission only.</summary>
    public int Round { get; init; }

    /// <summary>The decision has been applied to the kegiatan (false while pending, and after a failure in between).</summary>
    public bool StepUpdated { get; set; }
    public Sifat Sifat { get; set; } = Sifat.Biasa;

    /// <summary>Batas waktu: proposed when sent (from the HK calendar), set by the leader when deciding.</summary>
    public DateOnly BatasWaktu { get; set; }

    public List<string> Arahan { get; set; } = [];
    public string? Catatan { get; set; }

    public DisposisiState State { get; set; } = DisposisiState.Terkirim;
    public required DateTimeOffset SentAt { get; init; }
    public DateTimeOffset? ReadAt { get; set; }
    public string? ReadBy { get; set; }

    public string? DecidedBy { get; set; }

    /// <summary>For a Plt/Plh decision, the leader it was made for ("a.n.").</summary>
    public string? DecidedOnBehalfOf { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }

    /// <summary>Why it was returned (Kembalikan).</summary>
    public string? Reason { get; set; }

    /// <summary>The disposisi created by Teruskan (a request for input; the decision stays here), and its addressee.</summary>
    public string? ForwardedToDisposisiId { get; set; }
    public string? ForwardedToId { get; set; }

    /// <summary>Who forwarded (the addressee or their Plt/Plh, then "a.n." whom) and when. Older rows kept these in Decided*.</summary>
    public string? ForwardedBy { get; set; }
    public string? ForwardedOnBehalfOf { get; set; }
    public DateTimeOffset? ForwardedAt { get; set; }

    /// <summary>
    /// The input given on a forwarded disposisi: on the forwarded one, what its addressee answered; on the parent, a copy
    /// of that answer for the deciding leader.
    /// </summary>
    public string? Tanggapan { get; set; }
    public string? TanggapanBy { get; set; }
    public DateTimeOffset? TanggapanAt { get; set; }

    /// <summary>Where the addressee's card was posted, so every viewer's copy can be updated after a decision.</summary>
    public CardLocation? Card { get; set; }

    /// <summary>The copies posted to the addressee's acting Plt/Plh; updated together with <see cref="Card"/>.</summary>
    public List<CardLocation> DelegateCards { get; set; } = [];

    /// <summary>
    /// The run posting (or that posted) the first card, written before the post so that no other run posts it while the
    /// claim holds (docs/outbox.md, "Cards once"). Null on rows stored before claims existed.
    /// </summary>
    public CardClaim? CardClaim { get; set; }

    /// <summary>The last `kirim ulang` requests that resent this card (so a repeated request resends once).</summary>
    public List<string>? ResentFor { get; set; }

    /// <summary>Opaque concurrency token set by the repository; null before the first save.</summary>
    public string? Version { get; set; }

    /// <summary>
    /// Final: approved, returned, answered (a forwarded one) or closed (a forwarded one whose leader decided first).
    /// Diteruskan is not final: the addressee still decides, with the input asked for.
    /// </summary>
    [JsonIgnore]
    public bool IsDecided => State is DisposisiState.Disetujui or DisposisiState.Dikembalikan or DisposisiState.Ditanggapi or DisposisiState.Ditutup;

    /// <summary>A disposisi created by Teruskan: its addressee gives input (Tanggapi) and never decides the step.</summary>
    [JsonIgnore]
    public bool IsForwarded => ParentId is not null;

    /// <summary>Every posted copy of the card: the addressee's and their Plt/Plh's.</summary>
    [JsonIgnore]
    public IEnumerable<CardLocation> AllCards => (Card is null ? DelegateCards : DelegateCards.Prepend(Card)).Distinct();

    [JsonIgnore]
    public bool LeaderDecides => Kind == DisposisiKinds.LeaderDecides;
}

/// <summary>
/// The message holding a disposisi card: opaque channel ids (conversation, activity, service URL), and the language the
/// card was posted in ("en" for English; null for Indonesian and for rows stored before it existed), so updates keep it.
/// </summary>
public sealed record CardLocation(string ConversationId, string ActivityId, string ServiceUrl, string? Language = null);

/// <summary>
/// A run's claim to post a disposisi's first card: a fresh id per claim, when it was written (by the claimant's clock),
/// and its number (1 for the first claim). An <paramref name="Attempt"/> above 1 means an earlier claimant stopped
/// before storing the card's location (it died, or its post failed), and a later run took the claim over once it had
/// expired.
/// </summary>
public sealed record CardClaim(string By, DateTimeOffset At, int Attempt = 1);

public static class DisposisiKinds
{
    public const string LeaderDecides = "leader-decides";
    public const string ReportToLeader = "report-to-leader";
}

[JsonConverter(typeof(JsonStringEnumConverter<DisposisiState>))]
public enum DisposisiState
{
    Terkirim,
    Dibaca,
    Disetujui,
    Dikembalikan,

    /// <summary>Forwarded for input; waits for the answer and for the addressee's decision.</summary>
    Diteruskan,

    /// <summary>A forwarded disposisi whose addressee gave their input.</summary>
    Ditanggapi,

    /// <summary>A forwarded disposisi closed unanswered because the leader decided.</summary>
    Ditutup,
}

[JsonConverter(typeof(JsonStringEnumConverter<Sifat>))]
public enum Sifat
{
    Biasa,
    Segera,
    SangatSegera,
}

/// <summary>Display text for states, sifat and the standard arahan (SRIKANDI's list), in Indonesian and English.</summary>
public static class DisposisiText
{
    /// <summary>Arahan ids (stable, used in card data) with their display names, in SRIKANDI's order.</summary>
    public static readonly IReadOnlyList<(string Id, string Name)> StandardArahan =
    [
        ("setujui", "Setujui"),
        ("tindak-lanjuti", "Tindak lanjuti"),
        ("pelajari", "Pelajari"),
        ("koordinasikan", "Koordinasikan"),
        ("siapkan-bahan", "Siapkan bahan"),
        ("hadiri-wakili", "Hadiri/wakili"),
        ("untuk-diketahui", "Untuk diketahui"),
        ("arsipkan", "Arsipkan"),
    ];

    public static string ArahanName(string id) => StandardArahan.FirstOrDefault(a => a.Id == id).Name ?? id;

    public static string ArahanName(string id, bool english) => !english ? ArahanName(id) : id switch
    {
        "setujui" => "Approve",
        "tindak-lanjuti" => "Follow up",
        "pelajari" => "Study",
        "koordinasikan" => "Coordinate",
        "siapkan-bahan" => "Prepare material",
        "hadiri-wakili" => "Attend/represent",
        "untuk-diketahui" => "For information",
        "arsipkan" => "File",
        _ => ArahanName(id),
    };

    public static string StateName(DisposisiState state, bool english) => !english ? StateName(state) : state switch
    {
        DisposisiState.Terkirim => "sent",
        DisposisiState.Dibaca => "read",
        DisposisiState.Disetujui => "approved",
        DisposisiState.Dikembalikan => "returned",
        DisposisiState.Diteruskan => "forwarded",
        DisposisiState.Ditanggapi => "answered",
        DisposisiState.Ditutup => "closed",
        _ => state.ToString(),
    };

    public static string SifatName(Sifat sifat, bool english) => !english ? SifatName(sifat) : sifat switch
    {
        Sifat.Segera => "Urgent",
        Sifat.SangatSegera => "Very urgent",
        _ => "Normal",
    };

    public static string StateName(DisposisiState state) => state switch
    {
        DisposisiState.Terkirim => "terkirim",
        DisposisiState.Dibaca => "dibaca",
        DisposisiState.Disetujui => "disetujui",
        DisposisiState.Dikembalikan => "dikembalikan",
        DisposisiState.Diteruskan => "diteruskan",
        DisposisiState.Ditanggapi => "ditanggapi",
        DisposisiState.Ditutup => "ditutup",
        _ => state.ToString(),
    };

    public static string SifatName(Sifat sifat) => sifat switch
    {
        Sifat.Segera => "Segera",
        Sifat.SangatSegera => "Sangat Segera",
        _ => "Biasa",
    };

    public static Sifat? ParseSifat(string? text) => text?.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant() switch
    {
        "BIASA" => Sifat.Biasa,
        "SEGERA" => Sifat.Segera,
        "SANGATSEGERA" => Sifat.SangatSegera,
        _ => null,
    };
}
