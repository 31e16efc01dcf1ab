using BpomBot.Domain.Outbox;
using BpomBot.Domain.Roster;
using BpomBot.Teams.Disposisi;
using BpomBot.Teams.Protocol;
using BpomBot.Teams.Relay;
using BpomBot.Teams.Routing;
using BpomBot.Teams.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static BpomBot.Teams.Tests.Disposisi.DisposisiWorld;

namespace BpomBot.Teams.Tests.Disposisi;

/// <summary>
/// A roster import in chat nudges the background relay: a disposisi that waited because the roster had no leader goes
/// out right after the import, not at the next interval (the relay service's clock never reaches it here).
/// </summary>
public sealed class RosterImportNudgeTests
{
    [Fact]
    public async Task RosterImport_AddsTheMissingLeader_TheWaitingDisposisiGoesOutAtOnce()
    {
        var o = new OutboxWorld();
        var w = o.W;
        await w.Roster.SavePersonAsync((await w.Roster.GetPersonAsync(Kepala.AadObjectId))! with { Roles = [RosterRoles.Pelaksana] }); // Bandung has no Kepala on the roster yet
        var k = await o.ReadyToSubmitAsync();
        Assert.True((await o.SubmitAsync(k)).Succeeded);
        Assert.Single((await w.Kegiatan.GetAsync(k.Id))!.Outbox!); // waiting for a leader
        Assert.Equal(0, o.CardsTo(Kepala));

        var index = new OneKegiatanIndex(k.Id, w.Time.GetUtcNow());
        var relay = new OutboxRelay(w.Kegiatan, w.Audit, [o.Service], w.Engine, w.Time, index);
        await using var services = new ServiceCollection().AddSingleton(relay).BuildServiceProvider();
        var background = new OutboxRelayService(services.GetRequiredService<IServiceScopeFactory>(), new FakeTimeProvider(Start), NullLogger<OutboxRelayService>.Instance);
        var handler = new RosterChatHandler(w.Importer, w.Directory, o.Service, w.Files, background);
        await background.StartAsync(CancellationToken.None);
        try
        {
            await Until(() => index.Listed >= 1); // the start-up pass is over; the next waits for the interval or a nudge
            w.Time.Advance(TimeSpan.FromMinutes(1)); // past the turn's head start

            var turn = new RecordingTurn(new Activity
            {
                Type = ActivityTypes.Message,
                Id = "import-1",
                ServiceUrl = ServiceUrl,
                ChannelId = "msteams",
                From = new ChannelAccount { Id = Admin.TeamsId, AadObjectId = Admin.AadObjectId, Name = Admin.Name },
                Conversation = new ConversationAccount { Id = MemoryReferences.ConversationOfId(Admin.AadObjectId), ConversationType = "personal" },
                Text = $"roster import\n{RosterCsv.Header}\n{Kepala.AadObjectId},{Kepala.Name},{Kepala.Email},bbpom-bandung,kepala upt,{Kepala.TeamsId}",
            });
            Assert.True(await handler.TryHandleAsync(turn, new MessageInput(turn.Activity.Text!, Language.Indonesian)));
            Assert.Contains("diimpor", Assert.Single(turn.Sent).Text);

            await Until(() => o.CardsTo(Kepala) == 1);
            await Until(() => w.Kegiatan.GetAsync(k.Id).GetAwaiter().GetResult()!.Outbox is null);
            Assert.Equal(Kepala.AadObjectId, (await w.Disposisi.GetAsync(DisposisiIds.For(k.Id, "A.4", 0)))!.ToId);
        }
        finally
        {
            await background.StopAsync(CancellationToken.None);
        }
    }

    private static async Task Until(Func<bool> condition)
    {
        for (var i = 0; i < 600 && !condition(); i++) await Task.Delay(50);
        Assert.True(condition(), "the background relay did not get there");
    }

    /// <summary>The outbox index of one kegiatan; its first listing (the start-up pass) is empty.</summary>
    private sealed class OneKegiatanIndex(string kegiatanId, DateTimeOffset at) : IOutboxIndex
    {
        private int _listed;

        public int Listed => Volatile.Read(ref _listed);

        public Task<IReadOnlyList<OutboxMarker>> ListOutboxAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<OutboxMarker>>(Interlocked.Increment(ref _listed) == 1 ? [] : [new OutboxMarker(kegiatanId, at, "v1")]);

        public Task RemoveOutboxAsync(OutboxMarker marker, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
