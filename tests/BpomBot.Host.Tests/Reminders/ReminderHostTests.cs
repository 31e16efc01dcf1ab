using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Reminders;
using BpomBot.Host.Workers;
using BpomBot.Teams.Proactive;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Host.Tests.Reminders;

public sealed class ReminderHostTests
{
    [Fact]
    public async Task Build_Container_ResolvesSchedulerSweepAndDeliveryQueue()
    {
        await using var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Storage:InMemory=true"]);

        Assert.IsType<ReminderScheduler>(app.Services.GetRequiredService<IReminderScheduler>());
        Assert.NotNull(app.Services.GetRequiredService<ReminderSweep>());
        Assert.IsType<NotificationDelivery>(app.Services.GetRequiredService<IReminderNotifier>());
    }

    [Fact]
    public async Task TestHooks_DevelopmentLocalMode_ScheduleThenSweepAtNextInstantHandsOverReminder()
    {
        var (app, http) = await StartAsync("--environment=Development");
        await using var _ = app;
        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10));
        var subject = new { subjectId = "kegiatan/E2E/A.3", recipientId = "aad-e2e", unitId = "bbpom-medan", dueDate = due.ToString("yyyy-MM-dd"), title = "A.3 uji", sifat = "Biasa" };

        var scheduled = await http.PostAsJsonAsync("/_test/reminders/schedule", subject);
        scheduled.EnsureSuccessStatusCode();
        var nextAt = JsonNode.Parse(await scheduled.Content.ReadAsStringAsync())!["nextAt"]!.GetValue<DateTimeOffset>();
        var swept = await http.PostAsync($"/_test/reminders/sweep?now={Uri.EscapeDataString(nextAt.AddSeconds(30).ToString("O"))}", null);

        swept.EnsureSuccessStatusCode();
        var result = JsonNode.Parse(await swept.Content.ReadAsStringAsync())!;
        Assert.Equal(1, result["itemsSent"]!.GetValue<int>());
    }

    [Fact]
    public async Task TestHooks_ProductionEnvironment_NotMapped()
    {
        var (app, http) = await StartAsync("--environment=Production");
        await using var _ = app;

        var response = await http.PostAsync("/_test/reminders/sweep", null);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static async Task<(WebApplication App, HttpClient Http)> StartAsync(params string[] extra)
    {
        var app = BotHost.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--Storage:InMemory=true", .. extra]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return (app, new HttpClient { BaseAddress = new Uri(address) });
    }

    [Fact]
    public void Build_BadReminderSettings_FailsNamingTheSection()
    {
        var ex = Assert.Throws<InvalidOperationException>(() =>
            BotHost.Build(["--urls", "http://127.0.0.1:0", "--Storage:InMemory=true", "--Reminders:WorkdayEnd=06:00"]));

        Assert.Contains("Reminders", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReminderWorker_ClockReachesEightWib_SweepHandsDigestToDelivery()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 4, 14, 7, 58, 0, TimeSpan.FromHours(7)));
        var store = new InMemoryReminderStore();
        var settings = new ReminderSettings { SweepInterval = TimeSpan.FromMinutes(1) };
        var policy = new ReminderPolicy(new WeekdaysOnly(), settings);
        var directory = new Wib();
        var scheduler = new ReminderScheduler(store, policy, directory, clock);
        var notifier = new Recording();
        await scheduler.ScheduleAsync(new ReminderSubject("kegiatan/K1/A.3", "aad-1", "upt-jkt", new DateOnly(2026, 4, 17), "A.3"));
        using var worker = new ReminderWorker(new ReminderSweep(store, scheduler, policy, directory, notifier), settings, clock, NullLogger<ReminderWorker>.Instance);

        await worker.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (notifier.Count == 0 && DateTime.UtcNow < deadline)
        {
            // The timer may not be registered yet when the clock moves; keep nudging until the sweep has run.
            clock.Advance(TimeSpan.FromSeconds(30));
            await Task.Delay(20);
        }

        await worker.StopAsync(CancellationToken.None);
        Assert.Equal(1, notifier.Count);
    }

    private sealed class Recording : IReminderNotifier
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public ValueTask EnqueueAsync(Notification notification, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref count);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class Wib : IReminderDirectory
    {
        public TimeZoneInfo ZoneOf(string unitId) => TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

        public Task<ReminderRecipient?> FindAtasanAsync(string personId, string unitId, CancellationToken cancellationToken = default) =>
            Task.FromResult<ReminderRecipient?>(null);
    }

    private sealed class WeekdaysOnly : Domain.Calendar.IWorkingDayCalendar
    {
        public bool IsWorkingDay(DateOnly date, string? unitId = null) => date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

        public DateOnly AddWorkingDays(DateOnly start, int workingDays, string? unitId = null) => throw new NotSupportedException();

        public int WorkingDaysBetween(DateOnly from, DateOnly to, string? unitId = null) => throw new NotSupportedException();

        public DateOnly NextWorkingDay(DateOnly date, string? unitId = null) => IsWorkingDay(date.AddDays(1)) ? date.AddDays(1) : NextWorkingDay(date.AddDays(1));

        public DateOnly PreviousWorkingDay(DateOnly date, string? unitId = null) => IsWorkingDay(date.AddDays(-1)) ? date.AddDays(-1) : PreviousWorkingDay(date.AddDays(-1));

        public Domain.Calendar.QuarterDeadline QuarterDeadline(DateOnly date, string? unitId = null) => throw new NotSupportedException();
    }
}
