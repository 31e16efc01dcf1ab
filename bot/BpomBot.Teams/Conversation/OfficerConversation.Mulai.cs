using BpomBot.Domain.Roster;
using BpomBot.Domain.Sop;

namespace BpomBot.Teams.Conversation;

/// <summary>Mulai (and mulai tahunan): sub-process, title, stakeholder category, bentuk; a first-time user's unit and role.</summary>
public sealed partial class OfficerConversation
{
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
            return NotACommand(t);
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
        t.Say(AnnualCycle.OpenChoicePrompt.Hint, AnnualCycle.OpenChoicePrompt.HintEnglish);
        return true;
    }

    private async Task<bool> OnStakeholderAsync(Turn t, CancellationToken ct)
    {
        var sub = workflow.Sop.FindSubProcess(t.State.SubProcess!)!;
        var choices = Choices(workflow.Sop.StakeholderCategories, sub.StakeholderCategories);
        if ((Pick(t.Text, choices, StakeholderAliases) ?? AnnualCycle.OpenChoicePrompt.Lainnya(t.Text)) is not { } picked)
        {
            RepromptChoice(t, choices, "Pemda");
            return NotACommand(t);
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
            t.Say(AnnualCycle.OpenChoicePrompt.Hint, AnnualCycle.OpenChoicePrompt.HintEnglish);
        }

        return true;
    }

    private async Task<bool> OnBentukAsync(Turn t, CancellationToken ct)
    {
        var sub = workflow.Sop.FindSubProcess(t.State.SubProcess!)!;
        var choices = Choices(workflow.Sop.Forms, sub.Forms);
        if ((Pick(t.Text, choices, FormAliases) ?? AnnualCycle.OpenChoicePrompt.Lainnya(t.Text)) is not { } picked)
        {
            RepromptChoice(t, choices, "FGD");
            return NotACommand(t);
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
            t.Say(outcome.Error!, outcome.ErrorText(english: true));
            return;
        }

        var kegiatan = outcome.Kegiatan!;
        state.KegiatanId = kegiatan.Id;
        state.KegiatanVersion = kegiatan.Version;
        t.Say($"Kegiatan \"{kegiatan.Title}\" dimulai. Langkah pertama:", $"Kegiatan \"{kegiatan.Title}\" started. First step:");
        if (workflow.Describe(kegiatan) is { } view)
        {
            t.StepCard(view, state.English);
        }
    }

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
        var person = await registration.RegisterAsync(t.Officer.Id, t.Officer.TeamsId, t.Officer.Name, unitId,
            role == RoleLeader ? FirstContactRole.Pimpinan : FirstContactRole.Pelaksana, ct);
        var roles = string.Join(", ", person.Roles.Select(RosterRoles.Name));
        t.Say($"Tersimpan: {units.Get(person.UnitId).Name}, {roles}.", $"Saved: {units.Get(person.UnitId).Name}, {roles}.");
        await StartAsync(t, unitId, ct);
        return true;
    }
}
