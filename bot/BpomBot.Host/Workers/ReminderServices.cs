using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Reminders;
using BpomBot.Teams.Proactive;

namespace BpomBot.Host.Workers;

/// <summary>Reminders end to end: policy, scheduler (the domain's <see cref="IReminderScheduler"/>), sweep, delivery and their workers.</summary>
internal static class ReminderServices
{
    public static IServiceCollection AddBpomReminders(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(ReminderSettings.Section).Get<ReminderSettings>() ?? new ReminderSettings();
        if (settings.SweepInterval <= TimeSpan.Zero || settings.WorkdayEnd <= settings.WorkdayStart || settings.EscalateAfterWorkingDays < 1)
        {
            throw new InvalidOperationException("Reminders: SweepInterval must be positive, WorkdayEnd after WorkdayStart, EscalateAfterWorkingDays ≥ 1.");
        }

        services.AddSingleton(settings);
        services.AddSingleton<ReminderPolicy>();
        services.AddSingleton<IReminderDirectory, RosterReminderDirectory>();
        services.AddSingleton<ReminderScheduler>();
        services.AddSingleton<IReminderScheduler>(sp => sp.GetRequiredService<ReminderScheduler>());
        services.AddSingleton<ReminderSweep>();
        services.AddBpomProactive(configuration);
        services.AddHostedService<ReminderWorker>();
        services.AddHostedService<DeliveryWorker>();
        return services;
    }
}
