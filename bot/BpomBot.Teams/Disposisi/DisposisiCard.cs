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
    /// <summary>The card for <paramref name="view"/>: actionable when the viewer may act, otherwise read-only.</summary>
    public static JsonObject Build(DisposisiView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var d = view.Disposisi;
        var body = new List<JsonNode>
        {
            AdaptiveCard.Text($"Disposisi: {d.Summary}", bold: true),
            Coloured($"{StateLine(view)} · Sifat: {DisposisiText.SifatName(d.Sifat)}", d.IsDecided ? "Default" : ColourName(view.Colour)),
            AdaptiveCard.Facts(Facts(view)),
        };
        body.AddRange(Kelengkapan(view));
        if (d.IsForwarded && !d.IsDecided)
        {
            var from = Person(view.From, d.FromId);
            body.Add(AdaptiveCard.Text($"{from} meminta tanggapan Anda; keputusan langkah tetap pada {from}.", subtle: true));
        }

        if (d.IsDecided || d.State == DisposisiState.Diteruskan) body.Add(AdaptiveCard.Facts(Decision(view)));
        if (view.Note is { Length: > 0 } note) body.Add(Coloured(note, "Warning"));

        var card = AdaptiveCard.Create([.. body]);
        if (!d.IsDecided)
        {
            card["refresh"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = DisposisiVerbs.Lihat, ["data"] = Data(d.Id) },
                ["userIds"] = new JsonArray([.. RefreshUserIds(view).Select(u => (JsonNode)JsonValue.Create(u))]),
            };
        }

        if (view.CanAct) AddInputs(card, view);
        else if (!d.IsDecided && view.Authority is null)
            card.WithActions(Execute(DisposisiVerbs.Lihat, d.IsForwarded ? "Buka untuk menanggapi" : "Buka untuk memutuskan", d.Id)); // for clients that do not refresh
        return card;
    }

    /// <summary>Teams ids (MRIs) whose clients refresh the card: the addressee and their active Plt/Plh (at most 60).</summary>
    public static IReadOnlyList<string> RefreshUserIds(DisposisiView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view.Disposisi.IsDecided ? [] : [.. new[] { view.Addressee }.Concat(view.Delegates)
            .Select(p => p?.TeamsId).OfType<string>().Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Take(60)];
    }

    /// <summary>The leader's inbox: pending disposisi, oldest first, with age in HK and deadline colour; each opens its card.</summary>
    public static JsonObject Inbox(IReadOnlyList<InboxItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0)
            return AdaptiveCard.Create(AdaptiveCard.Text("Kotak disposisi", bold: true), AdaptiveCard.Text("Tidak ada disposisi yang menunggu keputusan Anda."));
        var body = new List<JsonNode> { AdaptiveCard.Text($"Kotak disposisi: {items.Count} menunggu keputusan", bold: true) };
        foreach (var item in items)
        {
            var d = item.Disposisi;
            var an = item.OnBehalfOf is null ? string.Empty : " · sebagai Plt/Plh";
            body.Add(new JsonObject
            {
                ["type"] = "ColumnSet",
                ["separator"] = true,
                ["columns"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = "Column", ["width"] = "stretch",
                        ["items"] = new JsonArray(
                            AdaptiveCard.Text($"{d.StepId} · {d.Summary}", bold: true),
                            Coloured($"{Sent(item.AgeHk)} · batas {IndonesianDate.Format(d.BatasWaktu)}{Left(item.HkLeft)} · {DisposisiText.SifatName(d.Sifat)} · {DisposisiText.StateName(d.State)}{an}", ColourName(item.Colour))),
                    },
                    new JsonObject
                    {
                        ["type"] = "Column", ["width"] = "auto",
                        ["items"] = new JsonArray(new JsonObject
                        {
                            ["type"] = "ActionSet",
                            ["actions"] = new JsonArray(Execute(DisposisiVerbs.Buka, "Buka", d.Id)),
                        }),
                    }),
            });
        }

        return AdaptiveCard.Create([.. body]);
    }

    /// <summary>An <c>Action.Execute</c> carrying the disposisi id, with an <c>Action.Submit</c> fallback carrying the verb too.</summary>
    public static JsonObject Execute(string verb, string title, string disposisiId, string? style = null)
    {
        var action = new JsonObject
        {
            ["type"] = "Action.Execute",
            ["verb"] = verb,
            ["title"] = title,
            ["data"] = Data(disposisiId),
            ["fallback"] = new JsonObject
            {
                ["type"] = "Action.Submit",
                ["title"] = title,
                ["data"] = new JsonObject { ["verb"] = verb, ["disposisiId"] = disposisiId },
            },
        };
        if (style is not null) action["style"] = style;
        return action;
    }

    private static JsonObject Data(string disposisiId) => new() { ["disposisiId"] = disposisiId };

    private static IEnumerable<(string, string)> Facts(DisposisiView view)
    {
        var d = view.Disposisi;
        var k = view.Kegiatan;
        yield return ("Kegiatan", k is null ? d.KegiatanId : $"{k.Title} ({k.SubProcess}, {k.Year})");
        yield return ("Langkah", view.Step is { } s ? $"{s.Id} {s.Aktivitas.TrimEnd('.')}" : d.StepId);
        yield return ("Petugas", Person(view.Officer, d.OfficerId));
        if (d.IsForwarded) yield return ("Dari", Person(view.From, d.FromId));
        yield return ("Kepada", Person(view.Addressee, d.ToId) + (view.Delegates.Count > 0 ? $" (Plt/Plh: {string.Join(", ", view.Delegates.Select(p => p.Name))})" : string.Empty));
        if (d.LeaderReason is { Length: > 0 } why) yield return ("Mengapa Anda", why);
        var due = k?.FindStep(d.StepId)?.DueOn ?? d.StepDueOn;
        if (due is { } dueOn && dueOn != d.BatasWaktu)
        {
            var waktu = view.Step is { } step ? $"waktu {step.WaktuText}; " : string.Empty;
            var left = view.StepHkLeft is { } hk ? IndonesianDate.DescribeHkDistance(hk) : "HK tidak tersedia";
            yield return ("Jatuh tempo langkah", $"{IndonesianDate.Format(dueOn)} ({waktu}{left})");
            yield return ("Batas waktu", IndonesianDate.Format(d.BatasWaktu));
        }
        else
        {
            // One date: the step's due date is the batas waktu proposed to the leader.
            var waktu = view.Step is { } step && due is not null ? $"waktu {step.WaktuText}; " : string.Empty;
            var left = due is not null && view.StepHkLeft is { } hk ? $" ({waktu}{IndonesianDate.DescribeHkDistance(hk)})" : string.Empty;
            yield return ("Batas waktu", IndonesianDate.Format(d.BatasWaktu) + left);
        }

        yield return ("Dikirim", view.AgeHk == 0 ? "hari ini" : $"{view.AgeHk} HK lalu");
    }

    private static IEnumerable<JsonNode> Kelengkapan(DisposisiView view)
    {
        var record = view.Kegiatan?.FindStep(view.Disposisi.StepId);
        if (record is null) yield break;
        if (record.Kelengkapan.Count > 0)
        {
            var lines = record.Kelengkapan.Select(r => $"- {r.Alternative}: {Link(r.Reference)} ({IndonesianDate.Format(r.ReceivedOn)})");
            yield return AdaptiveCard.Text("**Kelengkapan**\n" + string.Join("\n", lines));
        }

        if (record.OutputReference is { Length: > 0 } output)
            yield return AdaptiveCard.Text($"**Output** ({view.Step?.Output.TrimEnd('.') ?? "hasil langkah"}): {Link(output)}");

        // Only a disposisi sent for a resubmission was "sent again"; a returned one is not until the officer resends.
        var round = view.Disposisi.Round;
        if (round > 0)
        {
            var last = record.TimesReturned == round && record.Note is { Length: > 0 } note ? $" (alasan terakhir: {note.TrimEnd('.')})" : string.Empty;
            yield return AdaptiveCard.Text($"Dikirim ulang setelah dikembalikan {round}×{last}.", subtle: true);
        }
    }

    private static IEnumerable<(string, string)> Decision(DisposisiView view)
    {
        var d = view.Disposisi;
        if (d.ForwardedToId is { } to)
        {
            var forwarded = $"{Person(view.ForwardedTo, to)} untuk dimintai tanggapan";
            if (d.ForwardedAt is { } fAt) forwarded += $", {When(fAt)}";
            yield return ("Diteruskan kepada", forwarded);
            if (d.Tanggapan is { Length: > 0 } answer)
                yield return ($"Tanggapan {Person(view.Responder, d.TanggapanBy ?? to)}", answer);
            else if (!d.IsDecided)
                yield return ("Tanggapan", "belum ada; Anda dapat memutuskan tanpa menunggu.");
        }

        if (!d.IsDecided) yield break;
        yield return ("Keputusan", DisposisiText.StateName(d.State));
        var by = Person(view.DecidedBy, d.DecidedBy ?? "-");
        yield return ("Oleh", d.DecidedOnBehalfOf is null ? by : $"{by} a.n. {Person(view.Addressee, d.DecidedOnBehalfOf)}");
        if (d.DecidedAt is { } at) yield return ("Pada", When(at));
        if (d.Arahan.Count > 0) yield return ("Arahan", string.Join(", ", d.Arahan.Select(DisposisiText.ArahanName)));
        if (d.Catatan is { Length: > 0 } catatan) yield return ("Catatan", catatan);
        if (d.Reason is { Length: > 0 } reason) yield return ("Alasan", reason);
        if (d.IsForwarded && d.Tanggapan is { Length: > 0 } own) yield return ("Tanggapan", own);
    }

    private static string When(DateTimeOffset at)
    {
        var wib = at.ToOffset(TimeSpan.FromHours(7));
        return $"{IndonesianDate.Format(DateOnly.FromDateTime(wib.DateTime))} {wib.ToString("HH:mm", CultureInfo.InvariantCulture)} WIB";
    }

    private static string Sent(int ageHk) => ageHk == 0 ? "dikirim hari ini" : $"dikirim {ageHk} HK lalu";

    private static string Left(int? hkLeft) => hkLeft is { } hk ? $" ({IndonesianDate.DescribeHkDistance(hk)})" : string.Empty;

    private static void AddInputs(JsonObject card, DisposisiView view)
    {
        var d = view.Disposisi;
        var body = (JsonArray)card["body"]!;
        if (view.Authority?.OnBehalfOf is { } onBehalf)
            body.Add(AdaptiveCard.Text($"Anda bertindak sebagai Plt/Plh a.n. {Person(view.Addressee, onBehalf)}.", subtle: true));
        if (d.IsForwarded)
        {
            // A forward asks for input: the addressee answers; the step's leader decides.
            body.Add(new JsonObject { ["type"] = "Input.Text", ["id"] = "tanggapan", ["label"] = "Tanggapan", ["isMultiline"] = true, ["isRequired"] = true, ["maxLength"] = 1000 });
            body.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = new JsonArray(Execute(DisposisiVerbs.Tanggapi, "Kirim tanggapan", d.Id, "positive")) });
            return;
        }

        body.Add(new JsonObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = "arahan", ["label"] = "Arahan", ["isMultiSelect"] = true, ["style"] = "expanded",
            ["value"] = string.Join(",", d.Arahan),
            ["choices"] = new JsonArray([.. DisposisiText.StandardArahan.Select(a => (JsonNode)new JsonObject { ["title"] = a.Name, ["value"] = a.Id })]),
        });
        body.Add(new JsonObject { ["type"] = "Input.Text", ["id"] = "catatan", ["label"] = "Catatan", ["isMultiline"] = true, ["value"] = d.Catatan ?? string.Empty, ["maxLength"] = 1000 });
        body.Add(new JsonObject { ["type"] = "Input.Date", ["id"] = "batasWaktu", ["label"] = "Batas waktu", ["value"] = d.BatasWaktu.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        body.Add(new JsonObject
        {
            ["type"] = "Input.ChoiceSet", ["id"] = "sifat", ["label"] = "Sifat", ["style"] = "compact", ["value"] = d.Sifat.ToString(),
            ["choices"] = new JsonArray([.. Enum.GetValues<Sifat>().Select(s => (JsonNode)new JsonObject { ["title"] = DisposisiText.SifatName(s), ["value"] = s.ToString() })]),
        });
        body.Add(new JsonObject { ["type"] = "Input.Text", ["id"] = "alasan", ["label"] = "Alasan (wajib untuk Kembalikan)", ["isMultiline"] = true, ["maxLength"] = 1000 });
        var actions = new JsonArray(
            Execute(DisposisiVerbs.Setujui, "Setujui", d.Id, "positive"),
            Execute(DisposisiVerbs.Kembalikan, "Kembalikan", d.Id, "destructive"));
        if (view.Subordinates.Count > 0)
        {
            body.Add(new JsonObject
            {
                ["type"] = "Input.ChoiceSet", ["id"] = "penerima", ["label"] = "Teruskan kepada", ["style"] = "compact",
                ["placeholder"] = "Pilih bawahan",
                ["choices"] = new JsonArray([.. view.Subordinates.Select(p => (JsonNode)new JsonObject
                {
                    ["title"] = $"{p.Name} ({string.Join(", ", p.Roles.Select(RosterRoles.Name))})", ["value"] = p.AadObjectId,
                })]),
            });
            actions.Add(Execute(DisposisiVerbs.Teruskan, "Teruskan", d.Id));
        }

        body.Add(new JsonObject { ["type"] = "ActionSet", ["actions"] = actions });
    }

    private static string StateLine(DisposisiView view)
    {
        var d = view.Disposisi;
        if (d.State != DisposisiState.Diteruskan) return $"Status: {DisposisiText.StateName(d.State)}";
        var to = Person(view.ForwardedTo, d.ForwardedToId ?? "-");
        return d.Tanggapan is { Length: > 0 }
            ? $"Status: tanggapan {to} diterima, menunggu keputusan"
            : $"Status: diteruskan kepada {to}, menunggu tanggapan";
    }

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
