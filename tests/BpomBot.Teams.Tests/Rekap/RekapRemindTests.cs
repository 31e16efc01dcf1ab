using System.Text.Json;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Reminders;
using BpomBot.Domain.Roster;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Rekap;
using BpomBot.Teams.Routing;
using BpomBot.Teams.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace BpomBot.Teams.Tests.Rekap;

public sealed class RekapRemindTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2027, 1, 20, 3, 0, 0, TimeSpan.Zero));
    private readonly InMemoryRosterRepository roster = new();
    private readonly InMemoryReminderStore store = new();
    private readonly Notifier notifier = new();
    private readonly UnitCatalog units = UnitCatalog.LoadEmbedded();

    [Fact]
    public async Task The_pusat_reminds_each_missing_upts_kepala_once_a_day()
    {
        var pusat = units.Units.First(u => !u.IsUpt).Id;
        await roster.SavePersonAsync(new PersonRecord("aad-pusat", null, "Direktur", "d@pom.go.id", pusat, [RosterRoles.Direktur]));
        await roster.SavePersonAsync(new PersonRecord("aad-medan", null, "Kepala Medan", "m@pom.go.id", "bbpom-medan", [RosterRoles.KepalaUpt]));
        await roster.SavePersonAsync(new PersonRecord("aad-staf", null, "Staf Medan", "s@pom.go.id", "bbpom-medan", [RosterRoles.Pelaksana]));
        await roster.SavePersonAsync(new PersonRecord("aad-padang", null, "Kepala Padang", "p@pom.go.id", "bbpom-padang", [RosterRoles.KepalaUpt]));
        var data = """{"subProcess":"A","year":2026,"units":"bbpom-medan,bbpom-padang,loka-toba"}""";

        var first = await Click("aad-pusat", data);

        Assert.Equal("Pengingat dikirim ke 2 Kepala UPT; 1 UPT belum punya Kepala di roster.", Text(first));
        Assert.Equal(["aad-medan", "aad-padang"], notifier.Sent.Select(n => n.RecipientId).Order(StringComparer.Ordinal));
        Assert.All(notifier.Sent, n => Assert.Contains("sub-proses A tahun 2026", Assert.Single(n.Items).Title, StringComparison.Ordinal));

        var again = await Click("aad-pusat", data);

        Assert.Equal("Pengingat dikirim ke 0 Kepala UPT; 2 sudah diingatkan hari ini; 1 UPT belum punya Kepala di roster.", Text(again));
        Assert.Equal(2, notifier.Sent.Count);

        time.Advance(TimeSpan.FromDays(1));
        await Click("aad-pusat", data);
        Assert.Equal(4, notifier.Sent.Count);
    }

    [Fact]
    public async Task An_English_card_is_answered_in_English()
    {
        var pusat = units.Units.First(u => !u.IsUpt).Id;
        await roster.SavePersonAsync(new PersonRecord("aad-pusat", null, "Direktur", "d@pom.go.id", pusat, [RosterRoles.Direktur]));
        await roster.SavePersonAsync(new PersonRecord("aad-medan", null, "Kepala Medan", "m@pom.go.id", "bbpom-medan", [RosterRoles.KepalaUpt]));

        var sent = await Click("aad-pusat", """{"subProcess":"A","year":2026,"units":"bbpom-medan,loka-toba","lang":"en"}""");
        var refused = await Click("aad-medan", """{"subProcess":"A","year":2026,"units":"bbpom-medan","lang":"en"}""");
        var broken = await Click("aad-pusat", """{"subProcess":"X","year":2026,"lang":"en"}""");

        Assert.Equal("Reminder sent to 1 Kepala UPT; 1 UPT without a Kepala on the roster yet.", Text(sent));
        Assert.Equal("Only the Unit Kerja Pusat can send annual-report reminders.", Text(refused));
        Assert.Equal("This recap card is not recognised; ask for a new one with: recap.", Text(broken));
        Assert.Single(notifier.Sent);
    }

    [Theory]
    [InlineData("aad-medan")]
    [InlineData("aad-unknown")]
    public async Task A_upt_person_or_a_stranger_is_refused(string who)
    {
        await roster.SavePersonAsync(new PersonRecord("aad-medan", null, "Kepala Medan", "m@pom.go.id", "bbpom-medan", [RosterRoles.KepalaUpt]));

        var response = await Click(who, """{"subProcess":"A","year":2026,"units":"bbpom-medan"}""");

        Assert.Equal(RekapRemindHandler.Refused, Text(response));
        Assert.Empty(notifier.Sent);
    }

    private async Task<InvokeResponse> Click(string aad, string data)
    {
        var handler = new RekapRemindHandler(roster, store, notifier, units, new OfficeClock(time, units), time);
        var turn = new RecordingTurn(new Activity
        {
            Type = ActivityTypes.Invoke, Name = "adaptiveCard/action", From = new ChannelAccount { Id = "29:" + aad, AadObjectId = aad },
            Conversation = new ConversationAccount { Id = "a:1", ConversationType = "personal" },
        });
        using var doc = JsonDocument.Parse(data);
        return await handler.HandleAsync(turn, new CardAction(RecapStatusCard.RemindVerb, doc.RootElement.Clone(), null));
    }

    private static string? Text(InvokeResponse response) => response.Value?.GetValue<string>();

    private sealed class Notifier : IReminderNotifier
    {
        public List<Notification> Sent { get; } = [];

        public ValueTask EnqueueAsync(Notification notification, CancellationToken cancellationToken = default)
        {
            Sent.Add(notification);
            return ValueTask.CompletedTask;
        }
    }
}
