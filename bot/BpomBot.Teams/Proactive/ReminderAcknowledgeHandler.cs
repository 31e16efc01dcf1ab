using System.Globalization;
using BpomBot.Domain.Reminders;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;

namespace BpomBot.Teams.Proactive;

/// <summary>"Diterima" on a reminder card: stops further reminders today for the clicker's own items and marks the card.</summary>
public sealed class ReminderAcknowledgeHandler(ReminderScheduler scheduler, IReminderStore store) : ICardActionHandler
{
    public string Verb => ReminderCard.AcknowledgeVerb;

    public async Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(turn);
        ArgumentNullException.ThrowIfNull(action);
        var person = turn.Activity.From?.AadObjectId;
        var subjects = (action.GetString("subjects") ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var english = action.GetString("lang") == "en";
        if (person is null || subjects.Length == 0)
        {
            return InvokeResponse.Message(english ? "This reminder cannot be recognised." : "Pengingat ini tidak dapat dikenali.");
        }

        var count = await scheduler.AcknowledgeAsync(subjects, person, cancellationToken);
        var notification = action.GetString("notificationId") is { } id
            && DateTimeOffset.TryParse(action.GetString("dueAt"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dueAt)
            ? await store.GetNotificationAsync(dueAt, id, cancellationToken)
            : null;
        if (notification is not null && notification.RecipientId == person)
        {
            return InvokeResponse.Card(ReminderCard.Build(notification, acknowledged: true, english));
        }

        return InvokeResponse.Message(count > 0
            ? ReminderCard.AcknowledgedText(english).TrimStart('✓', ' ')
            : english ? "None of your reminders needed stopping." : "Tidak ada pengingat Anda yang perlu dihentikan.");
    }
}
