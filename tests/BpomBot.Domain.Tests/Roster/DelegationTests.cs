using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Roster;

namespace BpomBot.Domain.Tests.Roster;

public sealed class DelegationTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("a", "a", 1, 1, "dirinya sendiri")]
    [InlineData("a", "b", 5, 1, "sebelum tanggal mulai")]
    [InlineData("a", "", 1, 1, "wajib diisi")]
    [InlineData("a", "b", 1, 1, null)]
    public void Validate_ChecksPeopleAndDateRange(string leader, string @delegate, int fromDay, int toDay, string? expected)
    {
        var reason = Delegation.Validate(leader, @delegate, new DateOnly(2026, 3, fromDay), new DateOnly(2026, 3, toDay));
        if (expected is null) Assert.Null(reason);
        else Assert.Contains(expected, reason);
    }

    [Fact]
    public void Validate_LongerThanAYear_IsRefused() =>
        Assert.NotNull(Delegation.Validate("a", "b", new DateOnly(2026, 1, 1), new DateOnly(2027, 1, 3)));

    [Fact]
    public async Task InMemoryRepository_ListsByLeaderAndDelegate_AndHonoursVersions()
    {
        var repo = new InMemoryDelegationRepository();
        var saved = await repo.SaveAsync(new Delegation("d1", "leader", "plh", DelegationKind.Plh, new(2026, 3, 2), new(2026, 3, 6), "leader", At));

        Assert.Equal("d1", Assert.Single(await repo.ListByLeaderAsync("leader")).Id);
        Assert.Equal("d1", Assert.Single(await repo.ListByDelegateAsync("plh")).Id);
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repo.SaveAsync(saved with { Version = null }));
        var revoked = await repo.SaveAsync(saved with { Revoked = true });
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repo.SaveAsync(saved with { Revoked = false }));
        Assert.True(Assert.Single(await repo.ListByLeaderAsync("leader")).Revoked);
        Assert.NotEqual(saved.Version, revoked.Version);
    }
}
