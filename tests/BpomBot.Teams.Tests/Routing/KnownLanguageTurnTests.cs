using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Reminders;
using BpomBot.Teams.Proactive;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Routing;
using BpomBot.Teams.Tests.Proactive;
using BpomBot.Teams.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Teams.Tests.Routing;

/// <summary>
/// A message that shows no language (a number, a link) is answered in the writer's known language: the one their
/// earlier messages showed, else their client's locale; without a storage read for a person this process knows.
/// </summary>
public sealed class KnownLanguageTurnTests
{
    private const string NotUnderstoodEnglish = "Sorry, I did not understand that.";
    private const string NotUnderstoodIndonesian = "Maaf, saya belum memahami pesan itu.";
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 26, 1, 0, 0, TimeSpan.Zero));
    private readonly MemoryReferences references = new();

    private readonly MemoryRoster roster = new();

    private ActivityRouter Router(KnownConversations known) => new(
        [new ConversationReferenceCapture(references, known, clock), new NotificationsCommand(new InMemoryReminderStore(), roster, clock), new HelpMessageHandler()],
        [], [], NullLogger<ActivityRouter>.Instance, known);

    private static async Task<string> SayAsync(ActivityRouter router, string aad, string text, string? locale = null)
    {
        var turn = new RecordingTurn(new Activity
        {
            Type = ActivityTypes.Message,
            Text = text,
            Locale = locale,
            ServiceUrl = "https://smba.trafficmanager.net/teams/",
            From = new ChannelAccount { Id = "29:" + aad, AadObjectId = aad },
            Recipient = new ChannelAccount { Id = "28:bot" },
            Conversation = new ConversationAccount { Id = "a:" + aad, ConversationType = "personal", TenantId = "t-1" },
        });
        await router.RouteAsync(turn);
        return Assert.Single(turn.Sent).Text ?? string.Empty;
    }

    [Theory]
    [InlineData("what are my tasks", NotUnderstoodEnglish)]
    [InlineData("apa tugas saya", NotUnderstoodIndonesian)]
    public async Task NeutralMessage_TakesTheLanguageTheWriterShowedBefore_WhateverTheLocale(string earlier, string expected)
    {
        var router = Router(new KnownConversations());
        await SayAsync(router, "aad-1", earlier, locale: earlier.StartsWith("apa", StringComparison.Ordinal) ? "en-US" : "id-ID");

        var (reads, saves) = (references.Reads, references.Saves);
        foreach (var neutral in new[] { "1", "https://drive.pom.go.id/laporan.pdf", "12345" })
        {
            Assert.StartsWith(expected, await SayAsync(router, "aad-1", neutral, locale: earlier.StartsWith("apa", StringComparison.Ordinal) ? "en-US" : "id-ID"));
        }

        Assert.Equal((reads, saves), (references.Reads, references.Saves)); // no storage request for a known writer
    }

    [Theory]
    [InlineData("en-US", NotUnderstoodEnglish)]
    [InlineData("en-GB", NotUnderstoodEnglish)]
    [InlineData("id-ID", NotUnderstoodIndonesian)]
    [InlineData(null, NotUnderstoodIndonesian)]
    public async Task NeutralFirstMessage_TakesTheLocale(string? locale, string expected)
    {
        Assert.StartsWith(expected, await SayAsync(Router(new KnownConversations()), "aad-2", "1", locale));
    }

    [Theory]
    [InlineData("show my tasks", NotUnderstoodEnglish)]
    [InlineData("tolong tampilkan tugas saya", NotUnderstoodIndonesian)]
    public async Task AfterARestart_TheStoredLanguageAnswersANeutralMessage_WithTheCapturesOneRead(string earlier, string expected)
    {
        await SayAsync(Router(new KnownConversations()), "aad-3", earlier);
        var restarted = Router(new KnownConversations());
        var reads = references.Reads;

        Assert.StartsWith(expected, await SayAsync(restarted, "aad-3", "2", locale: expected == NotUnderstoodEnglish ? "id-ID" : "en-US"));
        Assert.Equal(reads + 1, references.Reads); // the capture's first-sight read, not one more
        Assert.StartsWith(expected, await SayAsync(restarted, "aad-3", "2", locale: expected == NotUnderstoodEnglish ? "id-ID" : "en-US"));
        Assert.Equal(reads + 1, references.Reads);
    }

    [Fact]
    public async Task AClearMessage_StillDecidesItsOwnLanguage()
    {
        var router = Router(new KnownConversations());
        await SayAsync(router, "aad-4", "what are my tasks");
        Assert.StartsWith(NotUnderstoodIndonesian, await SayAsync(router, "aad-4", "tolong tampilkan kegiatan xyz saya"));
    }

    [Theory]
    [InlineData("show my tasks", "notifikasi", "No notifications in the last 3 days yet.")]
    [InlineData("tolong tampilkan tugas saya", "notifikasi", "Belum ada notifikasi dalam 3 hari terakhir.")]
    [InlineData("tolong tampilkan tugas saya", "notifications", "No notifications in the last 3 days yet.")]
    [InlineData("show my tasks", "notifikasi gagal", "Tidak ada notifikasi gagal dalam 3 hari terakhir.")]
    [InlineData("tolong tampilkan tugas saya", "notifications failed", "No failed notifications in the last 3 days.")]
    [InlineData("show my tasks", "notifikasi x", "Use `notifications` or `notifications failed`.")]
    [InlineData("tolong tampilkan tugas saya", "notifikasi x", "Gunakan `notifikasi` atau `notifikasi gagal`.")]
    public async Task Notifikasi_AnswersAnAdminInTheirLanguage(string earlier, string command, string expected)
    {
        await roster.SavePersonAsync(new PersonRecord("admin-1", null, "Admin", "a@pom.go.id", "upt-jkt", ["admin"]));
        var router = Router(new KnownConversations());
        await SayAsync(router, "admin-1", earlier);

        Assert.Equal(expected, await SayAsync(router, "admin-1", command));
    }

    [Theory]
    [InlineData("show my tasks", "The `notifications` command is for admins only.")]
    [InlineData("tolong tampilkan tugas saya", "Perintah `notifikasi` hanya untuk admin.")]
    public async Task Notifikasi_RefusesANonAdminInTheirLanguage(string earlier, string expected)
    {
        var router = Router(new KnownConversations());
        await SayAsync(router, "aad-5", earlier);

        Assert.Equal(expected, await SayAsync(router, "aad-5", "notifikasi", locale: "id-ID"));
    }
}
