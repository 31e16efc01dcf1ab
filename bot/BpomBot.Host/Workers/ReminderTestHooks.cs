using System.Globalization;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Reminders;
using BpomBot.Teams.Hosting;
using Microsoft.Extensions.Options;

namespace BpomBot.Host.Workers;

/// <summary>
/// End-to-end test hooks: schedule a reminder and run a sweep at a chosen instant. Mapped only in the Development
/// environment in local mode (no bot app id: unauthenticated, loopback only), and only loopback callers are served,
/// so a deployed bot never exposes them.
/// </summary>
internal static class ReminderTestHooks
{
    public static WebApplication MapReminderTestHooks(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment() || !app.Services.GetRequiredService<IOptions<BotOptions>>().Value.IsLocalMode)
        {
            return app;
        }

        var hooks = app.MapGroup("/_test/reminders").AddEndpointFilter(async (context, next) =>
            context.HttpContext.Connection.RemoteIpAddress is { } ip && System.Net.IPAddress.IsLoopback(ip)
                ? await next(context)
                : Results.NotFound());
        hooks.MapPost("/schedule", async (ReminderSubject subject, ReminderScheduler scheduler, ReminderPolicy policy, IReminderDirectory directory, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        {
            await scheduler.ScheduleAsync(subject, cancellationToken);

            // The instant of the first reminder, so a test can sweep exactly then.
            var local = TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), directory.ZoneOf(subject.UnitId)).DateTime;
            var next = policy.Next(subject, local).Select(o => scheduler.ToUtc(subject.UnitId, o.Date, o.Time)).FirstOrDefault();
            return Results.Ok(new { nextAt = next });
        });
        hooks.MapPost("/sweep", async (string? now, ReminderSweep sweep, TimeProvider timeProvider, CancellationToken cancellationToken) =>
        {
            if (now is not null && !DateTimeOffset.TryParse(now, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                return Results.BadRequest("now must be an ISO 8601 instant");
            }

            var at = now is null ? timeProvider.GetUtcNow() : DateTimeOffset.Parse(now, CultureInfo.InvariantCulture);
            return Results.Ok(await sweep.RunAsync(at, cancellationToken));
        });
        return app;
    }
}
