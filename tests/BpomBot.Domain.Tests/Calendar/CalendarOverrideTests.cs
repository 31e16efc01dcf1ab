using BpomBot.Domain.Calendar;
using BpomBot.Domain.Organization;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Domain.Tests.Calendar;

public sealed class CalendarOverrideTests
{
    private static readonly HolidaySet Holidays = HolidaySet.LoadEmbedded();
    private static readonly DateTimeOffset Start = new(2026, 7, 16, 1, 0, 0, TimeSpan.Zero);

    private static CalendarOverride Override(string date, string? unit, OverrideKind kind, int minute = 0) =>
        new(Guid.NewGuid().ToString("N"), DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), unit, kind, "banjir", "admin", Start.AddMinutes(minute));

    [Fact]
    public void IsWorkingDay_UnitClosure_AffectsOnlyThatUnit()
    {
        var calendar = new WorkingDayCalendar(Holidays, [Override("2026-07-20", "bbpom-medan", OverrideKind.Add)]);
        var start = new DateOnly(2026, 7, 17);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 7, 20), "bbpom-medan"));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 7, 20)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 7, 20), "bbpom-jakarta"));
        Assert.Equal(new DateOnly(2026, 7, 21), calendar.AddWorkingDays(start, 1, "bbpom-medan"));
        Assert.Equal(new DateOnly(2026, 7, 20), calendar.AddWorkingDays(start, 1));
        Assert.Equal("penutupan kantor: banjir", calendar.Describe(new DateOnly(2026, 7, 20), "bbpom-medan").Reason);
    }

    [Fact]
    public void IsWorkingDay_NationalRemove_HolidayBecomesWorkingDayForAllUnits()
    {
        var calendar = new WorkingDayCalendar(Holidays, [Override("2026-12-24", null, OverrideKind.Remove)]);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 24)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 12, 24), "loka-sorong"));
    }

    [Fact]
    public void IsWorkingDay_RemoveOnWeekend_StaysNonWorking()
    {
        var calendar = new WorkingDayCalendar(Holidays, [Override("2026-07-18", "bbpom-medan", OverrideKind.Remove)]);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 7, 18), "bbpom-medan"));
    }

    [Fact]
    public void IsWorkingDay_LaterOverrideSameDateAndScope_Wins()
    {
        var calendar = new WorkingDayCalendar(Holidays,
        [
            Override("2026-07-20", null, OverrideKind.Remove, minute: 5),
            Override("2026-07-20", null, OverrideKind.Add, minute: 1),
        ]);
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 7, 20)));
    }

    [Fact]
    public async Task AddOverrideAsync_AppliesWithoutRestartAndWritesAudit()
    {
        var repository = new InMemoryCalendarOverrideRepository();
        var time = new FakeTimeProvider(Start);
        var live = new LiveWorkingDayCalendar(Holidays, repository, time, UnitCatalog.LoadEmbedded());
        var date = new DateOnly(2026, 7, 20);
        Assert.True(live.IsWorkingDay(date, "bpom-palu"));

        var added = await live.AddOverrideAsync(date, "bpom-palu", OverrideKind.Add, "gempa bumi", "admin-oid");

        Assert.False(live.IsWorkingDay(date, "bpom-palu"));
        var audit = Assert.Single(repository.AuditEvents);
        Assert.Equal("kalender/bpom-palu/2026-07-20", audit.Subject);
        Assert.Equal("admin-oid", audit.Actor);
        Assert.Equal("calendar.override.add", audit.Action);
        Assert.Equal(Start, audit.At);
        Assert.Equal("hari kerja", audit.Before);
        Assert.Equal("bukan hari kerja (penutupan kantor: gempa bumi)", audit.After);
        Assert.Equal(added, Assert.Single(await repository.ListAsync()));
    }

    [Fact]
    public async Task RefreshAsync_OverrideAddedElsewhere_IsPickedUp()
    {
        var repository = new InMemoryCalendarOverrideRepository();
        var live = new LiveWorkingDayCalendar(Holidays, repository, new FakeTimeProvider(Start));
        var other = new LiveWorkingDayCalendar(Holidays, repository, new FakeTimeProvider(Start));
        var date = new DateOnly(2026, 7, 21);

        await other.AddOverrideAsync(date, null, OverrideKind.Add, "libur tambahan", "admin");
        Assert.True(live.IsWorkingDay(date));
        await live.RefreshAsync();

        Assert.False(live.IsWorkingDay(date));
        Assert.Equal("ditetapkan libur: libur tambahan", live.Current.Describe(date).Reason);
    }

    [Fact]
    public async Task CreateAsync_StoredOverrides_AppliedFromTheStart()
    {
        var repository = new InMemoryCalendarOverrideRepository();
        var closure = Override("2026-07-20", "loka-belu", OverrideKind.Add);
        await repository.AddAsync(closure, new Audit.AuditEvent(closure.Subject, "admin", null, "calendar.override.add", Start, null, null));

        var live = await LiveWorkingDayCalendar.CreateAsync(Holidays, repository, new FakeTimeProvider(Start));

        Assert.False(live.IsWorkingDay(new DateOnly(2026, 7, 20), "loka-belu"));
        Assert.Equal(1, live.Current.SourceOverrideCount);
    }

    [Fact]
    public async Task AddOverrideAsync_InvalidInput_Rejected()
    {
        var live = new LiveWorkingDayCalendar(Holidays, new InMemoryCalendarOverrideRepository(), new FakeTimeProvider(Start), UnitCatalog.LoadEmbedded());
        await Assert.ThrowsAsync<CalendarNotAvailableException>(() => live.AddOverrideAsync(new DateOnly(2028, 1, 3), null, OverrideKind.Add, "x", "admin"));
        await Assert.ThrowsAsync<ArgumentException>(() => live.AddOverrideAsync(new DateOnly(2026, 1, 5), "loka-kepulauan-seribu", OverrideKind.Add, "x", "admin"));
        await Assert.ThrowsAsync<ArgumentException>(() => live.AddOverrideAsync(new DateOnly(2026, 1, 5), null, OverrideKind.Add, " ", "admin"));
    }
}
