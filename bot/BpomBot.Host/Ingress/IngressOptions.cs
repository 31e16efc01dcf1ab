namespace BpomBot.Host.Ingress;

/// <summary>How inbound activities are acknowledged (docs/ingress.md).</summary>
public enum IngressMode
{
    /// <summary>The endpoint runs the turn and answers 200 once its state is committed (the default).</summary>
    Direct,

    /// <summary>The endpoint stores the activity in an Azure Storage queue and answers 202; a worker on every instance runs it.</summary>
    Queue,
}

/// <summary>Settings of section <c>Ingress</c>.</summary>
public sealed class IngressOptions
{
    public const string Section = "Ingress";

    public IngressMode Mode { get; set; } = IngressMode.Direct;

    /// <summary>The queue of activities; poisoned ones go to <c>{QueueName}-poison</c>.</summary>
    public string QueueName { get; set; } = "activities";

    /// <summary>Queue endpoint for a managed identity; unused when Storage:ConnectionString is set (it names the queue service).</summary>
    public Uri? QueueEndpoint { get; set; }

    /// <summary>How long a received message stays hidden; a worker that dies before deleting it lets it come back after this.</summary>
    public TimeSpan VisibilityTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A message received more often than this goes to the poison queue instead of being run again.</summary>
    public int MaxDequeueCount { get; set; } = 5;

    /// <summary>Turns one instance's worker runs at the same time (turns of one conversation still run one by one).</summary>
    public int Concurrency { get; set; } = 32;

    /// <summary>Longest pause between polls of an empty queue; an enqueue on this instance wakes the worker at once.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Bodies above this are handled in the request (a queue message holds 64 KiB).</summary>
    public int MaxMessageBytes { get; set; } = 48 * 1024;

    public IEnumerable<string> Validate()
    {
        if (QueueName is not { Length: >= 3 and <= 56 } || !QueueName.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            || QueueName.StartsWith('-') || QueueName.EndsWith('-') || QueueName.Contains("--", StringComparison.Ordinal))
        {
            yield return "Ingress:QueueName must be 3-56 lowercase letters, digits or single '-' (the poison queue adds '-poison').";
        }

        if (VisibilityTimeout < TimeSpan.FromSeconds(1) || VisibilityTimeout > TimeSpan.FromDays(7))
        {
            yield return "Ingress:VisibilityTimeout must be between 00:00:01 and 7.00:00:00.";
        }

        if (MaxDequeueCount is < 1 or > 100)
        {
            yield return "Ingress:MaxDequeueCount must be between 1 and 100.";
        }

        if (Concurrency is < 1 or > 1024)
        {
            yield return "Ingress:Concurrency must be between 1 and 1024.";
        }

        if (MaxPollInterval < TimeSpan.FromMilliseconds(10) || MaxPollInterval > TimeSpan.FromMinutes(1))
        {
            yield return "Ingress:MaxPollInterval must be between 00:00:00.01 and 00:01:00.";
        }

        if (MaxMessageBytes is < 1024 or > 60 * 1024)
        {
            yield return "Ingress:MaxMessageBytes must be between 1024 and 61440.";
        }
    }
}
