using BpomBot.Domain.Abstractions;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Hosting;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BpomBot.Teams.Tests.Hosting;

/// <summary>The turn as one unit of work: read, handlers with buffered replies, one commit, then the sends.</summary>
public sealed class TurnRunnerTests
{
    [Fact]
    public async Task Turn_SavesDialogStateInItsCommit_AndSendsAfterIt()
    {
        var (runner, ledger, connector, handler) = Build();

        await runner.RunAsync(Message("act-1", "one"));
        await runner.RunAsync(Message("act-2", "two"));

        var state = await ledger.ReadAsync("conv-1");
        Assert.Equal("one,two", state.Dialogs["conv-1"].Json);
        Assert.True(state.Handled.Contains("act-1"));
        Assert.True(state.Handled.Contains("act-2"));
        Assert.Equal(2, state.Handled.Count);
        Assert.Equal(["one", "two"], connector.Sent);
        Assert.Equal(2, handler.Runs);
    }

    [Fact]
    public async Task Redelivery_RunsNothing_SendsNothing_AndAnInvokeGetsTheFirstAnswer()
    {
        var (runner, _, connector, handler) = Build();
        var click = Click("click-1");

        var first = await runner.RunAsync(click);
        var again = await runner.RunAsync(click);
        await runner.RunAsync(Message("act-1", "one"));
        await runner.RunAsync(Message("act-1", "one"));

        Assert.Equal("clicked 1", first?.Value?.ToString());
        Assert.Equal("clicked 1", again?.Value?.ToString());
        Assert.Equal(2, handler.Runs);
        Assert.Equal(["one"], connector.Sent);
    }

    [Fact]
    public async Task MessageRedeliveredAfterTenOtherTurns_IsRefusedByTheRing_WithoutALedgerRow()
    {
        var (runner, ledger, connector, handler) = Build();
        await runner.RunAsync(Message("old", "old"));
        for (var i = 0; i < 10; i++)
        {
            await runner.RunAsync(Message($"act-{i}", "x"));
        }

        await runner.RunAsync(Message("old", "old"));

        Assert.Single(connector.Sent, s => s == "old");
        Assert.Equal(11, handler.Runs);
        Assert.Null(await ledger.FindAsync("conv-1", "old"));
    }

    [Fact]
    public async Task RepeatsOfOneActivity_DoNotFlushTheRing()
    {
        var (runner, ledger, connector, _) = Build();
        await runner.RunAsync(Message("old", "old"));
        for (var i = 0; i < HandledRing.Capacity - 2; i++)
        {
            await runner.RunAsync(Message($"act-{i}", "x"));
        }

        // 200 repeats of one click and of one message: each is refused, none takes a place in the ring.
        for (var i = 0; i < 200; i++)
        {
            await runner.RunAsync(Click("click-1"));
            await runner.RunAsync(Message("act-0", "x"));
        }

        await runner.RunAsync(Message("old", "old"));

        Assert.Single(connector.Sent, s => s == "old");
        Assert.Equal(HandledRing.Capacity, (await ledger.ReadAsync("conv-1")).Handled.Count);
    }

    [Fact]
    public async Task MessageOlderThanTheRing_IsHandledAgain_TheDocumentedLimit_ButAnOldInvokeKeepsItsLedgerRow()
    {
        var (runner, _, connector, _) = Build();
        await runner.RunAsync(Message("old", "old"));
        var first = await runner.RunAsync(Click("click-old"));
        for (var i = 0; i < HandledRing.Capacity; i++)
        {
            await runner.RunAsync(Message($"act-{i}", "x"));
        }

        await runner.RunAsync(Message("old", "old"));
        var again = await runner.RunAsync(Click("click-old"));

        // Only 64 newer distinct activities of the same conversation push an id out (docs/storage.md, "Turns").
        Assert.Equal(2, connector.Sent.Count(s => s == "old"));
        Assert.Equal("clicked 1", again?.Value?.ToString());
        Assert.Equal(first?.Value?.ToString(), again?.Value?.ToString());
    }

    [Fact]
    public async Task TurnThatLostTheRaceToAnotherTurn_RunsAgainFromAFreshRead_AndSpeaksOnce()
    {
        var (runner, ledger, connector, handler) = Build();
        await runner.RunAsync(Message("act-1", "one"));

        // Another instance commits a turn of the same conversation while this one is running its handler.
        handler.During = async () => await ledger.CommitAsync((await ledger.ReadAsync("conv-1")) is var s
            ? new TurnCommit("conv-1", s.Version, new Dictionary<string, DialogStateEntry> { ["conv-1"] = new("one,elsewhere", DateTimeOffset.UnixEpoch) },
                s.Handled.With("act-x"), "act-x", null, DateTimeOffset.UnixEpoch, "other")
            : null!);
        await runner.RunAsync(Message("act-2", "two"));

        Assert.Equal("one,elsewhere,two", (await ledger.ReadAsync("conv-1")).Dialogs["conv-1"].Json);
        Assert.Equal(["one", "two"], connector.Sent);
        Assert.Equal(1, runner.Reruns);
        Assert.Equal(3, handler.Runs);
    }

    [Theory]
    [InlineData("could you please tell me what is happening with my request", null, TurnRunner.NotStoredAnswerEnglish)]
    [InlineData("12345", "en-US", TurnRunner.NotStoredAnswerEnglish)]
    [InlineData("tolong beritahu saya apa yang terjadi dengan permohonan saya", "en-US", TurnRunner.NotStoredAnswer)]
    [InlineData("12345", null, TurnRunner.NotStoredAnswer)]
    public async Task MessageThatCannotBeStored_IsAnsweredInTheTurnsLanguage(string text, string? locale, string expected)
    {
        var (runner, ledger, connector, _) = Build();
        ledger.FailCommits = true;
        var message = Message("act-1", text);
        message.Locale = locale;

        await runner.RunAsync(message);

        // What the handler said is dropped (it was not stored); only the retry request goes out.
        Assert.Equal([expected], connector.Sent);
    }

    [Theory]
    [InlineData("""{"lang":"en"}""", TurnRunner.NotStoredAnswerEnglish)]
    [InlineData("""{"lang":"id"}""", TurnRunner.NotStoredAnswer)]
    [InlineData("{}", TurnRunner.NotStoredAnswer)]
    public async Task ClickThatCannotBeStored_IsAnsweredInTheCardsLanguage(string data, string expected)
    {
        var (runner, ledger, _, _) = Build();
        ledger.FailCommits = true;

        var answer = await runner.RunAsync(Click("click-1", data));

        Assert.Equal(expected, answer?.Value?.ToString());
    }

    private static Activity Message(string id, string text) => new()
    {
        Type = ActivityTypes.Message, Id = id, Text = text, ServiceUrl = "https://smba.example/",
        Conversation = new ConversationAccount { Id = "conv-1" }, From = new ChannelAccount { Id = "29:user" },
    };

    private static Activity Click(string id, string data = "{}") => new()
    {
        Type = ActivityTypes.Invoke, Name = InvokeNames.AdaptiveCardAction, Id = id, ServiceUrl = "https://smba.example/",
        Conversation = new ConversationAccount { Id = "conv-1" },
        Value = System.Text.Json.JsonDocument.Parse("""{"action":{"type":"Action.Execute","verb":"test.count","data":""" + data + "}}").RootElement,
    };

    private static (TurnRunner Runner, FailingLedger Ledger, RecordingConnector Connector, Shared Handler) Build()
    {
        var ledger = new FailingLedger();
        var connector = new RecordingConnector();
        var handler = new Shared();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ITurnLedger>(ledger);
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<TurnUnit>();
        services.AddScoped<IDialogStateRepository, TurnDialogStateRepository>();
        services.AddScoped<ActivityRouter>();
        services.AddSingleton(handler);
        services.AddScoped<AppendHandler>();
        services.AddScoped<IMessageHandler>(sp => sp.GetRequiredService<AppendHandler>());
        services.AddScoped<ICardActionHandler>(sp => sp.GetRequiredService<AppendHandler>());
        var provider = services.BuildServiceProvider();
        var runner = new TurnRunner(provider.GetRequiredService<IServiceScopeFactory>(), connector, ledger, TimeProvider.System, NullLogger<TurnRunner>.Instance);
        return (runner, ledger, connector, handler);
    }

    /// <summary>The in-memory ledger, whose commits fail (storage down) while <see cref="FailCommits"/> is set.</summary>
    private sealed class FailingLedger : ITurnLedger
    {
        private readonly InMemoryTurnLedger inner = new();

        public bool FailCommits { get; set; }

        public Task<ConversationTurnState> ReadAsync(string conversationId, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(conversationId, cancellationToken);

        public Task<HandledTurn?> FindAsync(string conversationId, string activityId, CancellationToken cancellationToken = default) =>
            inner.FindAsync(conversationId, activityId, cancellationToken);

        public Task<TurnCommitResult> CommitAsync(TurnCommit commit, CancellationToken cancellationToken = default) =>
            FailCommits ? throw new InvalidOperationException("storage down") : inner.CommitAsync(commit, cancellationToken);
    }

    /// <summary>What the handler did, across turns.</summary>
    private sealed class Shared
    {
        public int Runs { get; set; }

        public int Clicks { get; set; }

        public Func<Task>? During { get; set; }
    }

    /// <summary>Appends each message's text to the conversation's dialog state and echoes it; a click counts.</summary>
    private sealed class AppendHandler(Shared shared, IDialogStateRepository dialogs) : IMessageHandler, ICardActionHandler
    {
        public int Order => 0;

        public string Verb => "test.count";

        public async Task<bool> TryHandleAsync(ITurnContext turn, MessageInput input, CancellationToken cancellationToken = default)
        {
            shared.Runs++;
            var doc = await dialogs.GetAsync("conv-1", cancellationToken);
            var json = doc is null ? turn.Activity.Text! : doc.Json + "," + turn.Activity.Text;
            await dialogs.SaveAsync((doc ?? new DialogStateDocument("conv-1", string.Empty, DateTimeOffset.UnixEpoch)) with { Json = json }, cancellationToken);
            await turn.SendAsync(new Activity { Type = ActivityTypes.Message, Text = turn.Activity.Text }, cancellationToken);
            if (shared.During is { } during)
            {
                shared.During = null;
                await during();
            }

            return true;
        }

        public Task<InvokeResponse> HandleAsync(ITurnContext turn, CardAction action, CancellationToken cancellationToken = default)
        {
            shared.Runs++;
            return Task.FromResult(InvokeResponse.Message($"clicked {++shared.Clicks}"));
        }
    }

    private sealed class RecordingConnector : IConnectorClient
    {
        public List<string?> Sent { get; } = [];

        public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
        {
            Sent.Add(activity.Text);
            return Task.FromResult(new ResourceResponse { Id = "r" });
        }

        public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
            ReplyToActivityAsync(serviceUrl, conversationId, string.Empty, activity, cancellationToken);

        public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
            ReplyToActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);

        public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<ResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
