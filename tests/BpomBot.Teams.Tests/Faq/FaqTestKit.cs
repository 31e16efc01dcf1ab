using System.Collections.Concurrent;
using System.Text.Json;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Faq;
using BpomBot.Domain.Faq.Candidates;
using BpomBot.Domain.Faq.Tickets;
using BpomBot.Domain.Organization;
using BpomBot.Teams.Connector;
using BpomBot.Teams.Faq;
using BpomBot.Teams.Hosting;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;
using BpomBot.Teams.Tests.Conversation;
using BpomBot.Teams.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Teams.Tests.Faq;

/// <summary>The FAQ chat wired by hand around a small knowledge base and in-memory fakes.</summary>
public sealed class FaqTestKit
{
    public const string ContactCentre = "19:halobpom@thread.tacv2";
    public const string ContactCentreServiceUrl = "https://smba.trafficmanager.net/id/";

    public static readonly FaqKnowledgeBase KnowledgeBase = FaqKnowledgeBase.Create(
    [
        Entry("cek-produk", "Cara cek produk terdaftar", "How to check a registered product",
            ["bagaimana cara cek produk terdaftar di bpom", "cara memeriksa izin edar produk"], ["how do i check if a product is registered"],
            ["cek", "izin edar", "cekbpom"], "Gunakan situs cekbpom.pom.go.id atau aplikasi BPOM Mobile.", "Use cekbpom.pom.go.id or the BPOM Mobile app.",
            ["https://cekbpom.pom.go.id"]),
        Entry("notifikasi-kosmetik", "Notifikasi kosmetik", "Cosmetic notification",
            ["bagaimana cara mendaftarkan kosmetik", "syarat notifikasi kosmetik"], ["how do i register a cosmetic"],
            ["kosmetik", "notifikasi"], "Kosmetik dinotifikasi melalui notifkos.pom.go.id.", "Cosmetics are notified through notifkos.pom.go.id.", []),
        Entry("spp-irt", "SPP-IRT untuk pangan rumahan", "SPP-IRT for home-industry food",
            ["bagaimana cara mengurus pirt", "izin pangan industri rumah tangga"], ["how do i get a pirt licence"],
            ["pirt", "spp-irt", "rumah tangga"], "SPP-IRT diurus melalui OSS dan pemerintah kabupaten/kota.", "SPP-IRT is issued via OSS by the regency or city.", []),
    ]);

    /// <summary>A kit over fresh fakes; pass <paramref name="candidates"/> from an earlier kit to act as the same bot after a restart.</summary>
    public FaqTestKit(FaqRetrieverOptions? retrieverOptions = null, bool handOffConfigured = true, bool localMode = true, InMemoryFaqCandidateRepository? candidates = null)
    {
        Retriever = new FaqRetriever(KnowledgeBase, options: retrieverOptions);
        Candidates = candidates ?? new InMemoryFaqCandidateRepository();
        Index = new FaqVariantIndex(Retriever, Candidates, Time);
        CandidateDesk = new FaqCandidateDesk(Candidates, Index, Audit, Time);
        ChatOptions = handOffConfigured
            ? new FaqChatOptions { ContactCentreConversationId = ContactCentre, ContactCentreServiceUrl = ContactCentreServiceUrl }
            : new FaqChatOptions();
        BotOptions = localMode ? new BotOptions() : new BotOptions { AppId = Guid.NewGuid().ToString(), AppPassword = "x", TenantId = Guid.NewGuid().ToString() };
        Access = new FaqAccess([Roster]);
        HandOff = new FaqHandOff(
            Tickets, Connector, new ServiceUrlTrust(Options.Create(BotOptions)), Options.Create(ChatOptions), Calendar, new OfficeClock(Time, UnitCatalog.LoadEmbedded()), Time,
            [Reminders], NullLogger<FaqHandOff>.Instance);
        Desk = new FaqTicketDesk(Tickets, Time);
    }

    /// <summary>Monday 11 May 2026, 09:00 WIB.</summary>
    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 5, 11, 2, 0, 0, TimeSpan.Zero));

    public IWorkingDayCalendar Calendar { get; } = new WorkingDayCalendar(HolidaySet.LoadEmbedded());

    public FaqRetriever Retriever { get; }

    public InMemoryFaqCandidateRepository Candidates { get; }

    public FaqVariantIndex Index { get; }

    public FaqCandidateDesk CandidateDesk { get; }

    public MemoryAudit Audit { get; } = new();

    public FaqChatOptions ChatOptions { get; }

    public BotOptions BotOptions { get; }

    public InMemoryTickets Tickets { get; } = new();

    public RecordingFeedback Feedback { get; } = new();

    public RecordingConnector Connector { get; } = new();

    public FakeRoster Roster { get; } = new();

    public RecordingReminders Reminders { get; } = new();

    public FaqAccess Access { get; }

    public FaqHandOff HandOff { get; }

    public FaqTicketDesk Desk { get; }

    public FaqMessageHandler MessageHandler() =>
        new(Index, CandidateDesk, HandOff, Access, Feedback, Options.Create(BotOptions), NullLogger<FaqMessageHandler>.Instance);

    public ActivityRouter Router() => new(
        [new HelpMessageHandler(), MessageHandler()],
        [
            new CobaActionHandler(),
            new FaqFeedbackActionHandler(Retriever, Feedback, CandidateDesk, Time, NullLogger<FaqFeedbackActionHandler>.Instance),
            new FaqTopicActionHandler(Retriever, CandidateDesk, NullLogger<FaqTopicActionHandler>.Instance),
            new FaqCandidateAcceptActionHandler(CandidateDesk, Index, Access, Options.Create(BotOptions), NullLogger<FaqCandidateAcceptActionHandler>.Instance),
            new FaqCandidateRejectActionHandler(CandidateDesk, Index, Access, Options.Create(BotOptions), NullLogger<FaqCandidateRejectActionHandler>.Instance),
            new FaqAskOfficerActionHandler(HandOff),
            new FaqTicketTakeActionHandler(Desk, HandOff, Access, Options.Create(ChatOptions), NullLogger<FaqTicketTakeActionHandler>.Instance),
            new FaqTicketAnswerActionHandler(Desk, HandOff, Access, Options.Create(ChatOptions), NullLogger<FaqTicketAnswerActionHandler>.Instance),
            new FaqTicketCloseActionHandler(Desk, HandOff, Access, Options.Create(ChatOptions), NullLogger<FaqTicketCloseActionHandler>.Instance),
        ],
        [new WelcomeHandler()],
        NullLogger<ActivityRouter>.Instance);

    /// <summary>A personal-chat message from the asker (the Playground capture's client locale is en-US).</summary>
    public static RecordingTurn Message(string text, string locale = "en-US") =>
        new(Captures.Activity("playground_message_personal", b =>
        {
            b["text"] = text;
            b["locale"] = locale;
        }));

    /// <summary>An adaptiveCard/action invoke with the given verb and data, from a conversation and a person.</summary>
    public static RecordingTurn Invoke(
        string verb, object data, string conversationId = ContactCentre + ";messageid=1", string userAadId = "aad-officer-a", string userName = "Petugas A", string locale = "en-US") =>
        new(Captures.Activity("playground_invoke_adaptiveCard_action", b =>
        {
            b["locale"] = locale;
            b["value"] = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(new
            {
                action = new { type = "Action.Execute", verb, data },
                trigger = "manual",
            }));
            b["conversation"] = new System.Text.Json.Nodes.JsonObject { ["id"] = conversationId, ["conversationType"] = "channel" };
            b["from"] = new System.Text.Json.Nodes.JsonObject { ["id"] = "29:" + userAadId, ["name"] = userName, ["aadObjectId"] = userAadId };
        }));

    private static FaqEntry Entry(
        string id, string titleId, string titleEn, string[] questionsId, string[] questionsEn, string[] keywords, string answerId, string answerEn, string[] links) =>
        new(id, "test", new FaqText(titleId, titleEn), questionsId, questionsEn, keywords, new FaqText(answerId, answerEn), links, new DateOnly(2026, 1, 1), "test.yaml");
}

/// <summary>Tickets with version strings and conditional writes, like the table adapter.</summary>
public sealed class InMemoryTickets : IFaqTicketRepository
{
    private readonly ConcurrentDictionary<string, FaqTicketRecord> store = new();
    private int version;

    public IReadOnlyCollection<FaqTicketRecord> All => [.. store.Values];

    public Task<FaqTicketRecord?> GetAsync(string ticketId, CancellationToken cancellationToken = default) =>
        Task.FromResult(store.GetValueOrDefault(ticketId));

    public Task<FaqTicketRecord> SaveAsync(FaqTicketRecord ticket, CancellationToken cancellationToken = default)
    {
        lock (store)
        {
            var current = store.GetValueOrDefault(ticket.TicketId);
            if (current?.Version != ticket.Version)
            {
                throw new ConcurrencyConflictException($"ticket {ticket.TicketId} changed");
            }

            var saved = ticket with { Version = $"v{Interlocked.Increment(ref version)}" };
            store[ticket.TicketId] = saved;
            return Task.FromResult(saved);
        }
    }

    public Task<IReadOnlyList<FaqTicketRecord>> ListByStatusAsync(FaqTicketStatus status, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FaqTicketRecord>>([.. store.Values.Where(t => t.Status == status).OrderBy(t => t.CreatedAt)]);
}

public sealed class RecordingFeedback : IFaqFeedbackRepository
{
    public List<FaqFeedbackRecord> Added { get; } = [];

    public Task AddAsync(FaqFeedbackRecord feedback, CancellationToken cancellationToken = default)
    {
        Added.Add(feedback);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<FaqFeedbackRecord>> ListByTopicAsync(string topicId, int max, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FaqFeedbackRecord>>([.. Added.Where(f => f.TopicId == topicId).OrderByDescending(f => f.At).Take(max)]);
}

public sealed class RecordingConnector : IConnectorClient
{
    public List<(string ServiceUrl, string ConversationId, Activity Activity)> Sent { get; } = [];

    /// <summary>When set, sends to this conversation fail like an unreachable connector.</summary>
    public string? FailFor { get; set; }

    public Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        if (conversationId == FailFor)
        {
            throw new ConnectorException("connector unreachable", 502);
        }

        Sent.Add((serviceUrl, conversationId, activity));
        return Task.FromResult(new ResourceResponse { Id = $"proactive-{Sent.Count}" });
    }

    public Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendToConversationAsync(serviceUrl, conversationId, activity, cancellationToken);

    public Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task DeleteActivityAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();

    public Task<ResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException();
}

public sealed class FakeRoster : IRosterRepository
{
    public Dictionary<string, PersonRecord> People { get; } = [];

    public void Add(string aadId, string name, params string[] roles) =>
        People[aadId] = new PersonRecord(aadId, null, name, $"{aadId}@pom.go.id", "kepala-bpom", roles);

    public Task<PersonRecord?> GetPersonAsync(string aadObjectId, CancellationToken cancellationToken = default) =>
        Task.FromResult(People.GetValueOrDefault(aadObjectId));

    public Task<UnitRecord?> GetUnitAsync(string unitId, CancellationToken cancellationToken = default) => Task.FromResult<UnitRecord?>(null);

    public Task<IReadOnlyList<UnitRecord>> ListUnitsAsync(CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<UnitRecord>>([]);

    public Task<UnitRecord> SaveUnitAsync(UnitRecord unit, CancellationToken cancellationToken = default) => throw new NotSupportedException();

    public Task<IReadOnlyList<PersonRecord>> ListPeopleByUnitAsync(string unitId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<PersonRecord>>([]);

    public Task<PersonRecord> SavePersonAsync(PersonRecord person, CancellationToken cancellationToken = default) => throw new NotSupportedException();
}

public sealed class RecordingReminders : IReminderScheduler
{
    public List<ReminderSubject> Scheduled { get; } = [];

    public List<string> Cancelled { get; } = [];

    public Task ScheduleAsync(ReminderSubject subject, CancellationToken cancellationToken = default)
    {
        Scheduled.Add(subject);
        return Task.CompletedTask;
    }

    public Task CancelAsync(string subjectId, CancellationToken cancellationToken = default)
    {
        Cancelled.Add(subjectId);
        return Task.CompletedTask;
    }
}
