using System.Text.Json;
using System.Text.Json.Nodes;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.AnnualCycle;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Rekap;
using BpomBot.Teams.Routing;
using BpomBot.Teams.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Teams.Tests.Rekap;

/// <summary>
/// "Laporan tahunan UPT" on the A.8 step card (verb rekap.status), as the Unit Kerja Pusat's people press it: the status
/// covers every UPT of the national cycle, although a directorate's own rekap scope holds no UPT.
/// </summary>
public sealed class RekapRecapStepStatusTests
{
    private static readonly UnitCatalog Units = UnitCatalog.LoadEmbedded();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 11, 2, 2, 0, 0, TimeSpan.Zero)); // Monday, the cycle is open
    private readonly InMemoryKegiatanRepository kegiatan = new();
    private readonly InMemoryRosterRepository roster = new();
    private readonly Audit audit = new();
    private readonly KegiatanEngine engine;
    private readonly AnnualCycleService cycle;
    private readonly RekapStatusHandler handler;
    private readonly RekapLinks links;
    private readonly RekapService service;

    public RekapRecapStepStatusTests()
    {
        var catalog = SopCatalog.LoadEmbedded();
        var calendar = new WorkingDayCalendar(HolidaySet.LoadEmbedded());
        var clock = new OfficeClock(time, Units);
        engine = new KegiatanEngine(catalog, calendar, Units);
        cycle = new AnnualCycleService(engine, kegiatan, audit, Units, clock, time, catalog, calendar, new AnnualCycleOptions());
        service = new RekapService(kegiatan, catalog, Units, calendar, clock, time, audit);
        var options = Options.Create(new RekapOptions());
        links = new RekapLinks(options, time);
        handler = new RekapStatusHandler(service, roster, links,
            new RekapBaseUrl(options, new ServiceCollection().BuildServiceProvider()), Units, cycle);
    }

    private static int UptCount => Units.Units.Count(u => u.IsUpt);

    [Theory]
    [InlineData(RosterRoles.Direktur)]
    [InlineData(RosterRoles.Pelaksana)]
    public async Task A_Unit_Kerja_Pusat_person_sees_every_UPT_of_the_cycle(string role)
    {
        await Person("aad-pmpu", "dit-pmpu-po", role);
        await SubmitLaporan("bbpom-medan");
        await SubmitLaporan("loka-toba");

        var (response, card) = await Press("aad-pmpu", "A");

        Assert.Equal("Status laporan tahunan UPT dikirim.", response);
        Assert.Equal($"Laporan tahunan UPT masuk: 2 dari {UptCount}", Text(card, 0));
        Assert.StartsWith("Belum masuk: ", Text(card, 1), StringComparison.Ordinal);
        Assert.DoesNotContain("Medan", Text(card, 1), StringComparison.Ordinal);
        var remind = card["actions"]![0]!;
        Assert.Equal(RecapStatusCard.RemindVerb, (string)remind["verb"]!);
        var missing = ((string)remind["data"]!["units"]!).Split(',');
        Assert.Equal(UptCount - 2, missing.Length);
        Assert.DoesNotContain("bbpom-medan", missing);
        Assert.DoesNotContain("loka-toba", missing);
        Assert.All(missing, id => Assert.True(Units.Get(id).IsUpt));
        Assert.DoesNotContain(audit.Events, e => e.Action == "rekap.refused");
    }

    [Fact]
    public async Task Sub_process_C_counts_every_UPT_for_its_own_Unit_Kerja_Pusat_in_English()
    {
        await Person("aad-otskk", "dit-pmpu-otskk", RosterRoles.Direktur);

        var (response, card) = await Press("aad-otskk", "C", english: true);

        Assert.Equal("UPT annual report status sent.", response);
        Assert.Equal($"UPT annual reports in: 0 of {UptCount}", Text(card, 0));
        Assert.StartsWith("Not in yet: ", Text(card, 1), StringComparison.Ordinal);
        Assert.Equal($"Remind {UptCount} UPT heads", (string)card["actions"]![0]!["title"]!);
    }

    [Fact]
    public async Task Someone_who_may_not_do_the_recap_step_is_refused_and_audited_as_before()
    {
        await Person("aad-medan", "bbpom-medan", RosterRoles.Pelaksana);
        await SubmitLaporan("bbpom-medan");

        var turn = Turn("aad-medan");
        var response = await handler.HandleAsync(turn, Action("A", english: false));

        Assert.Empty(turn.Sent);
        Assert.Contains("hanya untuk pimpinan", response.Value?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(audit.Events, e => e.Action == "rekap.refused" && e.Actor == "aad-medan");
    }

    [Fact]
    public async Task The_workbook_link_carries_the_steps_scope_and_sub_process_and_its_officer_may_open_it()
    {
        await Person("aad-pmpu", "dit-pmpu-po", RosterRoles.Pelaksana);
        await SubmitLaporan("bbpom-medan");

        var (_, card) = await Press("aad-pmpu", "A");
        var link = Link(card);

        Assert.Equal((RekapLink.Workbook, "aad-pmpu", 2026, "A", (string?)null, RekapLink.RecapStepScope), (link.Kind, link.ViewerId, link.Year, link.SubProcess, link.UnitId, link.Scope));
        // What the download builds for that link: the recap of every UPT for A, although this officer has no rekap of their own.
        var outcome = await service.BuildRecapStepAsync(new RekapViewer("aad-pmpu", "dit-pmpu-po", [RosterRoles.Pelaksana]), link.Year, link.SubProcess!);
        Assert.Equal(RekapOutcomeStatus.Ok, outcome.Status);
        Assert.Equal(["A"], outcome.Result!.SubProcesses);
        Assert.Equal(UptCount, outcome.Result.AnnualReports.Count);
        Assert.Equal(Units.Units.Where(u => u.IsUpt).Select(u => u.Id), outcome.Result.Units.Select(u => u.UnitId));
        Assert.Contains(outcome.Result.Kegiatan, k => k.UnitId == "bbpom-medan");
        Assert.DoesNotContain(audit.Events, e => e.Action == "rekap.refused");
        // The viewer's own scope, which the link used before, has no recap for them.
        Assert.Equal(RekapOutcomeStatus.Refused, (await service.BuildAsync(new RekapViewer("aad-pmpu", "dit-pmpu-po", [RosterRoles.Pelaksana]), 2026, "A", null)).Status);
    }

    [Theory]
    [InlineData("bbpom-medan", RosterRoles.KepalaUpt, "A")] // their Balai and its Loka only
    [InlineData("dit-reg-po", RosterRoles.Direktur, "C")] // a directorate that is not C's Unit Kerja Pusat
    [InlineData("dit-was-otsk", RosterRoles.Pelaksana, "C")] // an officer of B's Unit Kerja Pusat, not of C's
    public async Task Someone_not_of_the_step_cannot_open_its_recap_with_such_a_link_and_is_audited(string unit, string role, string sub)
    {
        var before = audit.Events.Count;

        var outcome = await service.BuildRecapStepAsync(new RekapViewer("aad-other", unit, [role]), 2026, sub);

        Assert.Equal(RekapOutcomeStatus.Refused, outcome.Status);
        Assert.Null(outcome.Result);
        Assert.Contains(audit.Events.Skip(before), e => e.Action == "rekap.refused" && e.Actor == "aad-other");
    }

    [Fact]
    public async Task A_Kepala_UPT_pressing_the_button_gets_the_workbook_of_their_own_scope()
    {
        await Person("aad-kepala", "bbpom-medan", RosterRoles.KepalaUpt);

        var (_, card) = await Press("aad-kepala", "A");

        Assert.Null(Link(card).Scope);
    }

    /// <summary>The workbook link of the status card (its last action), checked as the download endpoint checks it.</summary>
    private RekapLink Link(JsonObject card)
    {
        var url = new Uri((string)card["actions"]!.AsArray()[^1]!["url"]!, UriKind.RelativeOrAbsolute);
        var query = System.Web.HttpUtility.ParseQueryString(url.IsAbsoluteUri ? url.Query : url.OriginalString[url.OriginalString.IndexOf('?', StringComparison.Ordinal)..]);
        return links.Verify(query["k"], query["v"], query["y"], query["s"], query["u"], query["e"], query["sig"], query["c"])
            ?? throw new InvalidOperationException("the link does not verify");
    }

    private async Task Person(string aad, string unit, string role) =>
        await roster.SavePersonAsync(new PersonRecord(aad, null, aad, $"{aad}@pom.go.id", unit, [role]));

    /// <summary>The UPT's laporan tahunan part (A.7) opened, its Kelengkapan recorded and the step completed.</summary>
    private async Task SubmitLaporan(string unit)
    {
        var officer = $"o-{unit}";
        var opened = await cycle.OpenPartAsync(officer, unit, "A");
        Assert.True(opened.Succeeded, opened.Error);
        var k = opened.Kegiatan!;
        var on = new DateOnly(2026, 11, 2);
        var filled = engine.RecordKelengkapan(k, "k1", null, $"evaluasi-{unit}", on, new Actor(officer), time.GetUtcNow());
        Assert.True(filled.Succeeded, filled.Refusal?.Reason);
        await kegiatan.UpdateAsync(filled.Kegiatan!, k.Version!);
        k = filled.Kegiatan!;
        var done = engine.CompleteStep(k, $"laptah-{unit}", on, new Actor(officer), time.GetUtcNow());
        Assert.True(done.Succeeded, done.Refusal?.Reason);
        await kegiatan.UpdateAsync(done.Kegiatan!, k.Version!);
    }

    private async Task<(string? Response, JsonObject Card)> Press(string aad, string sub, bool english = false)
    {
        var turn = Turn(aad);
        var response = await handler.HandleAsync(turn, Action(sub, english));
        var card = (JsonObject)Assert.Single(Assert.Single(turn.Sent).Attachments!).Content!;
        return (response.Value?.GetValue<string>(), card);
    }

    private static CardAction Action(string sub, bool english)
    {
        var button = RecapStatusCard.ShowButton(sub, 2026, english);
        using var data = JsonDocument.Parse(button["data"]!.ToJsonString());
        return new CardAction(RecapStatusCard.ShowVerb, data.RootElement.Clone(), null);
    }

    private static string Text(JsonObject card, int index) => (string)card["body"]![index]!["text"]!;

    private static RecordingTurn Turn(string aad) => new(new Activity
    {
        Type = ActivityTypes.Invoke, Name = "adaptiveCard/action", From = new ChannelAccount { Id = "29:" + aad, AadObjectId = aad },
        Conversation = new ConversationAccount { Id = "a:1", ConversationType = "personal" },
    });

    private sealed class Audit : IAuditLog
    {
        public List<AuditEvent> Events { get; } = [];

        public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
        {
            Events.Add(auditEvent);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<AuditEvent>> ListBySubjectAsync(string subject, int max, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<AuditEvent>>(Events);

        public Task<IReadOnlyList<AuditEvent>> ListByDayAsync(DateOnly utcDay, int max, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<AuditEvent>>(Events);
    }
}
