using System.Globalization;
using System.Text.Json.Nodes;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Disposisi;
using BpomBot.Domain.Roster;
using BpomBot.Teams.Cards;

namespace BpomBot.Teams.Disposisi;

/// <summary>
/// Pure builders for the disposisi cards. The base card (stored in the message, seen by everyone) is read-only and
/// asks the clients of the addressee and their Plt/Plh to refresh it; the refresh answer for them is the actionable
/// card. A decided card has no refresh and no actions.
/// </summary>
public static class DisposisiCard
{
    /// <summary>
    /// The card for <paramref name="view"/>: actionable when the viewer may act, otherwise read-only. English when
    /// <paramref name="english"/>; the card's actions carry the language so the answer to a click stays in it.
    /// </summary>
    public static JsonObject Build(DisposisiView view, bool english = false)
    {
        ArgumentNullException.ThrowIfNull(view);
        var d = view.Disposisi;
        var en = english;
        var body = new List<JsonNode>
        {
            AdaptiveCard.Text($"Disposisi: {DisposisiTexts.Summary(d.Summary, d.StepId, en)}", bold: true),
            Coloured($"{StateLine(view, en)} · {(en ? "Priority" : "Sifat")}: {SifatName(d.Sifat, en)}", d.IsDecided ? "Default" : ColourName(view.Colour)),
            AdaptiveCard.Facts(Facts(view, en)),
        };
        body.AddRange(Kelengkapan(view, en));
        if (d.IsForwarded && !d.IsDecided)
        {
            var from = Person(view.From, d.FromId);
            body.Add(AdaptiveCard.Text(en
                ? $"{from} asks for your input; the decision on the step stays with {from}."
                : $"{from} meminta tanggapan Anda; keputusan langkah tetap pada {from}.", subtle: true));
        }

        if (d.IsDecided || d.State == DisposisiState.Diteruskan) body.Add(AdaptiveCard.Facts(Decision(view, en)));
        if (view.Note is { } note) body.Add(Coloured(note.Text(en), "Warning"));

        var card = AdaptiveCard.Create([.. body]);
        if (!d.IsDecided)
        {
            card["refresh"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = DisposisiVerbs.Lihat, ["data"] = Data(d.Id, en) },
                ["userIds"] = new JsonArray([.. RefreshUserIds(view).Select(u => (JsonNode)JsonValue.Create(u))]),
            };
        }

        if (view.CanAct) AddInputs(card, view, en);
        else if (!d.IsDecided && view.Authority is null)
        {
            var title = en ? (d.IsForwarded ? "Open to give input" : "Open to decide") : (d.IsForwarded ? "Buka untuk menanggapi" : "Buka untuk memutuskan");
            card.WithActions(Execute(DisposisiVerbs.Lihat, title, d.Id, english: en)); // for clients that do not refresh
        }

        return card;
    }

    /// <summary>Teams ids (MRIs) whose clients refresh the card: the addressee and their active Plt/Plh (at most 60).</summary>
    public static IReadOnlyList<string> RefreshUserIds(DisposisiView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Disposisi.IsDecided ? [] : [.. new[] { view.Addressee }.Concat(view.Delegates)
            .Select(p => p?.TeamsId).OfType<string>().Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Take(60)];
    }

    /// <summary>
    /// The leader's inbox: pending disposisi, oldest first, with age in HK and deadline colour; each opens its card (in
    /// the inbox's language).
    /// </summary>
    public static JsonObject Inbox(IReadOnlyList<InboxItem> items, bool english = false)
    {
        ArgumentNullException.ThrowIfNull(items);
        var en = english;
        if (items.Count == 0)
        {
            return en
                ? AdaptiveCard.Create(AdaptiveCard.Text("Disposisi inbox", bold: true), AdaptiveCard.Text("No disposisi is waiting for your decision."))
                : AdaptiveCard.Create(AdaptiveCard.Text("Kotak disposisi", bold: true), AdaptiveCard.Text("Tidak ada disposisi yang menunggu keputusan Anda."));
        }

        var body = new List<JsonNode> { AdaptiveCard.Text(en ? $"Disposisi inbox: {items.Count} waiting for a decision" : $"Kotak disposisi: {items.Count} menunggu keputusan", bold: true) };
        foreach (var item in items)
        {
            var d = item.Disposisi;
            var an = item.OnBehalfOf is null ? string.Empty : en ? " · as Plt/Plh" : " · sebagai Plt/Plh";
            var line = en
                ? $"{Sent(item.AgeHk, en)} · due {IndonesianDate.Format(d.BatasWaktu, en)}{Left(item.HkLeft, en)} · {SifatName(d.Sifat, en)} · {StateName(d.State, en)}{an}"
                : $"{Sent(item.AgeHk, en)} · batas {IndonesianDate.Format(d.BatasWaktu)}{Left(item.HkLeft, en)} · {SifatName(d.Sifat, en)} · {StateName(d.State, en)}{an}";
            body.Add(new JsonObject
            {
                ["type"] = "ColumnSet",
                ["separator"] = true,
                ["columns"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = "Column", ["width"] = "stretch",
                        ["items"] = new JsonArray(
                            AdaptiveCard.Text($"{d.StepId} · {DisposisiTexts.Summary(d.Summary, d.StepId, en)}", bold: true),
                            Coloured(line, ColourName(item.Colour))),
                    },
                    new JsonObject
                    {
                        ["type"] = "Column", ["width"] = "auto",
                        ["items"] = new JsonArray(new JsonObject
                        {
                            ["type"] = "ActionSet",
                            ["actions"] = new JsonArray(Execute(DisposisiVerbs.Buka, en ? "Open" : "Buka", d.Id, english: en)),
                        }),
                    }),
            });
        }

        return AdaptiveCard.Create([.. body]);
    }

    /// <summary>An <c>Action.Execute</c> carrying the disposisi id, with an <c>Action.Submit</c> fallback carrying the verb too.</summary>
    public static JsonObject Execute(string verb, string title, string disposisiId, string? style = null, bool english = false)
    {
        var fallbackData = new JsonObject { ["verb"] = verb, ["disposisiId"] = disposisiId };
        if (english) fallbackData["lang"] = "en";
        var action = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["verb"] = verb,
            ["title"] = title,
            ["data"] = Data(disposisiId, english),
            ["fallback"] = new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = title,
                ["data"] = fallbackData,
            },
        };
        if (style is not null) action["style"] = style;
        return action;
    }

    /// <summary>Card data: the disposisi id, and <c>lang: en</c> on English cards (Indonesian is the default).</summary>
    private static JsonObject Data(string disposisiId, bool english)
    {
        var data = new JsonObject { ["disposisiId"] = disposisiId };
        if (english) data["lang"] = "en";
        return data;
    }

    private static IEnumerable<(string, string)> Facts(DisposisiView view, bool en)
    {
        var d = view.Disposisi;
        var k = view.Kegiatan;
        yield return ("Kegiatan", k is null ? d.KegiatanId : $"{k.Title} ({k.SubProcess}, {k.Year})");
        yield return (en ? "Step" : "Langkah", view.Step is { } s ? $"{s.Id} {s.Aktivitas.TrimEnd('.')}" : d.StepId);
        yield return (en ? "Officer" : "Petugas", Person(view.Officer, d.OfficerId));
        if (d.IsForwarded) yield return (en ? "From" : "Dari", Person(view.From, d.FromId));
        yield return (en ? "To" : "Kepada", Person(view.Addressee, d.ToId) + (view.Delegates.Count > 0 ? $" (Plt/Plh: {string.Join(", ", view.Delegates.Select(p => p.Name))})" : string.Empty));
        if ((en ? d.LeaderReasonEnglish ?? d.LeaderReason : d.LeaderReason) is { Length: > 0 } why) yield return (en ? "Why you" : "Mengapa Anda", why);
        var due = k?.FindStep(d.StepId)?.DueOn ?? d.StepDueOn;
        if (due is { } dueOn && dueOn != d.BatasWaktu)
        {
            var waktu = view.Step is { } step ? (en ? $"time allowed {step.WaktuText}; " : $"waktu {step.WaktuText}; ") : string.Empty;
            var left = view.StepHkLeft is { } hk ? Distance(hk, en) : en ? "HK not available" : "HK tidak tersedia";
            yield return (en ? "Step due" : "Jatuh tempo langkah", $"{IndonesianDate.Format(dueOn, en)} ({waktu}{left})");
            yield return (en ? "Deadline" : "Batas waktu", IndonesianDate.Format(d.BatasWaktu, en));
        }
        else
        {
            // One date: the step's due date is the batas waktu proposed to the leader.
            var waktu = view.Step is { } step && due is not null ? (en ? $"time allowed {step.WaktuText}; " : $"waktu {step.WaktuText}; ") : string.Empty;
            var left = due is not null && view.StepHkLeft is { } hk ? $" ({waktu}{Distance(hk, en)})" : string.Empty;
            yield return (en ? "Deadline" : "Batas waktu", IndonesianDate.Format(d.BatasWaktu, en) + left);
        }

        yield return (en ? "Sent" : "Dikirim", view.AgeHk == 0 ? (en ? "today" : "hari ini") : en ? $"{view.AgeHk} HK ago" : $"{view.AgeHk} HK lalu");
    }

    private static IEnumerable<JsonNode> Kelengkapan(DisposisiView view, bool en)
    {
        var record = view.Kegiatan?.FindStep(view.Disposisi.StepId);
        if (record is null) yield break;
        if (record.Kelengkapan.Count > 0)
        {
            var lines = record.Kelengkapan.Select(r => $"- {r.Alternative}: {Link(r.Reference)} ({IndonesianDate.Format(r.ReceivedOn, en)})");
            yield return AdaptiveCard.Text("**Kelengkapan**\n" + string.Join("\n", lines));
        }

        if (record.OutputReference is { Length: > 0 } output)
            yield return AdaptiveCard.Text($"**Output** ({view.Step?.Output.TrimEnd('.') ?? (en ? "step output" : "hasil langkah")}): {Link(output)}");

        // Only a disposisi sent for a resubmission was "sent again"; a returned one is not until the officer resends.
        var round = view.Disposisi.Round;
        if (round > 0)
        {
            var hasNote = record.TimesReturned == round && record.Note is { Length: > 0 };
            var last = hasNote ? (en ? $" (last reason: {record.Note!.TrimEnd('.')})" : $" (alasan terakhir: {record.Note!.TrimEnd('.')})") : string.Empty;
            yield return AdaptiveCard.Text(en ? $"Sent again after being returned {round}×{last}." : $"Dikirim ulang setelah dikembalikan {round}×{last}.", subtle: true);
        }
    }

    private static IEnumerable<(string, string)> Decision(DisposisiView view, bool en)
    {
        var d = view.Disposisi;
        if (d.ForwardedToId is { } to)
        {
            var forwarded = en ? $"{Person(view.ForwardedTo, to)} for input" : $"{Person(view.ForwardedTo, to)} untuk dimintai tanggapan";
            if (d.ForwardedAt is { } fAt) forwarded += $", {When(fAt, en)}";
            yield return (en ? "Forwarded to" : "Diteruskan kepada", forwarded);
            if (d.Tanggapan is { Length: > 0 } answer)
                yield return (en ? $"Input from {Person(view.Responder, d.TanggapanBy ?? to)}" : $"Tanggapan {Person(view.Responder, d.TanggapanBy ?? to)}", answer);
            else if (!d.IsDecided)
                yield return (en ? "Input" : "Tanggapan", en ? "none yet; you may decide without waiting." : "belum ada; Anda dapat memutuskan tanpa menunggu.");
        }

        if (!d.IsDecided) yield break;
        yield return (en ? "Decision" : "Keputusan", StateName(d.State, en));
        var by = Person(view.DecidedBy, d.DecidedBy ?? "-");
        yield return (en ? "By" : "Oleh", d.DecidedOnBehalfOf is null ? by : $"{by} {(en ? "on behalf of" : "a.n.")} {Person(view.Addressee, d.DecidedOnBehalfOf)}");
        if (d.DecidedAt is { } at) yield return (en ? "At" : "Pada", When(at, en));
        if (d.Arahan.Count > 0) yield return (en ? "Instructions" : "Arahan", string.Join(", ", d.Arahan.Select(a => ArahanName(a, en))));
        if (d.Catatan is { Length: > 0 } catatan) yield return (en ? "Note" : "Catatan", catatan);
        if (d.Reason is { Length: > 0 } reason) yield return (en ? "Reason" : "Alasan", reason);
        if (d.IsForwarded && d.Tanggapan is { Length: > 0 } own) yield return (en ? "Input" : "Tanggapan", own);
    }

    private static string When(DateTimeOffset at, bool en)
    {
        var wib = at.ToOffset(TimeSpan.FromHours(7));
        return $"{IndonesianDate.Format(DateOnly.FromDateTime(wib.DateTime), en)} {wib.ToString("HH:mm", CultureInfo.InvariantCulture)} WIB";
    }

    private static string Sent(int ageHk, bool en) => en
        ? ageHk == 0 ? "sent today" : $"sent {ageHk} HK ago"
        : ageHk == 0 ? "dikirim hari ini" : $"dikirim {ageHk} HK lalu";

    private static string Left(int? hkLeft, bool en) => hkLeft is { } hk ? $" ({Distance(hk, en)})" : string.Empty;

    private static string Distance(int hk, bool en) => en ? IndonesianDate.DescribeHkDistanceEnglish(hk) : IndonesianDate.DescribeHkDistance(hk);

    private static void AddInputs(JsonObject card, DisposisiView view, bool en)
    {
        var d = view.Disposisi;
        var body = (JsonArray)card["body"]!;
        if (view.Authority?.OnBehalfOf is { } onBehalf)
        {
            var leader = Person(view.Addressee, onBehalf);
            body.Add(AdaptiveCard.Text(en ? $"You are acting as Plt/Plh on behalf of {leader}." : $"Anda bertindak sebagai Plt/Plh a.n. {leader}.", subtle: true));
        }

        if (d.IsForwarded)
        {
            // A forward asks for input: the addressee answers; the step's leader decides.
            body.Add(new JsonObject { ["type"] = "Input.Text", ["id"] = "tanggapan", ["label"] = en ? "Input" : "Tanggapan", ["isMultiline"] = true, ["isRequired"] = true, ["maxLength"] = 1000 });
            body.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray(Execute(DisposisiVerbs.Tanggapi, en ? "Send input" : "Kirim tanggapan", d.Id, "positive", en)) });
            return;
        }

        body.Add(new JsonObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = "arahan", ["label"] = en ? "Instructions" : "Arahan", ["isMultiSelect"] = true, ["style"] = "expanded",
            ["value"] = string.Join(",", d.Arahan),
            ["choices"] = new JsonArray([.. DisposisiText.StandardArahan.Select(a => (JsonNode)new JsonObject { ["title"] = ArahanName(a.Id, en), ["value"] = a.Id })]),
        });
        body.Add(new JsonObject { ["type"] = "Input.Text", ["id"] = "catatan", ["label"] = en ? "Note" : "Catatan", ["isMultiline"] = true, ["value"] = d.Catatan ?? string.Empty, ["maxLength"] = 1000 });
        body.Add(new JsonObject { ["type"] = "Input.Date", ["id"] = "batasWaktu", ["label"] = en ? "Deadline" : "Batas waktu", ["value"] = d.BatasWaktu.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        body.Add(new JsonObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = "sifat", ["label"] = en ? "Priority" : "Sifat", ["style"] = "compact", ["value"] = d.Sifat.ToString(),
            ["choices"] = new JsonArray([.. Enum.GetValues<Sifat>().Select(s => (JsonNode)new JsonObject { ["title"] = SifatName(s, en), ["value"] = s.ToString() })]),
        });
        body.Add(new JsonObject { ["type"] = "Input.Text", ["id"] = "alasan", ["label"] = en ? "Reason (required to Return)" : "Alasan (wajib untuk Kembalikan)", ["isMultiline"] = true, ["maxLength"] = 1000 });
        var actions = new JsonArray(
            Execute(DisposisiVerbs.Setujui, en ? "Approve" : "Setujui", d.Id, "positive", en),
            Execute(DisposisiVerbs.Kembalikan, en ? "Return" : "Kembalikan", d.Id, "destructive", en));
        if (view.Subordinates.Count > 0)
        {
            body.Add(new JsonObject
            {
                ["type"] = "Input.ChoiceSet", ["id"] = "penerima", ["label"] = en ? "Forward to" : "Teruskan kepada", ["style"] = "compact",
                ["placeholder"] = en ? "Choose a subordinate" : "Pilih bawahan",
                ["choices"] = new JsonArray([.. view.Subordinates.Select(p => (JsonNode)new JsonObject
                {
                    ["title"] = $"{p.Name} ({string.Join(", ", p.Roles.Select(RosterRoles.Name))})", ["value"] = p.AadObjectId,
                })]),
            });
            actions.Add(Execute(DisposisiVerbs.Teruskan, en ? "Forward" : "Teruskan", d.Id, english: en));
        }

        body.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = actions });
    }

    private static string StateLine(DisposisiView view, bool en)
    {
        var d = view.Disposisi;
        if (d.State != DisposisiState.Diteruskan) return $"Status: {StateName(d.State, en)}";
        var to = Person(view.ForwardedTo, d.ForwardedToId ?? "-");
        if (en)
        {
            return d.Tanggapan is { Length: > 0 }
                ? $"Status: input from {to} received, waiting for a decision"
                : $"Status: forwarded to {to}, waiting for input";
        }

        return d.Tanggapan is { Length: > 0 }
            ? $"Status: tanggapan {to} diterima, menunggu keputusan"
            : $"Status: diteruskan kepada {to}, menunggu tanggapan";
    }

    private static string StateName(DisposisiState state, bool en) => DisposisiText.StateName(state, en);

    private static string SifatName(Sifat sifat, bool en) => DisposisiText.SifatName(sifat, en);

    private static string ArahanName(string id, bool en) => DisposisiText.ArahanName(id, en);

    private static JsonObject Coloured(string text, string colour)
    {
        var block = AdaptiveCard.Text(text);
        block["color"] = colour;
        return block;
    }

    private static string ColourName(DeadlineColour colour) => colour switch
    {
        DeadlineColour.Merah => "Attention",
        DeadlineColour.Kuning => "Warning",
        _ => "Good",
    };

    private static string Person(PersonRecord? person, string fallback) => person is null ? fallback : person.Name;

    private static string Link(string reference) =>
        Uri.TryCreate(reference, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            ? $"[{reference}]({reference})"
            : reference;
}
