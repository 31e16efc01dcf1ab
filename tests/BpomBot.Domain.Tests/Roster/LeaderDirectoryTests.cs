using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Sop;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Domain.Tests.Roster;

public sealed class LeaderDirectoryTests
{
    private static readonly SopDefinition Sop = SopCatalog.LoadEmbedded().Latest("POM-04.01/CFM.01/SOP.01")!;
    private readonly InMemoryRosterRepository _roster = new();
    private readonly LeaderDirectory _directory;

    public LeaderDirectoryTests()
    {
        _directory = new LeaderDirectory(UnitCatalog.LoadEmbedded(), _roster);
        Add("officer-bdg", "bbpom-bandung", RosterRoles.Pelaksana);
        Add("kepala-bdg", "bbpom-bandung", RosterRoles.KepalaUpt);
        Add("officer-toba", "loka-toba", RosterRoles.Pelaksana);
        Add("kepala-toba", "loka-toba", RosterRoles.KepalaUpt);
        Add("kepala-medan", "bbpom-medan", RosterRoles.KepalaUpt);
        Add("staf-medan", "bbpom-medan", RosterRoles.KetuaTim);
        Add("officer-pmpu", "dit-pmpu-po", RosterRoles.Pelaksana);
        Add("direktur-pmpu", "dit-pmpu-po", RosterRoles.Direktur);
        Add("deputi-po", "deputi-po", RosterRoles.Pptm);
        Add("kepala-bpom", "kepala-bpom", RosterRoles.KepalaBpom);
        Add("officer-otskk", "dit-pmpu-otskk", RosterRoles.Pelaksana);
        Add("officer-ppsdm", "ppsdm-pom", RosterRoles.Ppsdm);
    }

    private void Add(string id, string unit, params string[] roles) =>
        _roster.SavePersonAsync(new PersonRecord(id, null, id, $"{id}@pom.go.id", unit, roles)).GetAwaiter().GetResult();

    private async Task<string?> Leader(string unit, string officer, string step) =>
        (await _directory.ResolveAsync(unit, officer, Sop.FindStep(step)!)).Leader?.AadObjectId;

    [Theory]
    [InlineData("bbpom-bandung", "officer-bdg", "A.4", "kepala-bdg")] // UPT → its kepala
    [InlineData("loka-toba", "officer-toba", "A.4", "kepala-medan")] // Loka report → Balai Koordinator's kepala
    [InlineData("loka-toba", "officer-toba", "B.4", "kepala-medan")]
    [InlineData("dit-pmpu-po", "officer-pmpu", "A.4", "direktur-pmpu")] // central report → direktur of the unit
    [InlineData("dit-pmpu-po", "direktur-pmpu", "A.4", "deputi-po")] // the direktur's own report → PPTM above
    [InlineData("dit-pmpu-po", "officer-pmpu", "A.9", "deputi-po")] // leader decides → nearest of PPTM / Kepala BPOM
    [InlineData("dit-pmpu-po", "officer-pmpu", "D.6", "kepala-bpom")] // only Kepala BPOM may decide
    [InlineData("dit-pmpu-po", "officer-pmpu", "D.8", "deputi-po")] // "kepada Pejabat Pimpinan Tinggi Madya", not the Direktur
    [InlineData("dit-pmpu-po", "officer-pmpu", "A.8", "deputi-po")] // "ke BPOM atau Pimpinan Tinggi Madya"
    [InlineData("ppsdm-pom", "officer-ppsdm", "A.4", "kepala-bpom")] // no head of PPSDM on the roster, no deputi above
    public async Task ResolveAsync_FollowsSopRolesAndUnitHierarchy(string unit, string officer, string step, string expected) =>
        Assert.Equal(expected, await Leader(unit, officer, step));

    /// <summary>
    /// Every step with a leader, from a Balai Besar, a Balai, a Loka with its own Kepala, a Loka without one and a
    /// central directorate. A leader-decides or named-role step never reaches a Kepala UPT or a Direktur.
    /// </summary>
    [Theory]
    //            step   Balai Besar     Balai           Loka (own kepala) Loka (none)     Direktorat
    [InlineData("A.4", "kepala-medan", "kepala-batam", "kepala-medan", "kepala-batam", "direktur-pmpu")]
    [InlineData("B.4", "kepala-medan", "kepala-batam", "kepala-medan", "kepala-batam", "direktur-pmpu")]
    [InlineData("A.8", "kepala-bpom", "kepala-bpom", "kepala-bpom", "kepala-bpom", "deputi-po")] // A: all central units, no single Deputi
    [InlineData("A.9", "kepala-bpom", "kepala-bpom", "kepala-bpom", "kepala-bpom", "deputi-po")]
    [InlineData("B.9", "kepala-bpom", "kepala-bpom", "kepala-bpom", "kepala-bpom", "deputi-po")] // B: six directorates under two Deputi
    [InlineData("C.6", "kepala-bpom", "kepala-bpom", "kepala-bpom", "kepala-bpom", "deputi-po")]
    [InlineData("C.7", "kepala-bpom", "kepala-bpom", "kepala-bpom", "kepala-bpom", "deputi-po")]
    [InlineData("D.6", "kepala-bpom", "kepala-bpom", "kepala-bpom", "kepala-bpom", "kepala-bpom")]
    [InlineData("D.8", "deputi-po", "deputi-po", "deputi-po", "deputi-po", "deputi-po")] // D: Dit. PMPU PO, under Deputi Pangan Olahan
    public async Task ResolveAsync_EveryLeaderStep_ForEveryKindOfUnit(string stepId, string bbpom, string bpom, string lokaWithKepala, string lokaWithout, string direktorat)
    {
        Add("officer-batam", "bpom-batam", RosterRoles.Pelaksana);
        Add("kepala-batam", "bpom-batam", RosterRoles.KepalaUpt);
        Add("officer-tpi", "loka-tanjung-pinang", RosterRoles.Pelaksana);
        var step = Sop.FindStep(stepId)!;
        var ukp = Sop.FindSubProcess(stepId[..1])!.UnitKerjaPusatOf(null);
        var cases = new[] { ("bbpom-medan", "staf-medan", bbpom), ("bpom-batam", "officer-batam", bpom), ("loka-toba", "officer-toba", lokaWithKepala), ("loka-tanjung-pinang", "officer-tpi", lokaWithout), ("dit-pmpu-po", "officer-pmpu", direktorat) };
        foreach (var (unit, officer, expected) in cases)
        {
            var result = await _directory.ResolveAsync(new LeaderQuery(unit, officer, step, ukp));
            Assert.True(expected == result.Leader?.AadObjectId, $"{stepId} from {unit}: expected {expected}, got {result.Leader?.AadObjectId} ({result.Explanation})");
            Assert.StartsWith(stepId, result.Explanation, StringComparison.Ordinal); // says which step and why
            if (step.Disposisi!.Recipient == LeaderRecipient.NamedRoles)
                Assert.DoesNotContain(result.Leader!.Roles, r => r is RosterRoles.KepalaUpt or RosterRoles.Direktur);
        }
    }

    [Fact]
    public async Task ResolveAsync_LokaWhoseKoordinatorHasNoKepala_GoesToItsOwnKepala_ElseExplains()
    {
        Add("officer-tpi", "loka-tanjung-pinang", RosterRoles.Pelaksana);
        var a4 = Sop.FindStep("A.4")!;
        var none = await _directory.ResolveAsync("loka-tanjung-pinang", "officer-tpi", a4);
        Assert.Null(none.Leader);
        Assert.Contains("roster", none.Explanation);

        Add("kepala-tpi", "loka-tanjung-pinang", RosterRoles.KepalaUpt);
        Assert.Equal("kepala-tpi", (await _directory.ResolveAsync("loka-tanjung-pinang", "officer-tpi", a4)).Leader?.AadObjectId);
    }

    [Theory]
    [InlineData("fasilitator", "pangan-olahan", "dit-pmpu-po", "direktur-pmpu")]
    [InlineData("fasilitator", "kosmetik", "dit-pmpu-otskk", "direktur-otskk")]
    [InlineData("capa", "kosmetik", "dit-was-kosmetik", "direktur-kos")]
    [InlineData("capa", "pangan-olahan", "dit-was-prod-po", "direktur-wasprod")]
    public async Task ResolveAsync_B4_RoutedByFunctionAndCommodity_ToTheDirectorate(string function, string commodity, string unit, string expected)
    {
        Add("direktur-otskk", "dit-pmpu-otskk", RosterRoles.Direktur);
        Add("direktur-kos", "dit-was-kosmetik", RosterRoles.Direktur);
        Add("direktur-wasprod", "dit-was-prod-po", RosterRoles.Direktur);
        var b4 = Sop.FindStep("B.4")!;
        var route = Assert.Single(b4.ReportRoutes, r => r.Function == function && r.Commodity == commodity);
        Assert.Equal(unit, route.Unit);
        var kegiatan = new BpomBot.Domain.Workflow.Kegiatan
        {
            Id = "k", SopCode = Sop.Code, SopVersion = Sop.Version, SubProcess = "B", Kind = WorkflowKind.PerKegiatan, Title = "Bimtek",
            UnitId = "bbpom-medan", OfficerId = "staf-medan", Year = 2026, CreatedAt = DateTimeOffset.UnixEpoch, Fungsi = function, Komoditas = commodity,
        };

        var result = await _directory.ResolveAsync(kegiatan, Sop, b4, "staf-medan");

        Assert.Equal(expected, result.Leader?.AadObjectId);
        Assert.Contains("Keterangan B.4", result.Explanation);
    }

    [Fact]
    public async Task ResolveAsync_D8OfProgramme9e_GoesToTheDeputiAboveDitPmpuOtskk()
    {
        Add("deputi-otskk", "deputi-otskk", RosterRoles.Pptm);
        var d = Sop.FindSubProcess("D")!;
        var result = await _directory.ResolveAsync(new LeaderQuery("bbpom-medan", "staf-medan", Sop.FindStep("D.8")!, d.UnitKerjaPusatOf("fasilitator-umkm-ot-kosmetik")));
        Assert.Equal("deputi-otskk", result.Leader?.AadObjectId);
        Assert.Contains("Pejabat Pimpinan Tinggi Madya", result.Explanation);
    }

    [Fact]
    public async Task ResolveAsync_NoLeaderOnRoster_ExplainsWhatIsMissing()
    {
        var result = await _directory.ResolveAsync("dit-pmpu-otskk", "officer-otskk", Sop.FindStep("D.8")!);
        Assert.Null(result.Leader);
        Assert.Contains("roster", result.Explanation);

        var unknown = await _directory.ResolveAsync("unit-fiktif", "x", Sop.FindStep("A.4")!);
        Assert.Contains("tidak dikenal", unknown.Explanation);
    }

    [Fact]
    public async Task SubordinatesAsync_UnitColleaguesAndHeadsOfUnitsBelow()
    {
        var medan = (await _roster.GetPersonAsync("kepala-medan"))!;
        Assert.Equal(["kepala-toba", "staf-medan"], (await _directory.SubordinatesAsync(medan)).Select(p => p.AadObjectId));

        var deputi = (await _roster.GetPersonAsync("deputi-po"))!;
        Assert.Equal(["direktur-pmpu"], (await _directory.SubordinatesAsync(deputi)).Select(p => p.AadObjectId));
    }

    [Fact]
    public async Task FindByEmailAsync_IgnoresCase()
    {
        Assert.Equal("staf-medan", (await _directory.FindByEmailAsync("STAF-MEDAN@pom.go.id"))?.AadObjectId);
        Assert.Null(await _directory.FindByEmailAsync("tidak.ada@pom.go.id"));
    }
}

public sealed class RosterImporterTests
{
    private const string Header = "aad_object_id,name,email,unit_id,roles";
    private readonly InMemoryRosterRepository _roster = new();
    private readonly ListAudit _audit = new();
    private readonly RosterImporter _importer;

    public RosterImporterTests() =>
        _importer = new RosterImporter(_roster, UnitCatalog.LoadEmbedded(), _audit, new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero)));

    [Fact]
    public async Task ImportAsync_OneBadRow_StoresNothing_AndReportsTheLine()
    {
        var result = await _importer.ImportAsync($"""
            {Header}
            11111111-1111-1111-1111-111111111111,Ani,ani@pom.go.id,bbpom-bandung,pelaksana
            22222222-2222-2222-2222-222222222222,Budi,budi@pom.go.id,bbpom-bandungg,kepala upt
            """, "admin");

        Assert.False(result.Succeeded);
        Assert.Equal(3, Assert.Single(result.Errors).Line);
        Assert.Empty(await _roster.ListPeopleByUnitAsync("bbpom-bandung"));
        Assert.Empty(_audit.Events);
    }

    [Fact]
    public async Task ImportAsync_AddsNewAndUpdatesExisting_KeepingCapturedTeamsId()
    {
        await _roster.SavePersonAsync(new PersonRecord("22222222-2222-2222-2222-222222222222", "29:budi", "Budi Lama", "budi@pom.go.id", "bbpom-medan", [RosterRoles.Pelaksana]));

        var result = await _importer.ImportAsync($"""
            {Header}
            11111111-1111-1111-1111-111111111111,Ani,ani@pom.go.id,bbpom-bandung,pelaksana
            22222222-2222-2222-2222-222222222222,Budi,budi@pom.go.id,bbpom-bandung,kepala upt
            """, "admin");

        Assert.Equal((1, 1), (result.Added, result.Updated));
        var budi = (await _roster.GetPersonAsync("22222222-2222-2222-2222-222222222222"))!;
        Assert.Equal(("Budi", "bbpom-bandung", "29:budi"), (budi.Name, budi.UnitId, budi.TeamsId));
        Assert.Equal([RosterRoles.KepalaUpt], budi.Roles);
        Assert.Equal(2, (await _roster.ListPeopleByUnitAsync("bbpom-bandung")).Count);
        Assert.Equal("roster.imported", Assert.Single(_audit.Events, e => e.Subject == "roster").Action);
        var changed = _audit.Events.Where(e => e.Action == "roster.person-changed").ToList();
        Assert.Equal(2, changed.Count); // every person whose unit or roles changed, before and after
        Assert.Contains(changed, e => e.Before == "bbpom-medan [pelaksana]" && e.After == "bbpom-bandung [kepala-upt]");
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
