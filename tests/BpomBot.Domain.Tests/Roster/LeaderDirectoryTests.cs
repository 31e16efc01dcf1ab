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
    [InlineData("dit-pmpu-po", "officer-pmpu", "D.8", "direktur-pmpu")]
    [InlineData("ppsdm-pom", "officer-ppsdm", "A.4", "kepala-bpom")] // no head of PPSDM on the roster, no deputi above
    public async Task ResolveAsync_FollowsSopRolesAndUnitHierarchy(string unit, string officer, string step, string expected) =>
        Assert.Equal(expected, await Leader(unit, officer, step));

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
        Assert.Equal("roster.imported", Assert.Single(_audit.Events).Action);
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
