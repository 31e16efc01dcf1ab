using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Application;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Dates;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Understanding;
using BpomBot.Domain.Workflow;
using BpomBot.Teams.Cards;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;
using Microsoft.Extensions.Logging;

namespace BpomBot.Teams.Conversation;

/// <summary>
/// The officer's SOP conversation: commands and the prompts they open, over <see cref="OfficerWorkflow"/>. Dialog state
/// is loaded and saved once per turn (before any reply is sent); redelivered activities are recognised by id.
/// </summary>
public sealed partial class OfficerConversation(
    OfficerWorkflow workflow,
    IDialogStateRepository dialogs,
    IRosterRepository roster,
    BpomBot.Domain.Roster.RosterSelfRegistration registration,
    UnitCatalog units,
    DateRecognizer dates,
    IEvidenceIntake evidence,
    IntentRecognizer recognizer,
    TimeProvider timeProvider,
    ILogger<OfficerConversation> logger)
{
    public const string RoleOfficer = "petugas";
    public const string RoleLeader = "pimpinan";

    /// <summary>The command words, in Indonesian, from the one vocabulary of the bot.</summary>
    public static readonly string CommandList = "Perintah: " + string.Join(", ", IntentCatalog.Intents.Where(i => Understood.IsCommand(i.Intent)).Select(i => i.Word)) + ".";

    /// <summary>The command words, in English.</summary>
    public static readonly string CommandListEnglish = "Commands: " + string.Join(", ", IntentCatalog.Intents.Where(i => Understood.IsCommand(i.Intent)).Select(i => i.EnglishWord)) + ".";

    /// <summary>Handles a typed message; false when it is neither a command nor an answer to an open prompt.</summary>
    public async Task<bool> TryHandleMessageAsync(ITurnContext turn, MessageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        using var gate = await EnterAsync(turn.Activity, cancellationToken);
        var session = await LoadAsync(turn.Activity, cancellationToken);
        var state = session.State;
        if (turn.Activity.Id is { } id && state.Processed.Contains(id))
        {
            LogRedelivery(logger, id);
            return true;
        }

        var prompt = KindOf(state.Prompt);
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime.AddHours(7));
        var heard = recognizer.Understand(input.Text, prompt, today);
        var atRest = prompt == PromptKind.None ? heard : recognizer.Understand(input.Text, today);
        if (prompt == PromptKind.None && !IsOfficerIntent(heard.Intent))
        {
            return false; // bantuan, disposisi, a citizen's question or chit-chat: the other handlers answer
        }

        state.English = heard.English ?? (input.Language == Language.English || state.English);
        var t = new Turn(turn.Activity, Officer(turn.Activity), state, input.Text) { Heard = heard, AtRest = atRest };
        if (prompt != PromptKind.None && heard.Interrupts && !IsOfficerIntent(heard.Intent) && heard.Intent is not (Intent.Bantuan or Intent.Batal))
        {
            // Another handler answers (disposisi): the open question is closed first, and the officer is told so.
            state.ClearPrompt();
            SayPromptClosed(t);
            await SaveAsync(session, cancellationToken);
            foreach (var reply in t.Outgoing())
            {
                await turn.SendAsync(reply, cancellationToken);
            }

            return false;
        }

        if (prompt != PromptKind.None)
        {
            await AnswerAsync(t, cancellationToken);
        }
        else if (heard.IsAmbiguous)
        {
            Clarify(t, heard);
        }
        else
        {
            await RunAsync(t, ToCommand(heard), cancellationToken);
        }

        state.MarkProcessed(turn.Activity.Id);
        await SaveAsync(session, cancellationToken);
        foreach (var reply in t.Outgoing())
        {
            await turn.SendAsync(reply, cancellationToken);
        }

        return true;
    }

    /// <summary>A step card button: checks the card's version against the kegiatan, then runs the command on it.</summary>
    public async Task<InvokeResponse> HandleActionAsync(
        ITurnContext turn, Command command, string? kegiatanId, string? version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        if (string.IsNullOrWhiteSpace(kegiatanId))
        {
            return InvokeResponse.Error(400, "BadRequest", "data.k (kegiatan id) is required.");
        }

        using var gate = await EnterAsync(turn.Activity, cancellationToken);
        var session = await LoadAsync(turn.Activity, cancellationToken);
        var state = session.State;
        var officer = Officer(turn.Activity);
        var kegiatan = await workflow.GetAsync(kegiatanId, cancellationToken);
        if (kegiatan is null)
        {
            return InvokeResponse.Message(state.English ? "This kegiatan no longer exists." : "Kegiatan tidak ditemukan.");
        }

        if (kegiatan.OfficerId != officer.Id)
        {
            return InvokeResponse.Message(state.English ? "This kegiatan belongs to another officer." : "Kegiatan ini dipegang petugas lain.");
        }

        var t = new Turn(turn.Activity, officer, state, string.Empty);
        var redelivered = turn.Activity.Id is { } id && state.Processed.Contains(id);
        if (!redelivered && version is not null && version != kegiatan.Version)
        {
            t.Say("Kartu ini sudah tidak terbaru; ini keadaan kegiatan saat ini.", "This card is out of date; here is the current state.");
        }
        else if (!redelivered)
        {
            state.ClearPrompt();
            state.KegiatanId = kegiatan.Id;
            state.KegiatanVersion = kegiatan.Version;
            await RunAsync(t, new ParsedCommand(command, string.Empty) { Explicit = true }, cancellationToken);
            kegiatan = await workflow.GetAsync(kegiatanId, cancellationToken) ?? kegiatan;
        }

        state.MarkProcessed(turn.Activity.Id);
        await SaveAsync(session, cancellationToken);

        // The card refreshes in place; a step card the command produced for this kegiatan is that refresh.
        var replies = t.Replies.ToList();
        replies.RemoveAll(r => t.StepCardsOf.TryGetValue(r, out var shown) && shown == kegiatan.Id);
        foreach (var reply in replies)
        {
            await turn.SendAsync(reply, cancellationToken);
        }

        return workflow.Describe(kegiatan) is { } view
            ? InvokeResponse.Card(StepCard.Build(view, state.English))
            : InvokeResponse.Message(Summary(kegiatan, state.English));
    }

    private async Task RunAsync(Turn t, ParsedCommand parsed, CancellationToken ct)
    {
        var state = t.State;
        switch (parsed.Command)
        {
            case Command.Mulai:
                state.ClearPrompt();
                if (SubProcessFrom(parsed.Argument, annual: false) is { } sub)
                {
                    state.SubProcess = sub.Code;
                    AskTitle(t);
                }
                else
                {
                    AskSubProcess(t, annual: false);
                }

                return;
            case Command.MulaiTahunan:
                state.ClearPrompt();
                state.Annual = true;
                if (SubProcessFrom(parsed.Argument, annual: true) is { } annualSub)
                {
                    state.SubProcess = annualSub.Code;
                    await StartWhenUnitKnownAsync(t, ct);
                }
                else
                {
                    AskSubProcess(t, annual: true);
                }

                return;
            case Command.Tugas:
                await ListTasksAsync(t, ct);
                return;
        }

        var kegiatan = await ResolveAsync(t, parsed, ct);
        if (kegiatan is null)
        {
            return;
        }

        state.KegiatanId = kegiatan.Id;
        state.KegiatanVersion = kegiatan.Version;
        var view = workflow.Describe(kegiatan);
        switch (parsed.Command)
        {
            case Command.Status:
                t.Say(Summary(kegiatan, state.English));
                if (view is not null) t.StepCard(view, state.English);
                return;
            case Command.Riwayat:
                await HistoryAsync(t, kegiatan, ct);
                return;
        }

        if (view is null)
        {
            t.Say(Summary(kegiatan, state.English));
            return;
        }

        switch (parsed.Command)
        {
            case Command.Lanjut:
                t.StepCard(view, state.English);
                break;
            case Command.Kelengkapan:
                BeginKelengkapan(t, view, parsed.Argument.Length > 0 ? parsed.Argument : null);
                break;
            case Command.Selesai:
                BeginSelesai(t, view);
                break;
            case Command.Rencana:
                if (!view.Step.IsNotApplicableWaktu)
                {
                    t.Say($"Langkah {view.Step.Id} berwaktu {view.Step.WaktuText}; jatuh tempo dihitung otomatis, tidak perlu rencana.",
                        $"Step {view.Step.Id} takes {view.Step.WaktuText}; its due date is computed, no plan needed.");
                }
                else if (parsed.Argument.Length > 0)
                {
                    await PlanAsync(t, kegiatan, parsed.Argument, ct);
                }
                else
                {
                    Ask(t, Prompt.PlanDate, $"Tanggal rencana langkah {view.Step.Id}? Contoh: 15 Maret 2026, atau Senin depan.",
                        $"Planned date for step {view.Step.Id}? Example: 15 March 2026, or next Monday.");
                }

                break;
            case Command.Tunda:
                if (parsed.Argument.Length >= 3)
                {
                    Apply(t, await workflow.PauseAsync(Target(t, kegiatan), parsed.Argument, ct), $"Langkah {view.Step.Id} ditunda.", $"Step {view.Step.Id} paused.");
                }
                else
                {
                    Ask(t, Prompt.PauseReason, $"Alasan menunda langkah {view.Step.Id}? Contoh: menunggu jadwal narasumber.",
                        $"Why pause step {view.Step.Id}? Example: waiting for the speaker's schedule.");
                }

                break;
            case Command.Lanjutkan:
                Apply(t, await workflow.ResumeAsync(Target(t, kegiatan), ct), $"Langkah {view.Step.Id} dilanjutkan.", $"Step {view.Step.Id} resumed.");
                break;
            case Command.Lewati:
                if (view.Step.Branches.FirstOrDefault(b => b.After == BranchTiming.Skip) is { } branch)
                {
                    if (NeedsConfirmation(t, parsed, kegiatan, $"Lewati langkah {view.Step.Id} ({branch.Label})?", $"Skip step {view.Step.Id} ({branch.Label})?"))
                    {
                        break;
                    }

                    Apply(t, await workflow.SkipAsync(Target(t, kegiatan), branch.Id, parsed.Argument.Length > 0 ? parsed.Argument : null, ct),
                        $"Langkah {view.Step.Id} dilewati ({branch.Label}).", $"Step {view.Step.Id} skipped ({branch.Label}).");
                }
                else
                {
                    t.Say($"Langkah {view.Step.Id} wajib menurut SOP dan tidak dapat dilewati.", $"Step {view.Step.Id} is required by the SOP and cannot be skipped.");
                }

                break;
            case Command.Batal:
                if (NeedsConfirmation(t, parsed, kegiatan, $"Batalkan kegiatan \"{kegiatan.Title}\"?", $"Cancel the kegiatan \"{kegiatan.Title}\"?"))
                {
                    break;
                }

                if (parsed.Argument.Length >= 3 && !int.TryParse(parsed.Argument, out _))
                {
                    await CancelAsync(t, kegiatan, parsed.Argument, ct);
                }
                else
                {
                    Ask(t, Prompt.CancelReason, $"Alasan membatalkan kegiatan \"{kegiatan.Title}\"? (ketik batal untuk tidak jadi)",
                        $"Why cancel the kegiatan \"{kegiatan.Title}\"? (type cancel to keep it)");
                }

                break;
        }
    }

    private async Task AnswerAsync(Turn t, CancellationToken ct)
    {
        var state = t.State;
        var text = t.Text.Trim();
        var heard = t.Heard;
        if (heard is { Interrupts: true, Intent: Intent.Batal } && heard.Slots.Kegiatan is null && state.Prompt != Prompt.Confirm)
        {
            state.ClearPrompt();
            t.Say("Baik, dibatalkan. Data yang sudah tercatat tetap tersimpan.", "OK, cancelled. What was already recorded is kept.");
            return;
        }

        if (heard is { Interrupts: true, Intent: Intent.Bantuan })
        {
            t.Say("Saya masih menunggu jawaban atas pertanyaan di atas; jawab, atau ketik batal untuk berhenti. " + CommandList,
                "I am still waiting for your answer to the question above; answer it, or type cancel to stop. " + CommandListEnglish);
            return;
        }

        // Another command leaves the prompt and runs; the officer is told the question was closed.
        if (heard.Interrupts)
        {
            state.ClearPrompt();
            SayPromptClosed(t);
            await RunAsync(t, ToCommand(heard), ct);
            return;
        }

        var handled = state.Prompt switch
        {
            Prompt.Confirm => await OnConfirmAsync(t, ct),
            Prompt.SubProcess => await OnSubProcessAsync(t, ct),
            Prompt.Title => OnTitle(t),
            Prompt.Stakeholder => await OnStakeholderAsync(t, ct),
            Prompt.Bentuk => await OnBentukAsync(t, ct),
            Prompt.UnitSearch => OnUnitSearch(t),
            Prompt.UnitPick => OnUnitPick(t),
            Prompt.Role => await OnRoleAsync(t, ct),
            Prompt.PickKegiatan => await OnPickKegiatanAsync(t, ct),
            Prompt.KelengkapanItem => await WithKegiatanAsync(t, v => OnKelengkapanItem(t, v), ct),
            Prompt.KelengkapanAlternative => await WithKegiatanAsync(t, v => OnKelengkapanAlternative(t, v), ct),
            Prompt.KelengkapanReference => await WithKegiatanAsync(t, v => OnReferenceAsync(t, v, ct), ct),
            Prompt.KelengkapanDate => await WithKegiatanAsync(t, v => OnReceivedDateAsync(t, v, ct), ct),
            Prompt.Branch => await WithKegiatanAsync(t, v => OnBranch(t, v), ct),
            Prompt.Output => await WithKegiatanAsync(t, v => OnOutputAsync(t, v, ct), ct),
            Prompt.PlanDate => await WithKegiatanAsync(t, v => PlanAsync(t, v.Kegiatan, text, ct), ct),
            Prompt.PauseReason => await WithKegiatanAsync(t, v => OnPauseReasonAsync(t, v, ct), ct),
            Prompt.CancelReason => await WithKegiatanAsync(t, v => OnCancelReasonAsync(t, v, ct), ct),
            _ => false,
        };
        if (!handled && IsOfficerIntent(t.AtRest.Intent))
        {
            state.ClearPrompt();
            await RunAsync(t, ToCommand(t.AtRest), ct);
        }
    }

    // ---- helpers ----

    private DateRecognition? Recognize(string text, DateOnly today, string unitId)
    {
        try
        {
            return dates.Recognize(text, today, unitId);
        }
        catch (CalendarNotAvailableException)
        {
            return null;
        }
    }

    /// <summary>The kegiatan as the officer was shown it when the prompt opened (or as just loaded, for a direct command).</summary>
    private static KegiatanTarget Target(Turn t, Kegiatan kegiatan) =>
        new(kegiatan.Id, t.Officer.Id, t.State.KegiatanId == kegiatan.Id && t.State.KegiatanVersion is { } shown ? shown : kegiatan.Version);

    private static void Ask(Turn t, Prompt prompt, string indonesian, string english)
    {
        t.State.Prompt = prompt;
        t.Say(indonesian, english);
    }

    private static void AskChoice(Turn t, Prompt prompt, string indonesian, string english, IReadOnlyList<SopChoice> choices)
    {
        var list = string.Join("\n", choices.Select((c, i) => $"{i + 1}. {c.Name}"));
        Ask(t, prompt, $"{indonesian} Ketik nomornya:\n\n{list}", $"{english} Type its number:\n\n{list}");
    }

    private static void RepromptChoice(Turn t, List<SopChoice> choices, string example) =>
        t.Say(choices.Count == 1
                ? $"Ketik 1 atau namanya, contoh: {example} (atau batal)."
                : $"Pilih nomor 1–{choices.Count} atau ketik namanya, contoh: 1 atau {example} (atau batal).",
            choices.Count == 1
                ? $"Type 1 or the name, for example: {example} (or cancel)."
                : $"Pick a number 1–{choices.Count} or type the name, for example: 1 or {example} (or cancel).");

    private static List<SopChoice> Choices(IReadOnlyList<SopChoice> all, IReadOnlyList<string> ids) =>
        [.. ids.Select(id => all.FirstOrDefault(c => c.Id == id) ?? new SopChoice(id, id))];

    private static readonly Dictionary<string, string> StakeholderAliases = new(StringComparer.Ordinal)
    {
        ["pemda"] = "pemerintah-daerah", ["pemerintah daerah"] = "pemerintah-daerah", ["kl"] = "kl", ["k/l"] = "kl", ["kementerian"] = "kl",
        ["lembaga"] = "kl", ["apu"] = "asosiasi-pelaku-usaha", ["asosiasi"] = "asosiasi-pelaku-usaha", ["pu"] = "pelaku-usaha",
        ["pelaku usaha"] = "pelaku-usaha", ["umkm"] = "pelaku-usaha", ["sekolah"] = "komunitas-pendidikan", ["kampus"] = "komunitas-pendidikan",
        ["profesi"] = "organisasi-profesi", ["komunitas"] = "organisasi-komunitas-sosial",
    };

    private static readonly Dictionary<string, string> FormAliases = new(StringComparer.Ordinal)
    {
        ["focus group discussion"] = "fgd", ["bimbingan teknis"] = "bimtek", ["kader"] = "pembentukan-kader-duta", ["duta"] = "pembentukan-kader-duta",
        ["konsul"] = "konsultasi", ["pendampingan"] = "pendampingan",
    };

    /// <summary>A choice by number, id, alias, exact name, or a unique part of its name.</summary>
    private static SopChoice? Pick(string text, List<SopChoice> choices, Dictionary<string, string>? aliases)
    {
        var normal = CommandParser.Normalize(text);
        if (normal.Length == 0)
        {
            return null;
        }

        if (int.TryParse(normal.TrimEnd('.'), out var n))
        {
            return n >= 1 && n <= choices.Count ? choices[n - 1] : null;
        }

        if (aliases is not null && aliases.TryGetValue(normal, out var aliased) && choices.FirstOrDefault(c => c.Id == aliased) is { } byAlias)
        {
            return byAlias;
        }

        var exact = choices.FirstOrDefault(c => CommandParser.Normalize(c.Id.Replace('-', ' ')) == normal || CommandParser.Normalize(c.Name) == normal);
        if (exact is not null)
        {
            return exact;
        }

        var partial = normal.Length >= 3 ? choices.Where(c => CommandParser.Normalize(c.Name).Contains(normal, StringComparison.Ordinal)).ToList() : [];
        return partial.Count == 1 ? partial[0] : null;
    }

    private static OfficerIdentity Officer(Activity activity)
    {
        var from = activity.From;
        var id = from?.AadObjectId is { Length: > 0 } aad ? aad : from?.Id ?? "unknown";
        return new OfficerIdentity(id, from?.Id, from?.Name ?? string.Empty);
    }

    /// <summary>Dialog state per conversation; in group chats and channels per conversation and user.</summary>
    private static string StateKey(Activity activity)
    {
        var conversation = activity.Conversation;
        var id = conversation?.Id ?? "unknown";
        var group = conversation?.IsGroup == true || conversation?.ConversationType is "groupChat" or "channel";
        return group ? $"{id}|{Officer(activity).Id}" : id;
    }

    /// <summary>
    /// Turns run in parallel (TurnQueue); turns of one conversation run one at a time here, so quick consecutive
    /// messages do not race on the dialog state. Striped, so memory stays bounded.
    /// </summary>
    private static async Task<IDisposable> EnterAsync(Activity activity, CancellationToken ct)
    {
        var stripe = Gates[(int)((uint)StringComparer.Ordinal.GetHashCode(StateKey(activity)) % (uint)Gates.Length)];
        await stripe.WaitAsync(ct);
        return new Release(stripe);
    }

    private static readonly SemaphoreSlim[] Gates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    private sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        public void Dispose() => gate.Release();
    }

    private async Task<Session> LoadAsync(Activity activity, CancellationToken ct)
    {
        var key = StateKey(activity);
        var document = await dialogs.GetAsync(key, ct);
        return new Session(key, document, ConversationState.Deserialize(document?.Json));
    }

    private async Task SaveAsync(Session session, CancellationToken ct)
    {
        var document = session.Document is { } existing
            ? existing with { Json = session.State.Serialize(), UpdatedAt = timeProvider.GetUtcNow() }
            : new DialogStateDocument(session.Key, session.State.Serialize(), timeProvider.GetUtcNow());
        await dialogs.SaveAsync(document, ct);
    }

    [LoggerMessage(1300, LogLevel.Information, "Activity {ActivityId} was already processed; ignored")]
    private static partial void LogRedelivery(ILogger logger, string activityId);

    [LoggerMessage(1301, LogLevel.Warning, "Roster entry changed while saving the officer's unit; kept the stored entry")]
    private static partial void LogRosterConflict(ILogger logger);

    private sealed record Session(string Key, DialogStateDocument? Document, ConversationState State);

    private sealed record OfficerIdentity(string Id, string? TeamsId, string Name);

    /// <summary>One turn: who, what they wrote, the state being changed and the replies gathered.</summary>
    private sealed class Turn(Activity activity, OfficerIdentity officer, ConversationState state, string text)
    {
        public Activity Activity { get; } = activity;
        public OfficerIdentity Officer { get; } = officer;
        public ConversationState State { get; } = state;
        public string Text { get; } = text;
        public List<Activity> Replies { get; } = [];

        /// <summary>The message read in the context of the open prompt (an answer, or an interrupting intent).</summary>
        public Understood Heard { get; init; } = new(Intent.None, Slots.Empty);

        /// <summary>The message read out of context, as if no prompt were open.</summary>
        public Understood AtRest { get; init; } = new(Intent.None, Slots.Empty);

        public void Say(string indonesian, string? english = null) =>
            Replies.Add(new Activity { Type = ActivityTypes.Message, Text = State.English && english is not null ? english : indonesian, TextFormat = "markdown" });

        public void Card(System.Text.Json.Nodes.JsonObject card) => Replies.Add(AdaptiveCard.ToMessage(card));

        /// <summary>A short note about what happened before this turn's answer (e.g. a prompt it closed).</summary>
        public string? Notice { get; set; }

        /// <summary>The replies to send: the notice leads the first one, so the answer arrives as one message.</summary>
        public List<Activity> Outgoing()
        {
            if (Notice is null)
            {
                return Replies;
            }

            if (Replies.Count == 0)
            {
                return [new Activity { Type = ActivityTypes.Message, Text = Notice, TextFormat = "markdown" }];
            }

            var first = Replies[0];
            first.Text = string.IsNullOrEmpty(first.Text) ? Notice : $"{Notice}\n\n{first.Text}";
            first.TextFormat ??= "markdown";
            return Replies;
        }

        /// <summary>Step cards among the replies, with their kegiatan (a button's own card refresh replaces them).</summary>
        public Dictionary<Activity, string> StepCardsOf { get; } = [];

        public void StepCard(OpenStep view, bool english)
        {
            var message = AdaptiveCard.ToMessage(Conversation.StepCard.Build(view, english));
            Replies.Add(message);
            StepCardsOf[message] = view.Kegiatan.Id;
        }
    }
}
