using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Disposisi;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Disposisi;
using BpomBot.Teams.Hosting;
using BpomBot.Teams.Proactive;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;
using BpomBot.Teams.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Teams.Tests.Disposisi;

/// <summary>
/// A small BPOM for disposisi turn tests: the shipped SOP, units and HK calendar; a roster at BBPOM di Bandung; in-memory
/// stores; a recording connector; and the real service, handlers and router. Monday 2 March 2026, 09:00 WIB.
/// </summary>
internal sealed class DisposisiWorld
{
    public const string SopCode = "POM-04.01/CFM.01/SOP.01";
    public const string ServiceUrl = "https://smba.example/teams/";
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);

    public static readonly PersonRecord Officer = new("00000000-0000-0000-0000-00000000000a", "29:officer", "Sari Petugas", "sari@pom.go.id", "bbpom-bandung", [RosterRoles.Pelaksana]);
    public static readonly PersonRecord Kepala = new("00000000-0000-0000-0000-00000000000b", "29:kepala", "Budi Kepala", "budi@pom.go.id", "bbpom-bandung", [RosterRoles.KepalaUpt]);
    public static readonly PersonRecord Katim = new("00000000-0000-0000-0000-00000000000c", "29:katim", "Citra Katim", "citra@pom.go.id", "bbpom-bandung", [RosterRoles.KetuaTim]);
    public static readonly PersonRecord Stranger = new("00000000-0000-0000-0000-00000000000d", "29:stranger", "Dodi Lain", "dodi@pom.go.id", "bbpom-medan", [RosterRoles.KepalaUpt]);
    public static readonly PersonRecord Admin = new("00000000-0000-0000-0000-00000000000e", "29:admin", "Eka Admin", "eka@pom.go.id", "bbpom-bandung", [RosterRoles.Admin]);

    public DisposisiWorld()
    {
        Time = new FakeTimeProvider(Start);
        var units = UnitCatalog.LoadEmbedded();
        Calendar = new WorkingDayCalendar(HolidaySet.LoadEmbedded());
        Engine = new KegiatanEngine(SopCatalog.LoadEmbedded(), Calendar);
        Directory = new LeaderDirectory(units, Roster);
        Delivery = new TeamsDisposisiDelivery(Connector, References, new ServiceUrlTrust(Options.Create(new BotOptions())), NullLogger<TeamsDisposisiDelivery>.Instance);
        Service = new DisposisiService(Disposisi, Kegiatan, Engine, Directory, Delegations, Calendar, new OfficeClock(Time, units), Time, Audit, Delivery, []);
        Importer = new RosterImporter(Roster, units, Audit, Time);
        Router = new ActivityRouter(
            [new ConversationReferenceCapture(References, Known, Time), new DisposisiInboxHandler(Service),
             new RosterChatHandler(Importer, Directory, Service, Files), new Teams.Roster.RoleChatHandler(Roster, units, Audit, Time), new HelpMessageHandler()],
            [new DisposisiLihatHandler(Service, Directory), new DisposisiBukaHandler(Service, Directory), new DisposisiSetujuiHandler(Service),
             new DisposisiKembalikanHandler(Service), new DisposisiTeruskanHandler(Service), new DisposisiTanggapiHandler(Service)],
            [],
            NullLogger<ActivityRouter>.Instance,
            Known);
        foreach (var p in new[] { Officer, Kepala, Katim, Stranger, Admin })
        {
            Roster.SavePersonAsync(p).GetAwaiter().GetResult();
            References.Add(p);
        }
    }

    public FakeTimeProvider Time { get; }

    /// <summary>What the reference capture learned this "process" (the language of each person's clear messages).</summary>
    public KnownConversations Known { get; } = new();
    public IWorkingDayCalendar Calendar { get; }
    public KegiatanEngine Engine { get; }
    public InMemoryRosterRepository Roster { get; } = new();
    public FlakyKegiatanRepository Kegiatan { get; } = new();
    public InMemoryDisposisiRepository Disposisi { get; } = new();
    public InMemoryDelegationRepository Delegations { get; } = new();
    public ListAuditLog Audit { get; } = new();
    public RecordingConnector Connector { get; } = new();
    public FileServer Files { get; } = new();
    public MemoryReferences References { get; } = new();
    public LeaderDirectory Directory { get; }
    public TeamsDisposisiDelivery Delivery { get; }
    public DisposisiService Service { get; }
    public RosterImporter Importer { get; }
    public ActivityRouter Router { get; }

    /// <summary>An A kegiatan of the officer walked to A.4 (report to leader) and submitted; returns it and the disposisi sent.</summary>
    public async Task<(Kegiatan Kegiatan, Domain.Disposisi.Disposisi Disposisi)> SubmitReportAsync(string id = "k-1")
    {
        var (k, d, _) = await SubmitReportAsync(Officer, id);
        return (k, d);
    }

    /// <summary>As <see cref="SubmitReportAsync(string)"/> for <paramref name="officer"/>; also returns what the officer is told.</summary>
    public async Task<(Kegiatan Kegiatan, Domain.Disposisi.Disposisi Disposisi, string Message)> SubmitReportAsync(PersonRecord officer, string id = "k-1")
    {
        ArgumentNullException.ThrowIfNull(officer);
        var actor = new Actor(officer.AadObjectId);
        var on = DateOnly.FromDateTime(Start.UtcDateTime);
        var k = Ok(Engine.Start(new StartKegiatan(id, SopCode, "A", WorkflowKind.PerKegiatan, "FGD Pemda Kota Bandung", "pemerintah-daerah", "fgd",
            officer.UnitId, officer.AadObjectId, 2026), actor, Start));
        while (Engine.CurrentStepDefinition(k) is { } step)
        {
            foreach (var item in Engine.MissingKelengkapan(k))
                k = Ok(Engine.RecordKelengkapan(k, item.Id, item.Alternatives[0], $"https://files.example/{step.Id}/{item.Id}.pdf", on, actor, Start));
            if (k.CurrentStep!.Status == StepStatus.MenungguDisposisi) break;
            if (step.IsNotApplicableWaktu && k.CurrentStep.PlannedOn is null) k = Ok(Engine.SetPlannedDate(k, on, actor, Start));
            k = step.Disposisi is not null
                ? Ok(Engine.SubmitToLeader(k, $"https://files.example/{step.Id}/laporan.pdf", on, actor, Start))
                : Ok(Engine.CompleteStep(k, $"out-{step.Id}", on, actor, Start));
        }

        await Kegiatan.CreateAsync(k);
        var step4 = k.CurrentStep!;
        var (d, message) = await Service.SendAsync(new DisposisiRequest(k.Id, step4.StepId, officer.AadObjectId, officer.UnitId,
            DisposisiKinds.ReportToLeader, step4.DueOn, $"{k.Title}: langkah {step4.StepId}, output {step4.OutputReference}")); // as the officer's side words it
        Assert.True(d is not null, message.Indonesian);
        return (k, (await Disposisi.GetAsync(d.Id))!, message.Indonesian);
    }

    public async Task<RecordingTurn> ClickAsync(PersonRecord who, string verb, string disposisiId, object? inputs = null, string trigger = "manual", string? replyToId = null)
    {
        var data = JsonSerializer.SerializeToNode(inputs ?? new { })!.AsObject();
        data["disposisiId"] = disposisiId;
        var activity = new Activity
        {
            Type = ActivityTypes.Invoke,
            Name = InvokeNames.AdaptiveCardAction,
            Id = Guid.NewGuid().ToString("N"),
            ServiceUrl = ServiceUrl,
            ChannelId = "msteams",
            From = new ChannelAccount { Id = who.TeamsId, AadObjectId = who.AadObjectId, Name = who.Name },
            Recipient = new ChannelAccount { Id = "28:bot", Name = "BpomBot" },
            Conversation = new ConversationAccount { Id = MemoryReferences.ConversationOfId(who.AadObjectId), ConversationType = "personal" },
            ReplyToId = replyToId,
            Value = JsonSerializer.SerializeToElement(new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data },
                ["trigger"] = trigger,
            }),
        };
        var turn = new RecordingTurn(activity);
        await Router.RouteAsync(turn);
        return turn;
    }

    public async Task<RecordingTurn> SayAsync(PersonRecord who, string text, params Attachment[] attachments)
    {
        var turn = new RecordingTurn(new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            ServiceUrl = ServiceUrl,
            ChannelId = "msteams",
            From = new ChannelAccount { Id = who.TeamsId, AadObjectId = who.AadObjectId, Name = who.Name },
            Recipient = new ChannelAccount { Id = "28:bot", Name = "BpomBot" },
            Conversation = new ConversationAccount { Id = MemoryReferences.ConversationOfId(who.AadObjectId), ConversationType = "personal" },
            Text = text,
            Attachments = attachments.Length > 0 ? attachments : null,
        });
        await Router.RouteAsync(turn);
        return turn;
    }

    public static JsonObject Card(RecordingTurn turn)
    {
        Assert.NotNull(turn.InvokeResponse);
        Assert.Equal(InvokeResponse.CardType, turn.InvokeResponse.Type);
        return Assert.IsType<JsonObject>(turn.InvokeResponse.Value);
    }

    public static string Text(JsonNode card) => card.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public static bool HasAction(JsonNode card, string verb) => Text(card).Contains($"\"verb\":\"{verb}\"", StringComparison.Ordinal)
        && Text(card).Contains("\"type\":\"ActionSet\"", StringComparison.Ordinal);

    private static Kegiatan Ok(KegiatanResult result)
    {
        Assert.True(result.Succeeded, result.Refusal?.Reason);
        return result.Kegiatan!;
    }
}

internal sealed class ListAuditLog : IAuditLog
{
    public ConcurrentQueue<AuditEvent> Events { get; } = new();

    public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        Events.Enqueue(auditEvent);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEvent>> ListBySubjectAsync(string subject, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditEvent>>([.. Events.Where(e => e.Subject == subject).Reverse().Take(max)]);

    public Task<IReadOnlyList<AuditEvent>> ListByDayAsync(DateOnly utcDay, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<AuditEvent>>([.. Events.Where(e => DateOnly.FromDateTime(e.At.UtcDateTime) == utcDay).Reverse().Take(max)]);
}

/// <summary>Conversation references of the test people: each has a personal chat "conv-{object id}".</summary>
internal sealed class MemoryReferences : IConversationReferenceRepository
{
    private readonly ConcurrentDictionary<string, ConversationReferenceRecord> _byUser = new(StringComparer.OrdinalIgnoreCase);

    public static string ConversationOfId(string aadObjectId) => $"a:conv-{aadObjectId}";

    public void Add(PersonRecord person) =>
        _byUser[person.AadObjectId] = new ConversationReferenceRecord(ConversationOfId(person.AadObjectId), person.AadObjectId, "tenant", DisposisiWorld.ServiceUrl, "{}", DisposisiWorld.Start, "1");

    public void Remove(string aadObjectId) => _byUser.TryRemove(aadObjectId, out _);

    public Task<ConversationReferenceRecord?> GetByUserAsync(string userAadObjectId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_byUser.GetValueOrDefault(userAadObjectId));

    public Task<ConversationReferenceRecord> SaveAsync(ConversationReferenceRecord record, CancellationToken cancellationToken = default) =>
        Task.FromResult(_byUser[record.UserAadObjectId] = record);
}

/// <summary>Records outgoing connector calls; sends answer with sequential activity ids.</summary>
internal sealed class RecordingConnector : IConnectorClient
{
    private int _next;

    public ConcurrentQueue<(string Conversation, Activity Activity)> Sent { get; } = new();

    public ConcurrentQueue<(string Conversation, string ActivityId, Activity Activity)> Updated { get; } = new();

    public List<Activity> SentTo(string aadObjectId) => [.. Sent.Where(s => s.Conversation == MemoryReferences.ConversationOfId(aadObjectId)).Select(s => s.Activity)];

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        Sent.Enqueue((conversationId, activity));
        return Task.FromResult(new ResourceResponse { Id = $"msg-{Interlocked.Increment(ref _next)}" });
    }

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        Updated.Enqueue((conversationId, activityId, activity));
        return Task.FromResult(new ResourceResponse { Id = activityId });
    }

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default) => Task.CompletedTask;

    public Task<ResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        Task.FromResult(new ResourceResponse { Id = "a:new" });
}

/// <summary>Serves files by URL from memory (an IHttpClientFactory whose clients never leave the process).</summary>
internal sealed class FileServer : IHttpClientFactory
{
    public Dictionary<string, string> Files { get; } = new(StringComparer.Ordinal);

    public List<Uri> Requested { get; } = [];

    public HttpClient CreateClient(string name) => new(new Handler(this));

    private sealed class Handler(FileServer server) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            server.Requested.Add(request.RequestUri!);
            return Task.FromResult(server.Files.TryGetValue(request.RequestUri!.ToString(), out var text)
                ? new HttpResponseMessage(System.Net.HttpStatusCode.OK) { Content = new StringContent(text) }
                : new HttpResponseMessage(System.Net.HttpStatusCode.NotFound));
        }
    }
}

/// <summary>The in-memory kegiatan store, able to fail the next update as if storage were down.</summary>
internal sealed class FlakyKegiatanRepository : IKegiatanRepository
{
    private readonly InMemoryKegiatanRepository _inner = new();

    public bool FailNextUpdate { get; set; }

    public Task<Kegiatan?> GetAsync(string id, CancellationToken cancellationToken = default) => _inner.GetAsync(id, cancellationToken);

    public Task<string> CreateAsync(Kegiatan kegiatan, CancellationToken cancellationToken = default) => _inner.CreateAsync(kegiatan, cancellationToken);

    public Task<string> UpdateAsync(Kegiatan kegiatan, string expectedVersion, CancellationToken cancellationToken = default)
    {
        if (!FailNextUpdate) return _inner.UpdateAsync(kegiatan, expectedVersion, cancellationToken);
        FailNextUpdate = false;
        throw new StorageUnavailableException("penyimpanan tidak dapat dihubungi (uji)");
    }

    public Task<IReadOnlyList<Kegiatan>> ListByOfficerAsync(string officerId, CancellationToken cancellationToken = default) => _inner.ListByOfficerAsync(officerId, cancellationToken);

    public Task<IReadOnlyList<Kegiatan>> ListByUnitYearAsync(string unitId, int year, CancellationToken cancellationToken = default) => _inner.ListByUnitYearAsync(unitId, year, cancellationToken);
}
