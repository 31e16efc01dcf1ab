using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Calendar;

namespace BpomBot.Domain.Tests.Calendar;

/// <summary>
/// What every <see cref="ICalendarOverrideRepository"/> must do. The storage adapter's tests can run the same
/// cases by deriving from this class.
/// </summary>
public abstract class CalendarOverrideRepositoryContract
{
    private static readonly DateTimeOffset At = new(2026, 7, 16, 2, 0, 0, TimeSpan.Zero);

    protected abstract Task<ICalendarOverrideRepository> CreateEmptyAsync();

    private static (CalendarOverride Override, AuditEvent Audit) Sample(string id, string? unitId, int minutes)
    {
        var o = new CalendarOverride(id, new DateOnly(2026, 7, 20), unitId, OverrideKind.Add, "banjir", "admin", At.AddMinutes(minutes));
        return (o, new AuditEvent(o.Subject, "admin", null, "calendar.override.add", o.At, "hari kerja", "bukan hari kerja", o.Reason));
    }

    [Fact]
    public async Task ListAsync_Empty_ReturnsNothing() => Assert.Empty(await (await CreateEmptyAsync()).ListAsync());

    [Fact]
    public async Task AddAsync_ThenList_ReturnsEveryFieldInAddedOrder()
    {
        var repository = await CreateEmptyAsync();
        var first = Sample("a1", null, 0);
        var second = Sample("b2", "loka-belu", 1);
        await repository.AddAsync(first.Override, first.Audit);
        await repository.AddAsync(second.Override, second.Audit);

        Assert.Equal([first.Override, second.Override], await repository.ListAsync());
    }

    [Fact]
    public async Task AddAsync_SameId_ThrowsConcurrencyConflictAndKeepsFirst()
    {
        var repository = await CreateEmptyAsync();
        var first = Sample("same", null, 0);
        var second = Sample("same", "bbpom-medan", 1);
        await repository.AddAsync(first.Override, first.Audit);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => repository.AddAsync(second.Override, second.Audit));
        Assert.Equal(first.Override, Assert.Single(await repository.ListAsync()));
    }

    [Fact]
    public async Task ListAsync_CancelledToken_Throws()
    {
        var repository = await CreateEmptyAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => repository.ListAsync(new CancellationToken(canceled: true)));
    }
}

public sealed class InMemoryCalendarOverrideRepositoryTests : CalendarOverrideRepositoryContract
{
    protected override Task<ICalendarOverrideRepository> CreateEmptyAsync() =>
        Task.FromResult<ICalendarOverrideRepository>(new InMemoryCalendarOverrideRepository());

    [Fact]
    public async Task AddAsync_Override_KeepsItsAuditEvent()
    {
        var repository = new InMemoryCalendarOverrideRepository();
        var o = new CalendarOverride("x", new DateOnly(2026, 7, 20), null, OverrideKind.Remove, "koreksi SKB", "admin", DateTimeOffset.UnixEpoch);
        var audit = new AuditEvent(o.Subject, "admin", null, "calendar.override.remove", o.At, null, null, o.Reason);
        await repository.AddAsync(o, audit);
        Assert.Equal(audit, Assert.Single(repository.AuditEvents));
    }
}
