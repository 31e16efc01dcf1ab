using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Dates;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Teams.Conversation;
using BpomBot.Teams.Hosting;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;
using BpomBot.Teams.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Teams.Tests.Conversation;

/// <summary>
/// The conversation as the router runs it, over in-memory ports. The stores live in <see cref="Stores"/> so a new
/// harness over the same stores is "the bot restarted".
/// </summary>
public sealed class ConversationHarness : IDisposable
{
    public const string ServiceUrl = "https://smba.trafficmanager.net/amer/";
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero); // Monday 09:00 WIB

    private readonly ServiceProvider _provider;
    private int _sequence;

    /// <param name="stores">The stores of an earlier harness ("the bot restarted"), or new ones.</param>
    /// <param name="configure">Extra registrations, e.g. another disposisi requester.</param>
    /// <param name="enforceExecutors">
    /// Registers <see cref="Domain.Roster.ExecutorDirectory"/> as the host does, so the SOP's Pelaksana column is enforced
    /// for people on the roster (by their unit and role ids).
    /// </param>
    public ConversationHarness(Stores? stores = null, Action<IServiceCollection>? configure = null, bool enforceExecutors = false)
    {
        Stores = stores ?? new Stores();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Stores.Time);
        var units = UnitCatalog.LoadEmbedded();
        var calendar = new WorkingDayCalendar(HolidaySet.LoadEmbedded());
        services.AddSingleton(units);
        services.AddSingleton<IWorkingDayCalendar>(calendar);
        services.AddSingleton<ISopCatalog>(SopCatalog.LoadEmbedded());
        services.AddSingleton<OfficeClock>();
        services.AddSingleton(new DateRecognizer(calendar));
        services.AddSingleton<KegiatanEngine>();
        services.AddSingleton<IKegiatanRepository>(Stores.Kegiatan);
        services.AddSingleton<IDialogStateRepository>(Stores.Dialogs);
        services.AddSingleton<IRosterRepository>(Stores.Roster);
        services.AddSingleton<IAuditLog>(Stores.Audit);
        services.AddSingleton<IEvidenceStore>(Stores.Evidence);
        services.AddSingleton<IDisposisiRequester>(Stores.Disposisi);
        services.AddScoped<ActivityRouter>();
        services.AddMessageHandler<HelpMessageHandler>();
        if (enforceExecutors) services.AddSingleton<Domain.Roster.ExecutorDirectory>();
        services.AddBpomConversation();
        services.AddHttpClient(EvidenceIntake.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => Stores.Files);
        configure?.Invoke(services);
        _provider = services.BuildServiceProvider();
    }

    public Stores Stores { get; }

    public string User { get; set; } = "aad-officer-1";

    public string ConversationId { get; set; } = "a:personal-1";

    /// <summary>Puts the user on the roster (BBPOM di Medan, petugas) so "mulai" needs no unit questions.</summary>
    public async Task<ConversationHarness> RegisteredAsync(string unitId = "bbpom-medan")
    {
        await Stores.Roster.SavePersonAsync(new PersonRecord(User, "29:" + User, "Petugas Satu", "p1@pom.go.id", unitId, ["petugas"]));
        return this;
    }

    public Activity Message(string text, string? id = null, IList<Attachment>? attachments = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = id ?? $"act-{Interlocked.Increment(ref _sequence)}-{Guid.NewGuid():N}",
        ServiceUrl = ServiceUrl,
        ChannelId = "msteams",
        From = new ChannelAccount { Id = "29:" + User, AadObjectId = User, Name = "Petugas Satu" },
        Recipient = new ChannelAccount { Id = "28:bot", Name = "BpomBot" },
        Conversation = new ConversationAccount { Id = ConversationId, ConversationType = "personal", TenantId = "tenant" },
        Text = text,
        Attachments = attachments,
    };

    public Task<RecordingTurn> SayAsync(string text) => SendAsync(Message(text));

    public async Task<RecordingTurn> SendAsync(Activity activity)
    {
        var turn = new RecordingTurn(activity);
        using var scope = _provider.CreateScope();
        await scope.ServiceProvider.GetRequiredService<ActivityRouter>().RouteAsync(turn);
        return turn;
    }

    /// <summary>Presses a step card button (Action.Execute) with the given kegiatan id and version.</summary>
    public Task<RecordingTurn> ClickAsync(string verb, string kegiatanId, string? version)
    {
        var activity = Message(string.Empty);
        activity.Type = ActivityTypes.Invoke;
        activity.Name = InvokeNames.AdaptiveCardAction;
        activity.Text = null;
        activity.Value = JsonSerializer.SerializeToElement(new
        {
            action = new { type = "Action.Execute", verb, data = new { k = kegiatanId, v = version } },
            trigger = "manual",
        });
        return SendAsync(activity);
    }

    /// <summary>Says each line in turn; returns the last turn.</summary>
    public async Task<RecordingTurn> SayAllAsync(params string[] lines)
    {
        RecordingTurn? last = null;
        foreach (var line in lines)
        {
            last = await SayAsync(line);
        }

        return last!;
    }

    /// <summary>Registered user, sub-process A kegiatan started: "mulai", "A", title, Pemda, FGD.</summary>
    public async Task<Kegiatan> StartKegiatanAsync(string title = "FGD keamanan pangan Pemda Medan", string sub = "A")
    {
        await SayAllAsync("mulai", sub, title, "pemda", "1");
        return (await Stores.Kegiatan.ListByOfficerAsync(User)).Single(k => k.Title == title);
    }

    public async Task<Kegiatan> CurrentAsync() => (await Stores.Kegiatan.ListByOfficerAsync(User))[^1];

    public void Dispose() => _provider.Dispose();
}

/// <summary>Everything that outlives a bot process.</summary>
public sealed class Stores
{
    public FakeTimeProvider Time { get; } = new(ConversationHarness.Start) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(10) };
    public InMemoryKegiatanRepository Kegiatan { get; } = new();
    public MemoryDialogs Dialogs { get; } = new();
    public MemoryRoster Roster { get; } = new();
    public MemoryAudit Audit { get; } = new();
    public MemoryEvidence Evidence { get; } = new();
    public RecordingDisposisi Disposisi { get; } = new();
    public FileServer Files { get; } = new();
}

public static class TurnText
{
    public static string Texts(this RecordingTurn turn) => string.Join("\n", turn.Sent.Select(a => a.Text).OfType<string>());

    public static JsonObject? Card(this RecordingTurn turn) =>
        turn.Sent.SelectMany(a => a.Attachments ?? []).Select(a => a.Content).OfType<JsonObject>().LastOrDefault();

    public static string CardText(this RecordingTurn turn) => turn.Card()?.ToJsonString() ?? string.Empty;
}

public sealed class MemoryDialogs : IDialogStateRepository
{
    private readonly ConcurrentDictionary<string, DialogStateDocument> _rows = new();
    private int _version;

    public int Saves { get; private set; }

    /// <summary>Makes the next save fail, as if the bot stopped between storing the kegiatan and the dialog state.</summary>
    public bool FailNextSave { get; set; }

    public async Task<DialogStateDocument?> GetAsync(string conversationId, CancellationToken cancellationToken = default)
    {
        var row = _rows.GetValueOrDefault(conversationId);
        await Task.Delay(1, cancellationToken); // like storage, a read takes time, so concurrent turns can interleave
        return row;
    }

    public Task<DialogStateDocument> SaveAsync(DialogStateDocument document, CancellationToken cancellationToken = default)
    {
        lock (_rows)
        {
            if (FailNextSave)
            {
                FailNextSave = false;
                throw new StorageUnavailableException("simulated outage");
            }

            var current = _rows.GetValueOrDefault(document.ConversationId);
            if (current?.Version != document.Version)
            {
                throw new ConcurrencyConflictException("dialog state changed");
            }

            var saved = document with { Version = (++_version).ToString(CultureInfo.InvariantCulture) };
            _rows[document.ConversationId] = saved;
            Saves++;
            return Task.FromResult(saved);
        }
    }

    public Task DeleteAsync(string conversationId, string? version, CancellationToken cancellationToken = default)
    {
        _rows.TryRemove(conversationId, out _);
        return Task.CompletedTask;
    }
}

public sealed class MemoryRoster : IRosterRepository
{
    private readonly ConcurrentDictionary<string, PersonRecord> _people = new();

    public Task<UnitRecord?> GetUnitAsync(string unitId, CancellationToken cancellationToken = default) => Task.FromResult<UnitRecord?>(null);

    public Task<IReadOnlyList<UnitRecord>> ListUnitsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<UnitRecord>>([]);

    public Task<UnitRecord> SaveUnitAsync(UnitRecord unit, CancellationToken cancellationToken = default) => Task.FromResult(unit);

    public Task<PersonRecord?> GetPersonAsync(string aadObjectId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_people.GetValueOrDefault(aadObjectId));

    public Task<IReadOnlyList<PersonRecord>> ListPeopleByUnitAsync(string unitId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PersonRecord>>([.. _people.Values.Where(p => p.UnitId == unitId)]);

    public Task<PersonRecord> SavePersonAsync(PersonRecord person, CancellationToken cancellationToken = default)
    {
        var saved = person with { Version = Guid.NewGuid().ToString("N") };
        _people[person.AadObjectId] = saved;
        return Task.FromResult(saved);
    }
}

public sealed class MemoryAudit : IAuditLog
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
        Task.FromResult<IReadOnlyList<AuditEvent>>([]);
}

public sealed class MemoryEvidence : IEvidenceStore
{
    public ConcurrentDictionary<string, (EvidenceFile File, byte[] Bytes)> Files { get; } = new();

    public async Task<EvidenceFile> UploadAsync(string name, Stream content, string contentType, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, cancellationToken);
        var bytes = buffer.ToArray();
        var file = new EvidenceFile(name, contentType, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        if (!Files.TryAdd(name, (file, bytes)))
        {
            throw new InvalidOperationException("name taken");
        }

        return file;
    }

    public Task<(EvidenceFile File, Stream Content)?> OpenReadAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult<(EvidenceFile, Stream)?>(Files.TryGetValue(name, out var f) ? (f.File, new MemoryStream(f.Bytes)) : null);
}

public sealed class RecordingDisposisi : IDisposisiRequester
{
    public ConcurrentQueue<DisposisiRequest> Requests { get; } = new();

    /// <summary>What <see cref="ProgressAsync"/> answers (null: cannot tell).</summary>
    public DisposisiProgress? Progress { get; set; }

    public Task RequestAsync(DisposisiRequest request, CancellationToken cancellationToken = default)
    {
        Requests.Enqueue(request);
        return Task.CompletedTask;
    }

    public Task<DisposisiProgress?> ProgressAsync(DisposisiRequest request, CancellationToken cancellationToken = default) => Task.FromResult(Progress);
}

/// <summary>Answers file downloads from a dictionary of URL → bytes (404 otherwise) and records what was fetched.</summary>
public sealed class FileServer : HttpMessageHandler
{
    public ConcurrentDictionary<string, byte[]> Content { get; } = new();
    public ConcurrentQueue<Uri> Fetched { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Fetched.Enqueue(request.RequestUri!);
        return Task.FromResult(Content.TryGetValue(request.RequestUri!.ToString(), out var bytes)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(bytes) }
            : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
