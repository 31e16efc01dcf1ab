using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Disposisi;
using BpomBot.Domain.Roster;
using BpomBot.Storage.Disposisi;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Client;
using BpomBot.Storage.Tests.Azurite;

namespace BpomBot.Storage.Tests.Disposisi;

/// <summary>Disposisi and delegation repositories, run against Azurite (ids unique per test).</summary>
public abstract class DisposisiRepositoryContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    protected abstract TableServiceClient Service { get; }

    public Task InitializeAsync() => StorageTableInitializer.CreateTablesAsync(Service, DisposisiTables.All);

    public Task DisposeAsync() => Task.CompletedTask;

    private static string NewId() => "d/" + Guid.NewGuid().ToString("N")[..10];

    internal static Domain.Disposisi.Disposisi Sample(string id, string to, DateTimeOffset sentAt) => new()
    {
        Id = id, KegiatanId = "k/1", StepId = "A.4", Kind = DisposisiKinds.ReportToLeader, Summary = "Laporan", OfficerId = "officer",
        UnitId = "bbpom-bandung", FromId = "officer", ToId = to, SentAt = sentAt, BatasWaktu = new DateOnly(2026, 3, 9), Sifat = Sifat.Segera,
        Arahan = ["pelajari"],
    };

    [Fact]
    public async Task Disposisi_CreateThenGet_RoundTripsEveryField()
    {
        var repo = new TableDisposisiRepository(Service);
        var d = Sample(NewId(), "leader-" + Guid.NewGuid(), T0);
        d.Card = new CardLocation("a:conv", "act-1", "https://smba.example/");

        var version = await repo.CreateAsync(d);

        var read = (await repo.GetAsync(d.Id))!;
        Assert.Equal((version, version), (d.Version, read.Version));
        Assert.Equal(DisposisiJson.Serialize(d), DisposisiJson.Serialize(read));
        Assert.Null(await repo.GetAsync(NewId()));
    }

    [Fact]
    public async Task Disposisi_TwoConcurrentDecisionsFromSameVersion_ExactlyOneWins()
    {
        var repo = new TableDisposisiRepository(Service);
        var d = Sample(NewId(), "leader", T0);
        var version = await repo.CreateAsync(d);

        var outcomes = await Task.WhenAll(new[] { DisposisiState.Disetujui, DisposisiState.Dikembalikan }.Select(async state =>
        {
            var copy = (await repo.GetAsync(d.Id))!;
            copy.State = state;
            try
            {
                await repo.UpdateAsync(copy, version);
                return state.ToString();
            }
            catch (ConcurrencyConflictException)
            {
                return "conflict";
            }
        }));

        Assert.Single(outcomes, o => o == "conflict");
        var winner = outcomes.Single(o => o != "conflict");
        Assert.Equal(winner, (await repo.GetAsync(d.Id))!.State.ToString());
    }

    [Fact]
    public async Task Disposisi_CreateTwice_ThrowsConcurrencyConflict()
    {
        var repo = new TableDisposisiRepository(Service);
        var d = Sample(NewId(), "leader", T0);
        await repo.CreateAsync(d);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repo.CreateAsync(Sample(d.Id, "leader", T0)));
    }

    [Fact]
    public async Task Disposisi_PendingForAddressee_OldestFirst_DecidedDropOut()
    {
        var repo = new TableDisposisiRepository(Service);
        var leader = "leader-" + Guid.NewGuid();
        var newer = Sample(NewId(), leader, T0.AddHours(2));
        var older = Sample(NewId(), leader, T0);
        var other = Sample(NewId(), "someone-else", T0);
        await repo.CreateAsync(newer);
        await repo.CreateAsync(older);
        await repo.CreateAsync(other);

        Assert.Equal([older.Id, newer.Id], (await repo.ListPendingForAsync(leader)).Select(d => d.Id));

        older.State = DisposisiState.Disetujui;
        await repo.UpdateAsync(older, older.Version!);
        Assert.Equal([newer.Id], (await repo.ListPendingForAsync(leader)).Select(d => d.Id));
    }

    [Fact]
    public async Task Delegation_SaveThenListByLeaderAndDelegate_VersionsHonoured()
    {
        var repo = new TableDelegationRepository(Service);
        var leader = "leader-" + Guid.NewGuid();
        var deputy = "plh-" + Guid.NewGuid();
        var saved = await repo.SaveAsync(new Delegation(Guid.NewGuid().ToString("N"), leader, deputy, DelegationKind.Plh, new(2026, 3, 2), new(2026, 3, 6), leader, T0));

        Assert.Equal(saved, Assert.Single(await repo.ListByLeaderAsync(leader)));
        Assert.Equal(saved.Id, Assert.Single(await repo.ListByDelegateAsync(deputy)).Id);
        var revoked = await repo.SaveAsync(saved with { Revoked = true });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repo.SaveAsync(saved with { To = new(2026, 3, 9) }));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repo.SaveAsync(saved with { Version = null }));
        Assert.True(Assert.Single(await repo.ListByDelegateAsync(deputy)).Revoked);
        Assert.Equal(revoked.Version, Assert.Single(await repo.ListByLeaderAsync(leader)).Version);
    }
}

[Collection(AzuriteCollection.Name)]
[Trait("Category", "Azurite")]
public sealed class AzuriteDisposisiRepositoryTests(AzuriteFixture azurite) : DisposisiRepositoryContract
{
    protected override TableServiceClient Service { get; } = TableStorage.Create(azurite.ConnectionString);
}

