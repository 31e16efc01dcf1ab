using System.Collections.Concurrent;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Reminders;

namespace BpomBot.Teams.Tests.Proactive;

internal sealed class MemoryReferences : IConversationReferenceRepository
{
    private readonly ConcurrentDictionary<string, ConversationReferenceRecord> byUser = new();

    public int Reads { get; private set; }

    public int Saves { get; private set; }

    public Task<ConversationReferenceRecord?> GetByUserAsync(string userAadObjectId, CancellationToken cancellationToken = default)
    {
        Reads++;
        return Task.FromResult(byUser.GetValueOrDefault(userAadObjectId));
    }

    public Task<ConversationReferenceRecord> SaveAsync(ConversationReferenceRecord record, CancellationToken cancellationToken = default)
    {
        Saves++;
        return Task.FromResult(byUser[record.UserAadObjectId] = record with { Version = Guid.NewGuid().ToString() });
    }
}

internal sealed class MemoryRoster : IRosterRepository
{
    private readonly ConcurrentDictionary<string, PersonRecord> people = new();

    public Task<UnitRecord?> GetUnitAsync(string unitId, CancellationToken cancellationToken = default) => Task.FromResult<UnitRecord?>(null);

    public Task<IReadOnlyList<UnitRecord>> ListUnitsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<UnitRecord>>([]);

    public Task<UnitRecord> SaveUnitAsync(UnitRecord unit, CancellationToken cancellationToken = default) => Task.FromResult(unit);

    public Task<PersonRecord?> GetPersonAsync(string aadObjectId, CancellationToken cancellationToken = default) =>
        Task.FromResult(people.GetValueOrDefault(aadObjectId));

    public Task<IReadOnlyList<PersonRecord>> ListPeopleByUnitAsync(string unitId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PersonRecord>>([.. people.Values.Where(p => p.UnitId == unitId)]);

    public Task<PersonRecord> SavePersonAsync(PersonRecord person, CancellationToken cancellationToken = default)
    {
        people[person.AadObjectId] = person;
        return Task.FromResult(person);
    }
}


/// <summary>Monday to Friday, no holidays.</summary>
internal sealed class WeekdayCalendar : IWorkingDayCalendar
{
    public bool IsWorkingDay(DateOnly date, string? unitId = null) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    public DateOnly AddWorkingDays(DateOnly start, int workingDays, string? unitId = null) =>
        Enumerable.Range(0, workingDays).Aggregate(start, (d, _) => NextWorkingDay(d));

    public int WorkingDaysBetween(DateOnly from, DateOnly to, string? unitId = null) => throw new NotSupportedException();

    public DateOnly NextWorkingDay(DateOnly date, string? unitId = null)
    {
        var d = date.AddDays(1);
        return IsWorkingDay(d) ? d : NextWorkingDay(d);
    }

    public DateOnly PreviousWorkingDay(DateOnly date, string? unitId = null)
    {
        var d = date.AddDays(-1);
        return IsWorkingDay(d) ? d : PreviousWorkingDay(d);
    }

    public QuarterDeadline QuarterDeadline(DateOnly date, string? unitId = null) => throw new NotSupportedException();
}

internal sealed class JakartaDirectory : IReminderDirectory
{
    public TimeZoneInfo ZoneOf(string unitId) => TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    public Task<ReminderRecipient?> FindAtasanAsync(string personId, string unitId, CancellationToken cancellationToken = default) =>
        Task.FromResult<ReminderRecipient?>(null);
}
