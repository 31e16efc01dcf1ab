using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Application;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Understanding;

namespace BpomBot.Teams.Conversation.Dialogs;

/// <summary>
/// Starting the kegiatan once its answers are in: a first-time user picks their unit and role (roster role ids,
/// existing roles kept), then the kegiatan or the unit's part of the siklus tahunan starts and its first step is shown.
/// </summary>
internal sealed class UnitDialog(
    WorkflowDialog dialog, IRosterRepository roster, RosterSelfRegistration registration, UnitCatalog units, KegiatanReportRoute route) : IDialogHandler
{
    private const string RoleOfficer = "petugas";
    private const string RoleLeader = "pimpinan";

    public IReadOnlySet<Intent> Intents { get; } = new HashSet<Intent>();

    public IReadOnlySet<Prompt> Prompts { get; } = new HashSet<Prompt> { Prompt.UnitSearch, Prompt.UnitPick, Prompt.Role };

    public Task RunAsync(DialogTurn t, DialogCommand command, Selection? selection, CancellationToken ct) => Task.CompletedTask;

    public async Task<bool> AnswerAsync(DialogTurn t, CancellationToken ct) => t.State.Prompt switch
    {
        Prompt.UnitSearch => OnUnitSearch(t),
        Prompt.UnitPick => OnUnitPick(t),
        _ => await OnRoleAsync(t, ct),
    };

    public async Task StartWhenUnitKnownAsync(DialogTurn t, CancellationToken ct)
    {
        var person = await roster.GetPersonAsync(t.Officer.Id, ct);
        if (person is null || units.Find(person.UnitId) is null)
        {
            t.Ask(Prompt.UnitSearch,
                "Sebelum mulai, pilih unit Anda (cukup sekali). Ketik sebagian nama unit atau kota, contoh: Medan",
                "Before we start, pick your unit (only once). Type part of the unit's name or city, for example: Medan");
            return;
        }

        await StartAsync(t, person.UnitId, ct);
    }

    private async Task StartAsync(DialogTurn t, string unitId, CancellationToken ct)
    {
        var state = t.State;
        var workflow = dialog.Workflow;
        var (fungsi, komoditas) = (state.Fungsi, state.Komoditas);
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
        if (fungsi is not null && komoditas is not null)
        {
            // Keterangan B.4: where the report goes is stored with the kegiatan, right after it is created.
            var routed = await route.SetAsync(new KegiatanTarget(kegiatan.Id, t.Officer.Id, kegiatan.Version), fungsi, komoditas, ct);
            if (routed.Succeeded) kegiatan = routed.Kegiatan!;
            else t.Say(routed.Error!, routed.ErrorText(english: true));
        }

        state.KegiatanId = kegiatan.Id;
        state.KegiatanVersion = kegiatan.Version;
        t.Say($"Kegiatan \"{kegiatan.Title}\" dimulai. Langkah pertama:", $"Kegiatan \"{kegiatan.Title}\" started. First step:");
        if (workflow.Describe(kegiatan) is { } view)
        {
            t.StepCard(view);
        }
    }

    private bool OnUnitSearch(DialogTurn t)
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
        t.Ask(Prompt.UnitPick, $"Pilih nomor unit Anda (atau ketik nama lain untuk mencari lagi):\n\n{list}",
            $"Pick your unit's number (or type another name to search again):\n\n{list}");
        return true;
    }

    private bool OnUnitPick(DialogTurn t)
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
        t.Ask(Prompt.Role, $"Unit: {units.Get(t.State.UnitId).Name}. Peran Anda?\n\n1. Petugas (pelaksana SOP)\n2. Pimpinan",
            $"Unit: {units.Get(t.State.UnitId).Name}. Your role?\n\n1. Officer (carries out the SOP)\n2. Leader");
        return true;
    }

    private async Task<bool> OnRoleAsync(DialogTurn t, CancellationToken ct)
    {
        string? role = Choices.Normalize(t.Text) switch
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
