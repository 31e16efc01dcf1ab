using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Application;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Dates;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Sop;
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
    UnitCatalog units,
    DateRecognizer dates,
    IEvidenceIntake evidence,
    TimeProvider timeProvider,
    ILogger<OfficerConversation> logger)
{
    public const string RoleOfficer = "petugas";
    public const string RoleLeader = "pimpinan";

    /// <summary>Handles a typed message; false when it is neither a command nor an answer to an open prompt.</summary>
    public async Task<bool> TryHandleMessageAsync(ITurnContext turn, MessageInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(input);
        var session = await LoadAsync(turn.Activity, cancellationToken);
        var state = session.State;
        if (turn.Activity.Id is { } id && state.Processed.Contains(id))
        {
            LogRedelivery(logger, id);
            return true;
        }

        var parsed = CommandParser.Parse(input.Text);
        if (state.Prompt == Prompt.None && parsed is null)
        {
            return false;
        }

        state.English = parsed?.English ?? (input.Language == Language.English || state.English);
        var t = new Turn(turn.Activity, Officer(turn.Activity), state, input.Text);
        if (state.Prompt != Prompt.None)
        {
            await AnswerAsync(t, parsed, cancellationToken);
        }
        else
        {
            await RunAsync(t, parsed!, cancellationToken);
        }

        state.MarkProcessed(turn.Activity.Id);
        await SaveAsync(session, cancellationToken);
        foreach (var reply in t.Replies)
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
            await RunAsync(t, new ParsedCommand(command, string.Empty), cancellationToken);
            kegiatan = await workflow.GetAsync(kegiatanId, cancellationToken) ?? kegiatan;
        }

        state.MarkProcessed(turn.Activity.Id);
        await SaveAsync(session, cancellationToken);

        // The card refreshes in place; a step card the command produced for this kegiatan is that refresh.
        var replies = t.Replies.ToList();
        replies.RemoveAll(r => r.Attachments is [{ Content: JsonObject c }] && c["bpombot:kegiatan"]?.GetValue<string>() == kegiatan.Id);
        foreach (var reply in replies)
        {
            await turn.SendAsync(reply, cancellationToken);
        }

        return workflow.Describe(kegiatan) is { } view
            ? InvokeResponse.Card(Card(view, state.English))
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
                if (view is not null) t.Card(Card(view, state.English));
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
                t.Card(Card(view, state.English));
                break;
            case Command.Kelengkapan:
                BeginKelengkapan(t, view);
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
                    Apply(t, await workflow.SkipAsync(Target(t, kegiatan), branch.Id, parsed.Argument.Length > 0 ? parsed.Argument : null, ct),
                        $"Langkah {view.Step.Id} dilewati ({branch.Label}).", $"Step {view.Step.Id} skipped ({branch.Label}).");
                }
                else
                {
                    t.Say($"Langkah {view.Step.Id} wajib menurut SOP dan tidak dapat dilewati.", $"Step {view.Step.Id} is required by the SOP and cannot be skipped.");
                }

                break;
            case Command.Batal:
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

    private async Task AnswerAsync(Turn t, ParsedCommand? parsed, CancellationToken ct)
    {
        var state = t.State;
        var text = t.Text.Trim();
        if (parsed is { Command: Command.Batal, Argument: "" })
        {
            state.ClearPrompt();
            t.Say("Baik, dibatalkan. Data yang sudah tercatat tetap tersimpan.", "OK, cancelled. What was already recorded is kept.");
            return;
        }

        // A bare command word leaves the prompt and runs the command.
        if (parsed is { Argument: "" } && !IsChoice(state.Prompt, text))
        {
            state.ClearPrompt();
            await RunAsync(t, parsed, ct);
            return;
        }

        var handled = state.Prompt switch
        {
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
            Prompt.Output => await WithKegiatanAsync(t, v => OnOutputAsync(t, v, ct), ct),
            Prompt.PlanDate => await WithKegiatanAsync(t, v => PlanAsync(t, v.Kegiatan, text, ct), ct),
            Prompt.PauseReason => await WithKegiatanAsync(t, v => OnPauseReasonAsync(t, v, ct), ct),
            Prompt.CancelReason => await WithKegiatanAsync(t, v => OnCancelReasonAsync(t, v, ct), ct),
            _ => false,
        };
        if (!handled && parsed is not null)
        {
            state.ClearPrompt();
            await RunAsync(t, parsed, ct);
        }
    }

    /// <summary>Single letters and numbers are answers to choice prompts even where they look like nothing else.</summary>
    private static bool IsChoice(Prompt prompt, string text) =>
        prompt is Prompt.SubProcess or Prompt.Stakeholder or Prompt.Bentuk or Prompt.UnitPick or Prompt.Role or Prompt.PickKegiatan
            or Prompt.KelengkapanItem or Prompt.KelengkapanAlternative
        && int.TryParse(text, out _);

    // ---- mulai ----

    private void AskSubProcess(Turn t, bool annual)
    {
        var subs = workflow.Sop.SubProcesses.Where(s => !annual || s.EntryStep(WorkflowKind.SiklusTahunan) is not null).ToList();
        var list = string.Join("\n", subs.Select(s => $"- **{s.Code}** {s.Name}"));
        var letters = $"{subs[0].Code}–{subs[^1].Code}";
        Ask(t, Prompt.SubProcess,
            $"{(annual ? "Siklus tahunan sub-proses" : "Sub-proses")} mana? Ketik huruf {letters}:\n\n{list}",
            $"Which sub-process{(annual ? " (annual cycle)" : string.Empty)}? Type a letter {letters}:\n\n{list}");
    }

    private SopSubProcess? SubProcessFrom(string text, bool annual)
    {
        var normal = CommandParser.Normalize(text).Replace("sub proses ", string.Empty, StringComparison.Ordinal).Replace("subproses ", string.Empty, StringComparison.Ordinal);
        if (normal.Length == 0)
        {
            return null;
        }

        var subs = workflow.Sop.SubProcesses.Where(s => !annual || s.EntryStep(WorkflowKind.SiklusTahunan) is not null).ToList();
        if (int.TryParse(normal, out var n) && n >= 1 && n <= subs.Count)
        {
            return subs[n - 1];
        }

        return subs.FirstOrDefault(s => string.Equals(s.Code, normal, StringComparison.OrdinalIgnoreCase))
            ?? (normal.Length >= 4 ? subs.FirstOrDefault(s => CommandParser.Normalize(s.Name).Contains(normal, StringComparison.Ordinal)) : null);
    }

    private async Task<bool> OnSubProcessAsync(Turn t, CancellationToken ct)
    {
        if (SubProcessFrom(t.Text, t.State.Annual) is not { } sub)
        {
            var letters = t.State.Annual ? "A, B atau C" : "A, B, C atau D";
            t.Say($"Pilih sub-proses dengan hurufnya: {letters}. Contoh: A (atau ketik batal).", $"Pick the sub-process by its letter: {letters.Replace("atau", "or", StringComparison.Ordinal)}. Example: A (or type cancel).");
            return CommandParser.Parse(t.Text) is null;
        }

        t.State.SubProcess = sub.Code;
        if (t.State.Annual)
        {
            await StartWhenUnitKnownAsync(t, ct);
        }
        else
        {
            AskTitle(t);
        }

        return true;
    }

    private void AskTitle(Turn t)
    {
        var sub = workflow.Sop.FindSubProcess(t.State.SubProcess!)!;
        Ask(t, Prompt.Title, $"Sub-proses {sub.Code} {sub.Name}. Apa judul kegiatannya? Contoh: FGD keamanan pangan dengan Pemda Kota Medan",
            $"Sub-process {sub.Code} {sub.Name}. What is the kegiatan's title? Example: Food safety FGD with the Medan city government");
    }

    private bool OnTitle(Turn t)
    {
        var title = t.Text.Trim();
        if (title.Length < 3 || title.Length > 200)
        {
            t.Say("Judul kegiatan 3–200 karakter. Contoh: FGD keamanan pangan dengan Pemda Kota Medan (atau ketik batal).",
                "The title needs 3–200 characters. Example: Food safety FGD with the Medan city government (or type cancel).");
            return true;
        }

        t.State.Title = title;
        var sub = workflow.Sop.FindSubProcess(t.State.SubProcess!)!;
        AskChoice(t, Prompt.Stakeholder, "Kategori pemangku kepentingan?", "Stakeholder category?", Choices(workflow.Sop.StakeholderCategories, sub.StakeholderCategories));
        return true;
    }

    private async Task<bool> OnStakeholderAsync(Turn t, CancellationToken ct)
    {
        var sub = workflow.Sop.FindSubProcess(t.State.SubProcess!)!;
        var choices = Choices(workflow.Sop.StakeholderCategories, sub.StakeholderCategories);
        if (Pick(t.Text, choices, StakeholderAliases) is not { } picked)
        {
            RepromptChoice(t, choices, "Pemda");
            return CommandParser.Parse(t.Text) is null;
        }

        t.State.Stakeholder = picked.Id;
        var forms = Choices(workflow.Sop.Forms, sub.Forms);
        if (forms.Count == 1)
        {
            t.State.Bentuk = forms[0].Id;
            await StartWhenUnitKnownAsync(t, ct);
        }
        else
        {
            AskChoice(t, Prompt.Bentuk, "Bentuk kegiatan?", "Form of the kegiatan?", forms);
        }

        return true;
    }

    private async Task<bool> OnBentukAsync(Turn t, CancellationToken ct)
    {
        var sub = workflow.Sop.FindSubProcess(t.State.SubProcess!)!;
        var choices = Choices(workflow.Sop.Forms, sub.Forms);
        if (Pick(t.Text, choices, FormAliases) is not { } picked)
        {
            RepromptChoice(t, choices, "FGD");
            return CommandParser.Parse(t.Text) is null;
        }

        t.State.Bentuk = picked.Id;
        await StartWhenUnitKnownAsync(t, ct);
        return true;
    }

    private async Task StartWhenUnitKnownAsync(Turn t, CancellationToken ct)
    {
        var person = await roster.GetPersonAsync(t.Officer.Id, ct);
        if (person is null || units.Find(person.UnitId) is null)
        {
            Ask(t, Prompt.UnitSearch,
                "Sebelum mulai, pilih unit Anda (cukup sekali). Ketik sebagian nama unit atau kota, contoh: Medan",
                "Before we start, pick your unit (only once). Type part of the unit's name or city, for example: Medan");
            return;
        }

        await StartAsync(t, person.UnitId, ct);
    }

    private async Task StartAsync(Turn t, string unitId, CancellationToken ct)
    {
        var state = t.State;
        var outcome = state.Annual
            ? await workflow.StartAnnualAsync(t.Officer.Id, unitId, state.SubProcess!, ct)
            : await workflow.StartAsync(t.Officer.Id, unitId, state.SubProcess!, state.Title!, state.Stakeholder!, state.Bentuk!, ct);
        state.ClearPrompt();
        if (!outcome.Succeeded)
        {
            t.Say(outcome.Error!);
            return;
        }

        var kegiatan = outcome.Kegiatan!;
        state.KegiatanId = kegiatan.Id;
        state.KegiatanVersion = kegiatan.Version;
        t.Say($"Kegiatan \"{kegiatan.Title}\" dimulai. Langkah pertama:", $"Kegiatan \"{kegiatan.Title}\" started. First step:");
        if (workflow.Describe(kegiatan) is { } view)
        {
            t.Card(Card(view, state.English));
        }
    }

    // ---- unit and role (first-time user) ----

    private bool OnUnitSearch(Turn t)
    {
        var found = units.Search(t.Text, 8);
        if (found.Count == 0)
        {
            t.Say($"Unit untuk \"{StepCard.Clip(t.Text, 40)}\" tidak ditemukan. Ketik nama kota atau unit lain, contoh: Surabaya",
                $"No unit found for \"{StepCard.Clip(t.Text, 40)}\". Type another city or unit name, for example: Surabaya");
            return true;
        }

        t.State.UnitChoices = [.. found.Select(u => u.Id)];
        var list = string.Join("\n", found.Select((u, i) => $"{i + 1}. {u.Name}"));
        Ask(t, Prompt.UnitPick, $"Pilih nomor unit Anda (atau ketik nama lain untuk mencari lagi):\n\n{list}",
            $"Pick your unit's number (or type another name to search again):\n\n{list}");
        return true;
    }

    private bool OnUnitPick(Turn t)
    {
        if (!int.TryParse(t.Text.Trim().TrimEnd('.'), out var n))
        {
            return OnUnitSearch(t);
        }

        if (n < 1 || n > t.State.UnitChoices.Count)
        {
            t.Say($"Pilih nomor 1–{t.State.UnitChoices.Count}. Contoh: 1", $"Pick a number 1–{t.State.UnitChoices.Count}. Example: 1");
            return true;
        }

        t.State.UnitId = t.State.UnitChoices[n - 1];
        Ask(t, Prompt.Role, $"Unit: {units.Get(t.State.UnitId).Name}. Peran Anda?\n\n1. Petugas (pelaksana SOP)\n2. Pimpinan",
            $"Unit: {units.Get(t.State.UnitId).Name}. Your role?\n\n1. Officer (carries out the SOP)\n2. Leader");
        return true;
    }

    private async Task<bool> OnRoleAsync(Turn t, CancellationToken ct)
    {
        var normal = CommandParser.Normalize(t.Text);
        string? role = normal switch
        {
            "1" or "petugas" or "officer" or "pelaksana" or "staf" or "staff" => RoleOfficer,
            "2" or "pimpinan" or "leader" or "kepala" or "atasan" => RoleLeader,
            _ => null,
        };
        if (role is null)
        {
            t.Say("Ketik 1 untuk petugas atau 2 untuk pimpinan (atau batal).", "Type 1 for officer or 2 for leader (or cancel).");
            return true;
        }

        var unitId = t.State.UnitId!;
        var existing = await roster.GetPersonAsync(t.Officer.Id, ct);
        var person = new PersonRecord(t.Officer.Id, t.Officer.TeamsId, t.Officer.Name, existing?.Email ?? string.Empty, unitId, [role], existing?.Version);
        try
        {
            await roster.SavePersonAsync(person, ct);
        }
        catch (ConcurrencyConflictException)
        {
            LogRosterConflict(logger);
        }

        t.Say($"Tersimpan: {units.Get(unitId).Name}, {role}.", $"Saved: {units.Get(unitId).Name}, {(role == RoleOfficer ? "officer" : "leader")}.");
        await StartAsync(t, unitId, ct);
        return true;
    }

    // ---- picking a kegiatan ----

    private async Task<Kegiatan?> ResolveAsync(Turn t, ParsedCommand parsed, CancellationToken ct)
    {
        var open = await workflow.ListOpenAsync(t.Officer.Id, ct);
        var number = parsed.Command == Command.Rencana ? null : LeadingNumber(parsed.Argument);
        if (number is { } n)
        {
            if (n >= 1 && n <= open.Count)
            {
                return open[n - 1];
            }

            t.Say($"Kegiatan nomor {n} tidak ada. Ketik tugas untuk melihat daftar.", $"There is no kegiatan number {n}. Type tasks to see the list.");
            return null;
        }

        if (t.State.KegiatanId is { } selected)
        {
            if (open.FirstOrDefault(k => k.Id == selected) is { } current)
            {
                return current;
            }

            if (parsed.Command is Command.Status or Command.Riwayat or Command.Lanjut && await workflow.GetAsync(selected, ct) is { } ended && ended.OfficerId == t.Officer.Id)
            {
                return ended;
            }
        }

        switch (open.Count)
        {
            case 0:
                t.Say("Anda belum memiliki kegiatan berjalan. Ketik mulai untuk memulai kegiatan.", "You have no kegiatan in progress. Type start to begin one.");
                return null;
            case 1:
                return open[0];
        }

        t.State.Pending = parsed.Command;
        t.State.PendingArgument = parsed.Argument;
        t.State.KegiatanChoices = [.. open.Select(k => k.Id)];
        var list = string.Join("\n", open.Select((k, i) => $"{i + 1}. {k.Title} ({k.CurrentStepId})"));
        Ask(t, Prompt.PickKegiatan, $"Kegiatan yang mana? Ketik nomornya:\n\n{list}", $"Which kegiatan? Type its number:\n\n{list}");
        return null;
    }

    private async Task<bool> OnPickKegiatanAsync(Turn t, CancellationToken ct)
    {
        var choices = t.State.KegiatanChoices;
        if (LeadingNumber(t.Text) is not { } n || n < 1 || n > choices.Count)
        {
            t.Say($"Ketik nomor kegiatan 1–{choices.Count}, contoh: 1 (atau batal).", $"Type a kegiatan number 1–{choices.Count}, for example: 1 (or cancel).");
            return CommandParser.Parse(t.Text) is null;
        }

        var command = t.State.Pending ?? Command.Lanjut;
        var argument = t.State.PendingArgument ?? string.Empty;
        var id = choices[n - 1];
        t.State.ClearPrompt();
        t.State.KegiatanId = id;
        await RunAsync(t, new ParsedCommand(command, argument), ct);
        return true;
    }

    /// <summary>Runs a prompt answer against the selected kegiatan, which must still be open.</summary>
    private async Task<bool> WithKegiatanAsync(Turn t, Func<OpenStep, bool> answer, CancellationToken ct) =>
        await WithKegiatanAsync(t, v => Task.FromResult(answer(v)), ct);

    private async Task<bool> WithKegiatanAsync(Turn t, Func<OpenStep, Task<bool>> answer, CancellationToken ct)
    {
        var kegiatan = t.State.KegiatanId is { } id ? await workflow.GetAsync(id, ct) : null;
        if (kegiatan is null || kegiatan.OfficerId != t.Officer.Id || workflow.Describe(kegiatan) is not { } view)
        {
            t.State.ClearPrompt();
            t.Say("Kegiatan ini sudah tidak berjalan. Ketik tugas untuk melihat tugas Anda.", "This kegiatan is no longer in progress. Type tasks to see your tasks.");
            return true;
        }

        return await answer(view);
    }

    private static int? LeadingNumber(string text)
    {
        var first = text.Trim().Split(' ', 2)[0].TrimStart('#').TrimEnd('.', ',');
        return int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    // ---- kelengkapan ----

    private void BeginKelengkapan(Turn t, OpenStep view)
    {
        t.State.ClearPrompt();
        var missing = workflow.MissingKelengkapan(view.Kegiatan);
        if (view.Record.Status != StepStatus.MenungguKelengkapan || missing.Count == 0)
        {
            t.Say($"Kelengkapan langkah {view.Step.Id} sudah lengkap (langkah {StepCard.StatusText(view.Record.Status, false)}). Ketik selesai bila langkah sudah selesai.",
                $"Kelengkapan of step {view.Step.Id} is complete (step {StepCard.StatusText(view.Record.Status, true)}). Type done when the step is finished.");
            return;
        }

        if (missing.Count == 1)
        {
            ChooseItem(t, missing[0]);
            return;
        }

        var list = string.Join("\n", missing.Select((m, i) => $"{i + 1}. {m.Text}"));
        Ask(t, Prompt.KelengkapanItem, $"Kelengkapan mana yang diterima? Ketik nomornya:\n\n{list}", $"Which Kelengkapan item did you receive? Type its number:\n\n{list}");
    }

    private bool OnKelengkapanItem(Turn t, OpenStep view)
    {
        var missing = workflow.MissingKelengkapan(view.Kegiatan);
        var n = LeadingNumber(t.Text);
        if (n is null || n < 1 || n > missing.Count)
        {
            t.Say($"Ketik nomor kelengkapan 1–{missing.Count}, contoh: 1 (atau batal).", $"Type an item number 1–{missing.Count}, for example: 1 (or cancel).");
            return CommandParser.Parse(t.Text) is null;
        }

        ChooseItem(t, missing[n.Value - 1]);
        return true;
    }

    private static void ChooseItem(Turn t, KelengkapanItem item)
    {
        t.State.ItemId = item.Id;
        if (item.Alternatives.Count == 1)
        {
            t.State.Alternative = item.Alternatives[0];
            AskReference(t);
            return;
        }

        var list = string.Join("\n", item.Alternatives.Select((a, i) => $"{i + 1}. {a}"));
        Ask(t, Prompt.KelengkapanAlternative, $"Yang mana yang Anda terima? Ketik nomornya:\n\n{list}", $"Which one did you receive? Type its number:\n\n{list}");
    }

    private bool OnKelengkapanAlternative(Turn t, OpenStep view)
    {
        var item = view.Step.Kelengkapan.FirstOrDefault(i => i.Id == t.State.ItemId);
        if (item is null)
        {
            BeginKelengkapan(t, view);
            return true;
        }

        var choices = item.Alternatives.Select((a, i) => new SopChoice((i + 1).ToString(CultureInfo.InvariantCulture), a)).ToList();
        var picked = LeadingNumber(t.Text) is { } n && n >= 1 && n <= choices.Count ? choices[n - 1] : Pick(t.Text, choices, null);
        if (picked is null)
        {
            RepromptChoice(t, choices, "1");
            return CommandParser.Parse(t.Text) is null;
        }

        t.State.Alternative = picked.Name;
        AskReference(t);
        return true;
    }

    private static void AskReference(Turn t) =>
        Ask(t, Prompt.KelengkapanReference,
            $"Referensi untuk \"{t.State.Alternative}\"? Kirim tautan (https://…), nomor surat, atau lampirkan berkas (PDF, DOCX, XLSX, PPTX, JPG, PNG; maks. 20 MB).",
            $"Reference for \"{t.State.Alternative}\"? Send a link (https://…), a letter number (nomor surat), or attach a file (PDF, DOCX, XLSX, PPTX, JPG, PNG; max 20 MB).");

    private async Task<bool> OnReferenceAsync(Turn t, OpenStep view, CancellationToken ct)
    {
        if (await ReferenceFromAsync(t, view, ct) is not { } reference)
        {
            return true;
        }

        t.State.Reference = reference;
        Ask(t, Prompt.KelengkapanDate, "Tanggal diterima? Ketik hari ini, atau tanggal seperti 3 Maret 2026.",
            "Date received? Type today, or a date such as 3 March 2026.");
        return true;
    }

    /// <summary>A stored file, a link or a nomor surat from the answer; null (with a re-prompt said) when there is none.</summary>
    private async Task<string?> ReferenceFromAsync(Turn t, OpenStep view, CancellationToken ct)
    {
        var file = await evidence.TryStoreAsync(t.Activity, view.Kegiatan.Id, view.Step.Id, ct);
        if (file is { Error: { } error })
        {
            t.Say(error);
            return null;
        }

        if (file is { Reference: { } stored })
        {
            return stored;
        }

        var text = t.Text.Trim();
        if (text.Length < 3)
        {
            t.Say("Kirim tautan, nomor surat, atau lampirkan berkas. Contoh: https://drive.bpom.go.id/rencana.pdf atau B-123/BPOM/2026 (atau batal).",
                "Send a link, a letter number, or attach a file. Example: https://drive.bpom.go.id/plan.pdf or B-123/BPOM/2026 (or cancel).");
            return null;
        }

        return StepCard.Clip(text, 300);
    }

    private async Task<bool> OnReceivedDateAsync(Turn t, OpenStep view, CancellationToken ct)
    {
        var today = view.Today;
        var normal = CommandParser.Normalize(t.Text);
        DateRecognition? date = normal is "ya" or "y" or "ok" or "yes" or "oke"
            ? new DateRecognition(today, normal, $"hari ini, {OfficerWorkflow.FormatDate(today)}")
            : Recognize(t.Text, today, view.Kegiatan.UnitId);
        if (date is null)
        {
            t.Say("Saya belum memahami tanggalnya. Contoh: hari ini, kemarin, 3 Maret 2026 (atau batal).",
                "I did not understand the date. Example: today, yesterday, 3 March 2026 (or cancel).");
            return CommandParser.Parse(t.Text) is null;
        }

        if (date.Date > today)
        {
            t.Say($"Saya membaca {date.Understood}, tetapi tanggal diterima tidak boleh setelah hari ini ({OfficerWorkflow.FormatDate(today)}). Ketik tanggal lain.",
                $"I read {date.Understood}, but the date received cannot be after today ({OfficerWorkflow.FormatDate(today)}). Type another date.");
            return true;
        }

        var state = t.State;
        var outcome = await workflow.RecordKelengkapanAsync(Target(t, view.Kegiatan), state.ItemId!, state.Alternative, state.Reference!, date.Date, ct);
        var alternative = state.Alternative;
        state.ClearPrompt();
        if (!outcome.Succeeded)
        {
            t.Say(outcome.Error!);
            return true;
        }

        state.KegiatanVersion = outcome.Kegiatan!.Version;
        t.Say($"Tercatat: {alternative} (diterima {OfficerWorkflow.FormatDate(date.Date)}).", $"Recorded: {alternative} (received {OfficerWorkflow.FormatDate(date.Date)}).");
        if (workflow.Describe(outcome.Kegiatan!) is { } next)
        {
            if (next.Record.Status == StepStatus.MenungguKelengkapan && workflow.MissingKelengkapan(next.Kegiatan).Count > 0)
            {
                BeginKelengkapan(t, next);
            }
            else
            {
                t.Card(Card(next, state.English));
            }
        }

        return true;
    }

    // ---- selesai, rencana, tunda, batal ----

    private void BeginSelesai(Turn t, OpenStep view)
    {
        var record = view.Record;
        if (record.Status == StepStatus.MenungguKelengkapan)
        {
            t.Say($"Kelengkapan langkah {view.Step.Id} belum lengkap: {string.Join("; ", workflow.MissingKelengkapan(view.Kegiatan).Select(i => i.Text))}. Ketik kelengkapan untuk mencatatnya.",
                $"Kelengkapan of step {view.Step.Id} is not complete yet. Type kelengkapan to record it.");
            return;
        }

        if (record.Status != StepStatus.Berjalan)
        {
            t.Say($"Langkah {view.Step.Id} sedang {StepCard.StatusText(record.Status, false)}; belum dapat diselesaikan.",
                $"Step {view.Step.Id} is {StepCard.StatusText(record.Status, true)}; it cannot be completed now.");
            return;
        }

        if (view.Step.IsNotApplicableWaktu && record.PlannedOn is null)
        {
            t.Say($"Langkah {view.Step.Id} berwaktu N/A: isi tanggal rencana dahulu, contoh: rencana 15 Maret 2026.",
                $"Step {view.Step.Id} has no fixed duration: set a planned date first, for example: plan 15 March 2026.");
            return;
        }

        Ask(t, Prompt.Output,
            $"Output langkah {view.Step.Id}: {view.Step.Output} Kirim tautan, nomor surat, atau lampirkan berkasnya.",
            $"Output of step {view.Step.Id}: {view.Step.Output} Send a link, a letter number, or attach the file.");
    }

    private async Task<bool> OnOutputAsync(Turn t, OpenStep view, CancellationToken ct)
    {
        if (await ReferenceFromAsync(t, view, ct) is not { } reference)
        {
            return true;
        }

        t.State.ClearPrompt();
        var outcome = await workflow.CompleteAsync(Target(t, view.Kegiatan), reference, ct);
        if (!outcome.Succeeded)
        {
            t.Say(outcome.Error!);
            return true;
        }

        var kegiatan = outcome.Kegiatan!;
        t.State.KegiatanVersion = kegiatan.Version;
        if (outcome.SentToLeader)
        {
            t.Say($"Langkah {view.Step.Id} disampaikan kepada pimpinan dan menunggu disposisi.", $"Step {view.Step.Id} was sent to the leader and waits for disposisi.");
        }
        else
        {
            t.Say($"Langkah {view.Step.Id} selesai.", $"Step {view.Step.Id} done.");
        }

        if (workflow.Describe(kegiatan) is { } next)
        {
            t.Card(Card(next, t.State.English));
        }
        else
        {
            t.Say(Summary(kegiatan, t.State.English));
        }

        return true;
    }

    private async Task<bool> PlanAsync(Turn t, Kegiatan kegiatan, string text, CancellationToken ct)
    {
        var today = workflow.Today(kegiatan.UnitId);
        var date = Recognize(text, today, kegiatan.UnitId);
        if (date is null)
        {
            Ask(t, Prompt.PlanDate, "Saya belum memahami tanggalnya. Contoh: 15 Maret 2026, Senin depan (atau batal).",
                "I did not understand the date. Example: 15 March 2026, next Monday (or cancel).");
            return CommandParser.Parse(text) is null || t.State.Prompt == Prompt.PlanDate;
        }

        t.State.ClearPrompt();
        var outcome = await workflow.PlanAsync(Target(t, kegiatan), date.Date, ct);
        Apply(t, outcome, $"Rencana langkah {kegiatan.CurrentStepId}: {date.Understood}.", $"Planned date for step {kegiatan.CurrentStepId}: {date.Understood}.");
        return true;
    }

    private async Task<bool> OnPauseReasonAsync(Turn t, OpenStep view, CancellationToken ct)
    {
        if (t.Text.Trim().Length < 3)
        {
            t.Say("Tulis alasan singkat, contoh: menunggu jadwal narasumber (atau batal).", "Write a short reason, for example: waiting for the speaker (or cancel).");
            return true;
        }

        t.State.ClearPrompt();
        Apply(t, await workflow.PauseAsync(Target(t, view.Kegiatan), t.Text.Trim(), ct), $"Langkah {view.Step.Id} ditunda.", $"Step {view.Step.Id} paused.");
        return true;
    }

    private async Task<bool> OnCancelReasonAsync(Turn t, OpenStep view, CancellationToken ct)
    {
        if (t.Text.Trim().Length < 3)
        {
            t.Say("Tulis alasan singkat, contoh: kegiatan diganti jadwal tahun depan (atau batal untuk tidak jadi).", "Write a short reason (or cancel to keep the kegiatan).");
            return true;
        }

        await CancelAsync(t, view.Kegiatan, t.Text.Trim(), ct);
        return true;
    }

    private async Task CancelAsync(Turn t, Kegiatan kegiatan, string reason, CancellationToken ct)
    {
        t.State.ClearPrompt();
        var outcome = await workflow.CancelAsync(Target(t, kegiatan), reason, ct);
        t.Say(outcome.Succeeded ? $"Kegiatan \"{kegiatan.Title}\" dibatalkan." : outcome.Error!,
            outcome.Succeeded ? $"Kegiatan \"{kegiatan.Title}\" cancelled." : outcome.Error!);
    }

    private void Apply(Turn t, WorkflowOutcome outcome, string done, string doneEnglish)
    {
        if (!outcome.Succeeded)
        {
            t.Say(outcome.Error!);
            return;
        }

        t.State.KegiatanVersion = outcome.Kegiatan!.Version;
        t.Say(done, doneEnglish);
        if (workflow.Describe(outcome.Kegiatan!) is { } view)
        {
            t.Card(Card(view, t.State.English));
        }

    }

    // ---- tugas, status, riwayat ----

    private async Task ListTasksAsync(Turn t, CancellationToken ct)
    {
        var steps = await workflow.ListOpenStepsAsync(t.Officer.Id, ct);
        if (steps.Count == 0)
        {
            t.Say("Tidak ada tugas terbuka. Ketik mulai untuk memulai kegiatan.", "You have no open tasks. Type start to begin a kegiatan.");
            return;
        }

        var en = t.State.English;
        var lines = steps.Select((s, i) =>
        {
            var colour = s.Urgency switch
            {
                Urgency.Merah => en ? "🔴 red" : "🔴 merah",
                Urgency.Kuning => en ? "🟡 yellow" : "🟡 kuning",
                _ => en ? "🟢 green" : "🟢 hijau",
            };
            var due = s.Target is { } d ? $"{(s.Record.DueOn is null ? (en ? "planned" : "rencana") : (en ? "due" : "jatuh tempo"))} {OfficerWorkflow.FormatDate(d)}, " : string.Empty;
            return $"{i + 1}. **{s.Kegiatan.Title}** — {s.Step.Id} {StepCard.Clip(s.Step.Aktivitas, 60)} — {due}{(en ? s.DueTextEnglish : s.DueText)} {colour}";
        });
        t.Say((en ? "Your open tasks:\n\n" : "Tugas Anda:\n\n") + string.Join("\n\n", lines)
            + (en ? "\n\nType status <no> or next <no>." : "\n\nKetik status <no> atau lanjut <no>."));
    }

    private async Task HistoryAsync(Turn t, Kegiatan kegiatan, CancellationToken ct)
    {
        var events = await workflow.HistoryAsync(kegiatan.Id, 30, ct);
        var lines = events.Select(e => $"- {OfficerWorkflow.FormatDate(DateOnly.FromDateTime(e.At.UtcDateTime))} · {e.Action}{(e.Detail is null ? string.Empty : $" · {StepCard.Clip(e.Detail, 100)}")}");
        t.Say((t.State.English ? $"History of \"{kegiatan.Title}\":\n\n" : $"Riwayat \"{kegiatan.Title}\":\n\n")
            + (events.Count == 0 ? "-" : string.Join("\n", lines)));
    }

    private string Summary(Kegiatan kegiatan, bool english)
    {
        var sop = workflow.SopOf(kegiatan);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"**{kegiatan.Title}** — sub-proses {kegiatan.SubProcess}, ");
        sb.Append(kegiatan.Status switch
        {
            KegiatanStatus.Selesai => english ? "done" : "selesai",
            KegiatanStatus.Dibatalkan => (english ? "cancelled: " : "dibatalkan: ") + kegiatan.CancelReason,
            _ => english ? $"at step {kegiatan.CurrentStepId}" : $"di langkah {kegiatan.CurrentStepId}",
        });
        sb.Append("\n\n");
        foreach (var step in kegiatan.Steps)
        {
            var aktivitas = sop.FindStep(step.StepId)?.Aktivitas ?? string.Empty;
            sb.Append(CultureInfo.InvariantCulture, $"- {step.StepId} {StepCard.Clip(aktivitas, 50)}: {StepCard.StatusText(step.Status, english)}");
            if (step.CompletedOn is { } done) sb.Append(CultureInfo.InvariantCulture, $" ({OfficerWorkflow.FormatDate(done)}{(step.LateHk > 0 ? $", terlambat {step.LateHk} HK" : string.Empty)})");
            sb.Append('\n');
        }

        return sb.ToString().TrimEnd();
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

    private static JsonObject Card(OpenStep view, bool english)
    {
        var card = StepCard.Build(view, english);
        card["bpombot:kegiatan"] = view.Kegiatan.Id;
        return card;
    }

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
        t.Say($"Pilih nomor 1–{choices.Count} atau ketik namanya, contoh: 1 atau {example} (atau batal).",
            $"Pick a number 1–{choices.Count} or type the name, for example: 1 or {example} (or cancel).");

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

        public void Say(string indonesian, string? english = null) =>
            Replies.Add(new Activity { Type = ActivityTypes.Message, Text = State.English && english is not null ? english : indonesian, TextFormat = "markdown" });

        public void Card(JsonObject card) => Replies.Add(AdaptiveCard.ToMessage(card));
    }
}
