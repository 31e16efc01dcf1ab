using System.Text.Json.Nodes;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Audit;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Rekap;
using BpomBot.Teams.Routing;
using BpomBot.Teams.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Teams.Tests.Rekap;

public sealed class RekapChatTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 6, 15, 3, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRosterRepository roster = new();
    private readonly InMemoryKegiatanRepository kegiatan = new();

    [Fact]
    public void Links_verify_only_unchanged_and_unexpired()
    {
        var links = Links();
        var url = links.Create(RekapLink.Workbook, "aad-kepala", 2026, "A", "bbpom-medan");
        var q = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + url).Query);
        RekapLink? Verify(string? unit = null, string? year = null) => links.Verify(q["k"], q["v"], year ?? q["y"], q["s"], unit ?? q["u"], q["e"], q["sig"]);

        Assert.Equal(new RekapLink("xlsx", "aad-kepala", 2026, "A", "bbpom-medan", time.GetUtcNow().AddMinutes(15)), Verify());
        Assert.Null(Verify(unit: "bbpom-padang"));
        Assert.Null(Verify(year: "2025"));
        Assert.Null(new RekapLinks(Options.Create(new RekapOptions { LinkKey = Convert.ToBase64String(new byte[32]) }), time)
            .Verify(q["k"], q["v"], q["y"], q["s"], q["u"], q["e"], q["sig"]));
        time.Advance(TimeSpan.FromMinutes(16));
        Assert.Null(Verify());
    }

    [Fact]
    public void Chart_is_a_png_of_the_recaps_on_time_percentages()
    {
        var result = RekapSample.Compute("A", RekapScope.WithChildren("bbpom-medan"));

        var bars = RekapChart.Bars(result, RekapChartKind.Unit);
        Assert.Equal([("BBPOM Medan", 66.7), ("Loka Kabupaten Toba", 100.0)], bars);
        var png = RekapChart.RenderPng(result, RekapChartKind.Unit);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.True(png.Length > 2_000);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "rekap-chart-unit.png"), png);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "rekap-chart-tahap.png"), RekapChart.RenderPng(RekapSample.Compute(), RekapChartKind.Tahap));
    }

    [Theory]
    [InlineData("rekap", null, null, null)]
    [InlineData("Rekap tahun 2026", 2026, null, null)]
    [InlineData("rekap 2025 b", 2025, "B", null)]
    [InlineData("rekap sub A unit bbpom-medan", null, "A", "bbpom-medan")]
    public void Parses_what_the_recap_is_for(string text, int? year, string? sub, string? unit) =>
        Assert.Equal(new RekapAsk(year, sub, unit), RekapChatHandler.Parse(text, UnitCatalog.LoadEmbedded()));

    [Theory]
    [InlineData("rekapitulasi laporan saya")]
    [InlineData("rekap kegiatan kemarin")]
    [InlineData("bagaimana rekap")]
    public void Leaves_other_sentences_to_other_handlers(string text) => Assert.Null(RekapChatHandler.Parse(text, UnitCatalog.LoadEmbedded()));

    [Theory]
    [InlineData("minta rekap kegiatan tahun ini", null, null, null, false)]
    [InlineData("laporan rekap unit saya", null, null, null, false)]
    [InlineData("rekapitulasi kegiatan advokasi tahun 2025", 2025, "A", null, false)]
    [InlineData("can I get the recap for bbpom-medan", null, null, "bbpom-medan", false)]
    [InlineData("rekap pemberdayaan tahun lalu", null, "C", null, true)]
    public void Reads_a_free_sentence_through_the_understanding(string text, int? year, string? sub, string? unit, bool lastYear) =>
        Assert.Equal(new RekapAsk(year, sub, unit, lastYear), RekapChatHandler.Parse(new MessageInput(text, Language.Indonesian), UnitCatalog.LoadEmbedded()));

    [Theory]
    [InlineData("apakah produk ini terdaftar di bpom")]
    [InlineData("status kegiatan 2")]
    public void A_sentence_of_another_intent_is_not_a_recap(string text) =>
        Assert.Null(RekapChatHandler.Parse(new MessageInput(text, Language.Indonesian), UnitCatalog.LoadEmbedded()));

    [Fact]
    public async Task A_leaders_sentence_reaches_the_recap_not_the_faq()
    {
        await roster.SavePersonAsync(new PersonRecord("aad-kepala", null, "Kepala Medan", "k@pom.go.id", "bbpom-medan", [RosterRoles.KepalaUpt]));
        foreach (var k in RekapSample.Data()) await kegiatan.CreateAsync(k);
        const string text = "minta rekap kegiatan advokasi tahun ini";
        var turn = Message("aad-kepala", text);

        Assert.True(await Handler().TryHandleAsync(turn, new MessageInput(text, Language.Indonesian)));

        var facts = Card(turn)["body"]!.AsArray().Single(b => (string?)b!["type"] == "FactSet")!["facts"]!.AsArray()
            .ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!);
        Assert.Equal(RekapCard.Headline(RekapSample.Compute("A", RekapScope.WithChildren("bbpom-medan"))).ToDictionary(h => h.Title, h => h.Value), facts);
    }

    [Fact]
    public async Task An_English_writer_gets_the_recap_card_and_chart_in_English()
    {
        await roster.SavePersonAsync(new PersonRecord("aad-kepala", null, "Kepala Medan", "k@pom.go.id", "bbpom-medan", [RosterRoles.KepalaUpt]));
        foreach (var k in RekapSample.Data()) await kegiatan.CreateAsync(k);
        var turn = Message("aad-kepala", "rekap 2026 A");

        Assert.True(await Handler().TryHandleAsync(turn, new MessageInput("rekap 2026 A", Language.English)));

        var card = Card(turn);
        Assert.Equal("Recap of Balai Besar POM di Medan and the units under it, 2026, sub-process A", (string)card["body"]![0]!["text"]!);
        var facts = card["body"]!.AsArray().Single(b => (string?)b!["type"] == "FactSet")!["facts"]!.AsArray()
            .ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!);
        Assert.Equal(RekapCard.Headline(RekapSample.Compute("A", RekapScope.WithChildren("bbpom-medan")), english: true).ToDictionary(h => h.Title, h => h.Value), facts);
        Assert.Contains("Steps on time", facts.Keys);
        Assert.EndsWith("&l=en", (string)card["body"]!.AsArray().Single(b => (string?)b!["type"] == "Image")!["url"]!, StringComparison.Ordinal);
        Assert.Equal("Download Excel", (string)card["actions"]![0]!["title"]!);
        Assert.Equal("% of steps on time by unit", RekapChart.Title(RekapChartKind.Unit, english: true));
    }

    [Fact]
    public async Task A_leader_gets_the_headline_numbers_chart_and_workbook_link()
    {
        await roster.SavePersonAsync(new PersonRecord("aad-kepala", null, "Kepala Medan", "k@pom.go.id", "bbpom-medan", [RosterRoles.KepalaUpt]));
        foreach (var k in RekapSample.Data()) await kegiatan.CreateAsync(k);
        var turn = Message("aad-kepala", "rekap 2026 A");

        Assert.True(await Handler().TryHandleAsync(turn, new MessageInput("rekap 2026 A", Language.Indonesian)));

        var card = Card(turn);
        var expected = RekapSample.Compute("A", RekapScope.WithChildren("bbpom-medan"));
        var facts = card["body"]!.AsArray().Single(b => (string?)b!["type"] == "FactSet")!["facts"]!.AsArray()
            .ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!);
        Assert.Equal(RekapCard.Headline(expected).ToDictionary(h => h.Title, h => h.Value), facts);
        // Medan: A.1 and A.7 on time, A.2 late; Toba: A.1 on time, A.2 still within its batas waktu.
        Assert.Equal("75% (3 dari 4)", facts["Tahap tepat waktu"]);
        Assert.Equal("1 dari 2 masuk", facts["Laporan tahunan UPT"]);
        var image = card["body"]!.AsArray().Single(b => (string?)b!["type"] == "Image")!;
        Assert.StartsWith("http://127.0.0.1:3978/rekap/unduh?k=chart-unit&v=aad-kepala&y=2026&s=A&e=", (string)image["url"]!, StringComparison.Ordinal);
        Assert.StartsWith("http://127.0.0.1:3978/rekap/unduh?k=xlsx&", (string)card["actions"]![0]!["url"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scope_the_person_may_not_see_is_refused_and_audited()
    {
        await roster.SavePersonAsync(new PersonRecord("aad-kepala", null, "Kepala Medan", "k@pom.go.id", "bbpom-medan", [RosterRoles.KepalaUpt]));
        var audit = new Audit();
        var turn = Message("aad-kepala", "rekap unit bbpom-padang");

        await Handler(audit).TryHandleAsync(turn, new MessageInput("rekap unit bbpom-padang", Language.Indonesian));

        Assert.Contains("tidak berwenang", Assert.Single(turn.Sent).Text, StringComparison.Ordinal);
        Assert.Equal("rekap.refused", Assert.Single(audit.Events).Action);
    }

    [Theory]
    [InlineData("aad-kepala", "rekap unit bbpom-padang", false, "Anda tidak berwenang melihat rekap Balai Besar POM di Padang dan unit di bawahnya. Rekap Anda: Balai Besar POM di Medan dan unit di bawahnya.")]
    [InlineData("aad-kepala", "rekap unit bbpom-padang", true, "You may not see the recap of Balai Besar POM di Padang and the units under it. Your recap: Balai Besar POM di Medan and the units under it.")]
    [InlineData("aad-staf", "rekap", false, "Rekap hanya untuk pimpinan (Kepala UPT, Direktur, PPTM, Kepala BPOM).")]
    [InlineData("aad-staf", "rekap", true, "The recap is for leaders only (Kepala UPT, Direktur, PPTM, Kepala BPOM).")]
    [InlineData("aad-stranger", "rekap", true, "You are not on the roster yet; the recap is for leaders only (Kepala UPT, Direktur, PPTM, Kepala BPOM).")]
    public async Task Refusals_are_in_the_writers_language(string who, string text, bool english, string expected)
    {
        await roster.SavePersonAsync(new PersonRecord("aad-kepala", null, "Kepala Medan", "k@pom.go.id", "bbpom-medan", [RosterRoles.KepalaUpt]));
        await roster.SavePersonAsync(new PersonRecord("aad-staf", null, "Staf Medan", "s@pom.go.id", "bbpom-medan", [RosterRoles.Pelaksana]));
        var audit = new Audit();
        var turn = Message(who, text);

        Assert.True(await Handler(audit).TryHandleAsync(turn, new MessageInput(text, english ? Language.English : Language.Indonesian)));

        Assert.Equal(expected, Assert.Single(turn.Sent).Text);
    }

    [Fact]
    public async Task Storage_down_answers_in_English_to_an_English_writer()
    {
        var turn = Message("aad-kepala", "rekap");

        Assert.True(await Handler(roster: new DownRoster()).TryHandleAsync(turn, new MessageInput("rekap", Language.English)));

        Assert.Equal("Storage cannot be reached right now; please try again shortly.", Assert.Single(turn.Sent).Text);
    }

    [Fact]
    public async Task Storage_down_answers_try_again_shortly()
    {
        var turn = Message("aad-kepala", "rekap");
        var handler = Handler(roster: new DownRoster());

        Assert.True(await handler.TryHandleAsync(turn, new MessageInput("rekap", Language.Indonesian)));

        Assert.Equal(RekapChatHandler.StorageDown, Assert.Single(turn.Sent).Text);
    }

    [Fact]
    public async Task An_empty_year_says_so()
    {
        await roster.SavePersonAsync(new PersonRecord("aad-pptm", null, "Deputi", "d@pom.go.id", "deputi-po", [RosterRoles.Pptm]));
        var turn = Message("aad-pptm", "rekap 2025");

        await Handler().TryHandleAsync(turn, new MessageInput("rekap 2025", Language.Indonesian));

        var card = Card(turn);
        Assert.Contains(card["body"]!.AsArray(), b => ((string?)b!["text"])?.Contains("Belum ada kegiatan tercatat untuk Seluruh BPOM tahun 2025", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(card["body"]!.AsArray(), b => (string?)b!["type"] == "Image");
    }

    [Fact]
    public async Task The_step_cards_button_sends_the_recap_status_card()
    {
        await roster.SavePersonAsync(new PersonRecord("aad-pptm", null, "Deputi", "d@pom.go.id", "deputi-po", [RosterRoles.Pptm]));
        foreach (var k in RekapSample.Data()) await kegiatan.CreateAsync(k);
        var turn = Message("aad-pptm", string.Empty);
        var handler = new RekapStatusHandler(Service(), roster, Links(), new RekapBaseUrl(Options.Create(new RekapOptions()), new ServiceCollection().BuildServiceProvider()), UnitCatalog.LoadEmbedded());
        using var data = System.Text.Json.JsonDocument.Parse("{\"subProcess\":\"A\",\"year\":2026}");

        var response = await handler.HandleAsync(turn, new CardAction(RecapStatusCard.ShowVerb, data.RootElement.Clone(), null));

        Assert.Equal("Status laporan tahunan UPT dikirim.", response.Value?.GetValue<string>());
        var upts = RekapSample.Units.Units.Count(u => u.IsUpt);
        var card = Card(turn);
        Assert.Equal($"Laporan tahunan UPT masuk: 2 dari {upts}", (string)card["body"]![0]!["text"]!);
        Assert.Equal(RecapStatusCard.RemindVerb, (string)card["actions"]![0]!["verb"]!);
    }

    [Fact]
    public void Recap_status_card_counts_reports_in_and_offers_a_reminder_for_the_missing()
    {
        var result = RekapSample.Compute("A");
        var card = RecapStatusCard.Build("A", 2026, result.AnnualReports, "https://bot/rekap/unduh?x");

        var upts = RekapSample.Units.Units.Count(u => u.IsUpt);
        Assert.Equal($"Laporan tahunan UPT masuk: 2 dari {upts}", (string)card["body"]![0]!["text"]!);
        Assert.Contains($"dan {upts - 2 - RecapStatusCard.MaxListed} lainnya", (string)card["body"]![1]!["text"]!, StringComparison.Ordinal);
        var remind = card["actions"]![0]!;
        Assert.Equal((RecapStatusCard.RemindVerb, upts - 2), ((string)remind["verb"]!, ((string)remind["data"]!["units"]!).Split(',').Length));
        Assert.DoesNotContain("bbpom-medan", (string)remind["data"]!["units"]!, StringComparison.Ordinal);
    }

    private RekapLinks Links() => new(Options.Create(new RekapOptions()), time);

    private RekapService Service(IAuditLog? audit = null)
    {
        var units = UnitCatalog.LoadEmbedded();
        return new RekapService(kegiatan, SopCatalog.LoadEmbedded(), units, RekapSample.Calendar, new OfficeClock(time, units), time, audit ?? new Audit());
    }

    private RekapChatHandler Handler(IAuditLog? audit = null, IRosterRepository? roster = null)
    {
        var units = UnitCatalog.LoadEmbedded();
        var clock = new OfficeClock(time, units);
        var service = Service(audit);
        var options = Options.Create(new RekapOptions());
        return new RekapChatHandler(service, roster ?? this.roster, Links(), new RekapBaseUrl(options, new ServiceCollection().BuildServiceProvider()), units, clock);
    }

    private static RecordingTurn Message(string aad, string text) => new(new Activity
    {
        Type = ActivityTypes.Message, Text = text, From = new ChannelAccount { Id = "29:" + aad, AadObjectId = aad },
        Conversation = new ConversationAccount { Id = "a:1", ConversationType = "personal" },
    });

    private static JsonObject Card(RecordingTurn turn) => (JsonObject)Assert.Single(Assert.Single(turn.Sent).Attachments!).Content!;

    private sealed class Audit : IAuditLog
    {
        public List<AuditEvent> Events { get; } = [];

        public Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
        {
            Events.Add(auditEvent);
            return Task.CompletedTask;
        }

        public Task<IReadOnlyList<AuditEvent>> ListBySubjectAsync(string subject, int max, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<AuditEvent>>(Events);

        public Task<IReadOnlyList<AuditEvent>> ListByDayAsync(DateOnly utcDay, int max, CancellationToken cancellationToken = default) => Task.FromResult<IReadOnlyList<AuditEvent>>(Events);
    }

    private sealed class DownRoster : IRosterRepository
    {
        public Task<UnitRecord?> GetUnitAsync(string unitId, CancellationToken cancellationToken = default) => throw Down();

        public Task<IReadOnlyList<UnitRecord>> ListUnitsAsync(CancellationToken cancellationToken = default) => throw Down();

        public Task<UnitRecord> SaveUnitAsync(UnitRecord unit, CancellationToken cancellationToken = default) => throw Down();

        public Task<PersonRecord?> GetPersonAsync(string aadObjectId, CancellationToken cancellationToken = default) => throw Down();

        public Task<IReadOnlyList<PersonRecord>> ListPeopleByUnitAsync(string unitId, CancellationToken cancellationToken = default) => throw Down();

        public Task<PersonRecord> SavePersonAsync(PersonRecord person, CancellationToken cancellationToken = default) => throw Down();

        private static StorageUnavailableException Down() => new("down");
    }
}
