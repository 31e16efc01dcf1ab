using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Tests.Sop;
using BpomBot.Domain.Workflow;
using Microsoft.Extensions.Time.Testing;
using static BpomBot.Domain.Tests.Rekap.RekapData;

namespace BpomBot.Domain.Tests.Rekap;

public sealed class RekapServiceTests
{
    private readonly InMemoryKegiatanRepository repository = new();
    private readonly ListAudit audit = new();
    private readonly RekapService service;

    public RekapServiceTests()
    {
        var units = UnitCatalog.LoadEmbedded();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 15, 3, 0, 0, TimeSpan.Zero));
        service = new RekapService(repository, SopCatalog.LoadEmbedded(), units, new TestHkCalendar(), new OfficeClock(time, units), time, audit);
    }

    [Fact]
    public async Task A_Kepala_UPT_gets_their_unit_and_its_Loka_and_nothing_else()
    {
        await repository.CreateAsync(K("k1", "bbpom-medan"));
        await repository.CreateAsync(K("k2", "loka-toba"));
        await repository.CreateAsync(K("k3", "bbpom-padang"));
        var kepala = new RekapViewer("kepala-medan", "bbpom-medan", [RosterRoles.KepalaUpt]);

        var mine = await service.BuildAsync(kepala, 2026, null, null);
        Assert.Equal(RekapOutcomeStatus.Ok, mine.Status);
        Assert.Equal(["k1", "k2"], mine.Result!.Kegiatan.Select(k => k.Id).Order());
        Assert.Equal(new DateOnly(2026, 6, 15), mine.Result.Today);

        var loka = await service.BuildAsync(kepala, 2026, "A", "loka-toba");
        Assert.Equal(["k2"], loka.Result!.Kegiatan.Select(k => k.Id));
        Assert.Empty(audit.Events);

        var other = await service.BuildAsync(kepala, 2026, null, "bbpom-padang");
        Assert.Equal(RekapOutcomeStatus.Refused, other.Status);
        Assert.Null(other.Result);
        Assert.Contains("tidak berwenang", other.Message, StringComparison.Ordinal);
        var refused = Assert.Single(audit.Events);
        Assert.Equal(("rekap.refused", "kepala-medan"), (refused.Action, refused.Actor));
    }

    [Fact]
    public async Task Officers_get_no_recap_and_PPTM_gets_all_BPOM()
    {
        await repository.CreateAsync(K("k3", "bbpom-padang"));

        var officer = await service.BuildAsync(new RekapViewer("o", "bbpom-padang", [RosterRoles.Pelaksana]), 2026, null, null);
        Assert.Equal(RekapOutcomeStatus.Refused, officer.Status);
        Assert.Single(audit.Events);

        var pptm = await service.BuildAsync(new RekapViewer("d", "deputi-po", [RosterRoles.Pptm]), 2026, null, null);
        Assert.Equal("Seluruh BPOM", pptm.Result!.ScopeName);
        Assert.Equal(["k3"], pptm.Result.Kegiatan.Select(k => k.Id));
    }

    [Fact]
    public async Task An_empty_year_says_so_and_unknown_input_is_named()
    {
        var empty = await service.BuildAsync(RekapViewer.System, 2025, null, null);
        Assert.True(empty.Result!.IsEmpty);
        Assert.Contains("Belum ada kegiatan", empty.Message, StringComparison.Ordinal);

        Assert.Equal(RekapOutcomeStatus.NotFound, (await service.BuildAsync(RekapViewer.System, 2026, "Z", null)).Status);
        Assert.Equal(RekapOutcomeStatus.NotFound, (await service.BuildAsync(RekapViewer.System, 2026, null, "bbpom-atlantis")).Status);
    }

    [Fact]
    public async Task Every_answer_comes_in_both_languages()
    {
        var kepala = new RekapViewer("kepala-medan", "bbpom-medan", [RosterRoles.KepalaUpt]);

        var sub = await service.BuildAsync(RekapViewer.System, 2026, "Z", null);
        var unit = await service.BuildAsync(RekapViewer.System, 2026, null, "bbpom-atlantis");
        var officer = await service.BuildAsync(new RekapViewer("o", "bbpom-padang", [RosterRoles.Pelaksana]), 2026, null, null);
        var other = await service.BuildAsync(kepala, 2026, null, "bbpom-padang");
        var empty = await service.BuildAsync(kepala, 2025, null, null);

        Assert.Equal(("There is no sub-process 'Z'; choose A, B, C or D.", "Sub-proses 'Z' tidak ada; pilih A, B, C atau D."), (sub.Text(english: true), sub.Text(english: false)));
        Assert.Equal("Unit 'bbpom-atlantis' is not known.", unit.Text(english: true));
        Assert.Equal("The recap is for leaders only (Kepala UPT, Direktur, PPTM, Kepala BPOM).", officer.Text(english: true));
        Assert.Equal("You may not see the recap of Balai Besar POM di Padang and the units under it. Your recap: Balai Besar POM di Medan and the units under it.",
            other.Text(english: true));
        Assert.Equal("No kegiatan recorded yet for Balai Besar POM di Medan and the units under it in 2025.", empty.Text(english: true));
        Assert.Equal(empty.Message, empty.Text(english: false));
        Assert.Equal(2, audit.Events.Count); // the two refusals, as before; nothing else written
    }

    private sealed class ListAudit : IAuditLog
    {
        public List<AuditEvent> Events { get; } = [];

        public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
        {
            Events.Add(auditEvent);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<AuditEvent>> ListBySubjectAsync(string subject, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<AuditEvent>>([.. Events.Where(e => e.Subject == subject)]);

        public Task<IReadOnlyList<AuditEvent>> ListByDayAsync(DateOnly utcDay, int max, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<AuditEvent>>([.. Events]);
    }
}
