using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Reminders;

namespace BpomBot.Domain.Tests.Reminders;

public sealed class RosterReminderDirectoryTests
{
    private readonly Roster roster = new();
    private readonly RosterReminderDirectory directory;

    public RosterReminderDirectoryTests() => directory = new RosterReminderDirectory(UnitCatalog.LoadEmbedded(), roster);

    private void Person(string id, string unit, params string[] roles) =>
        roster.People.Add(new PersonRecord(id, null, id, id + "@pom.go.id", unit, roles));

    [Fact]
    public async Task FindAtasanAsync_PelaksanaWithKetuaTim_ReturnsKetuaTim()
    {
        Person("p1", "bbpom-medan", "pelaksana");
        Person("kt", "bbpom-medan", "Ketua Tim");
        Person("kb", "bbpom-medan", "kepala UPT");

        Assert.Equal("kt", (await directory.FindAtasanAsync("p1", "bbpom-medan"))!.PersonId);
    }

    [Fact]
    public async Task FindAtasanAsync_KetuaTim_ReturnsHeadOfUnit()
    {
        Person("kt", "bbpom-medan", "ketua_tim");
        Person("kb", "bbpom-medan", "kepala_upt");

        Assert.Equal("kb", (await directory.FindAtasanAsync("kt", "bbpom-medan"))!.PersonId);
    }

    [Fact]
    public async Task FindAtasanAsync_LokaWithoutHead_ReturnsBalaiKoordinatorHead()
    {
        Person("p1", "loka-aceh-selatan", "pelaksana");
        Person("kb", "bbpom-banda-aceh", "kepala UPT");

        Assert.Equal(new ReminderRecipient("kb", "bbpom-banda-aceh"), await directory.FindAtasanAsync("p1", "loka-aceh-selatan"));
    }

    [Fact]
    public async Task FindAtasanAsync_Direktur_ReturnsDeputi()
    {
        Person("dir", "dit-pmpu-po", "direktur");
        Person("dep", "deputi-po", "PPTM/Deputi");

        Assert.Equal("dep", (await directory.FindAtasanAsync("dir", "dit-pmpu-po"))!.PersonId);
    }

    [Fact]
    public async Task FindAtasanAsync_NobodyOnRoster_ReturnsNull() =>
        Assert.Null(await directory.FindAtasanAsync("p1", "bbpom-medan"));

    [Theory]
    [InlineData("bbpom-jayapura", "Asia/Jayapura")]
    [InlineData("bbpom-medan", "Asia/Jakarta")]
    [InlineData("unknown-unit", "Asia/Jakarta")]
    public void ZoneOf_Unit_FromCatalogue(string unit, string zone) => Assert.Equal(zone, directory.ZoneOf(unit).Id);

    private sealed class Roster : IRosterRepository
    {
        public List<PersonRecord> People { get; } = [];

        public Task<UnitRecord?> GetUnitAsync(string unitId, CancellationToken cancellationToken = default) => Task.FromResult<UnitRecord?>(null);

        public Task<IReadOnlyList<UnitRecord>> ListUnitsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<UnitRecord>>([]);

        public Task<UnitRecord> SaveUnitAsync(UnitRecord unit, CancellationToken cancellationToken = default) => Task.FromResult(unit);

        public Task<PersonRecord?> GetPersonAsync(string aadObjectId, CancellationToken cancellationToken = default) =>
            Task.FromResult(People.FirstOrDefault(p => p.AadObjectId == aadObjectId));

        public Task<IReadOnlyList<PersonRecord>> ListPeopleByUnitAsync(string unitId, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<PersonRecord>>([.. People.Where(p => p.UnitId == unitId)]);

        public Task<PersonRecord> SavePersonAsync(PersonRecord person, CancellationToken cancellationToken = default) => Task.FromResult(person);
    }
}
