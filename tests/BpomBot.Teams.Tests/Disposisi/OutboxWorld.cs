using BpomBot.Domain.Application;
using BpomBot.Domain.Disposisi;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Outbox;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Disposisi;
using BpomBot.Teams.Hosting;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;
using BpomBot.Teams.Tests.Support;
using BpomBot.Domain.Abstractions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace BpomBot.Teams.Tests.Disposisi;

/// <summary>
/// <see cref="DisposisiWorld"/> with the officer's side: the real <see cref="OfficerWorkflow"/>, the disposisi service
/// wired with conversation references and the roster (reachability, the admin's notice), a connector that can be
/// switched off, the outbox relay and the <c>kirim ulang</c> handler behind the router.
/// </summary>
internal sealed class OutboxWorld
{
    public OutboxWorld()
    {
        Connector = new SwitchableConnector(W.Connector);
        var clock = new OfficeClock(W.Time, UnitCatalog.LoadEmbedded());
        var delivery = new TeamsDisposisiDelivery(Connector, W.References, new ServiceUrlTrust(Options.Create(new BotOptions())), NullLogger<TeamsDisposisiDelivery>.Instance);
        Service = new DisposisiService(W.Disposisi, W.Kegiatan, W.Engine, W.Directory, W.Delegations, W.Calendar, clock, W.Time, W.Audit, delivery, [], W.References, W.Roster);
        Relay = new OutboxRelay(W.Kegiatan, W.Audit, [Service], W.Engine, W.Time);
        Workflow = new OfficerWorkflow(W.Engine, W.Kegiatan, W.Audit, [Service], clock, W.Time, SopCatalog.LoadEmbedded(), W.Calendar, relay: Relay);
        Router = new ActivityRouter([new KirimUlangHandler(Workflow, Service, W.Directory)], [], [], NullLogger<ActivityRouter>.Instance);
    }

    public DisposisiWorld W { get; } = new();
    public SwitchableConnector Connector { get; }
    public DisposisiService Service { get; }
    public OutboxRelay Relay { get; }
    public OfficerWorkflow Workflow { get; }
    public ActivityRouter Router { get; }

    public static PersonRecord Officer => DisposisiWorld.Officer;

    /// <summary>An A kegiatan of the officer at A.4 (report to leader) with its kelengkapan, stored, not submitted yet.</summary>
    public async Task<Kegiatan> ReadyToSubmitAsync(string id = "k-1")
    {
        var actor = new Actor(Officer.AadObjectId);
        var start = DisposisiWorld.Start;
        var on = DateOnly.FromDateTime(start.UtcDateTime);
        var k = Ok(W.Engine.Start(new StartKegiatan(id, DisposisiWorld.SopCode, "A", WorkflowKind.PerKegiatan, "FGD Pemda Kota Bandung", "pemerintah-daerah", "fgd",
            Officer.UnitId, Officer.AadObjectId, 2026), actor, start));
        while (W.Engine.CurrentStepDefinition(k) is { } step)
        {
            foreach (var item in W.Engine.MissingKelengkapan(k))
                k = Ok(W.Engine.RecordKelengkapan(k, item.Id, item.Alternatives[0], $"https://files.example/{step.Id}/{item.Id}.pdf", on, actor, start));
            if (step.Disposisi is not null) break;
            if (step.IsNotApplicableWaktu && k.CurrentStep!.PlannedOn is null) k = Ok(W.Engine.SetPlannedDate(k, on, actor, start));
            k = Ok(W.Engine.CompleteStep(k, $"out-{step.Id}", on, actor, start));
        }

        await W.Kegiatan.CreateAsync(k);
        return (await W.Kegiatan.GetAsync(k.Id))!;
    }

    /// <summary>The officer types "selesai" with the report: the step goes to menunggu disposisi.</summary>
    public Task<WorkflowOutcome> SubmitAsync(Kegiatan k, OfficerWorkflow? workflow = null) =>
        (workflow ?? Workflow).CompleteAsync(new KegiatanTarget(k.Id, Officer.AadObjectId), "https://files.example/A.4/laporan.pdf");

    public async Task<RecordingTurn> SayAsync(string text, string? id = null)
    {
        var who = Officer;
        var turn = new RecordingTurn(new Activity
        {
            Type = ActivityTypes.Message,
            Id = id ?? Guid.NewGuid().ToString("N"),
            ServiceUrl = DisposisiWorld.ServiceUrl,
            ChannelId = "msteams",
            From = new ChannelAccount { Id = who.TeamsId, AadObjectId = who.AadObjectId, Name = who.Name },
            Recipient = new ChannelAccount { Id = "28:bot", Name = "BpomBot" },
            Conversation = new ConversationAccount { Id = MemoryReferences.ConversationOfId(who.AadObjectId), ConversationType = "personal" },
            Text = text,
        });
        await Router.RouteAsync(turn);
        return turn;
    }

    /// <summary>Cards (messages with attachments) the person received.</summary>
    public int CardsTo(PersonRecord person) => W.Connector.SentTo(person.AadObjectId).Count(a => a.Attachments is { Count: > 0 });

    /// <summary>Plain messages the person received.</summary>
    public List<string> NoticesTo(PersonRecord person) =>
        [.. W.Connector.SentTo(person.AadObjectId).Where(a => a.Attachments is not { Count: > 0 }).Select(a => a.Text ?? string.Empty)];

    private static Kegiatan Ok(KegiatanResult result)
    {
        Assert.True(result.Succeeded, result.Refusal?.Reason);
        return result.Kegiatan!;
    }
}

/// <summary>A connector that passes calls on, or fails them: with the connector's error, or with a network error.</summary>
internal sealed class SwitchableConnector(IConnectorClient inner) : IConnectorClient
{
    /// <summary>Null: calls go through; otherwise this is thrown.</summary>
    public Func<Exception>? Failure { get; set; }

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        Failure is { } f ? throw f() : inner.ReplyToActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        Failure is { } f ? throw f() : inner.SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        Failure is { } f ? throw f() : inner.UpdateActivityAsync(serviceUrl, conversationId, activityId, activity, cancellationToken);

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        inner.DeleteActivityAsync(serviceUrl, conversationId, activityId, cancellationToken);

    public Task<ResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        inner.CreateConversationAsync(serviceUrl, parameters, cancellationToken);
}
