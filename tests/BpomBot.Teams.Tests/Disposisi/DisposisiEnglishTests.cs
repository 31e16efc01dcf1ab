using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Roster;
using BpomBot.Teams.Conversation.Views;
using static BpomBot.Teams.Tests.Disposisi.DisposisiWorld;

namespace BpomBot.Teams.Tests.Disposisi;

/// <summary>What used to be Indonesian only, for English readers: why a disposisi is not out (tugas) and Plt/Plh answers.</summary>
public sealed class DisposisiEnglishTests
{
    [Fact]
    public async Task Tugas_DisposisiNotSent_ExplainsWhyInEnglish()
    {
        var o = new OutboxWorld();
        await o.W.Roster.SavePersonAsync((await o.W.Roster.GetPersonAsync(Kepala.AadObjectId))! with { Roles = [RosterRoles.Pelaksana] }); // no Kepala on the roster
        var k = await o.ReadyToSubmitAsync();
        Assert.True((await o.SubmitAsync(k)).Succeeded);

        var tasks = await o.Workflow.ListTasksAsync(Officer.AadObjectId);

        var progress = Assert.Single(tasks).State.Disposisi!;
        Assert.Equal(DisposisiProgressKind.BelumTerkirim, progress.Kind);
        var why = progress.Why!;
        Assert.NotEqual(why.Indonesian, why.English);
        var english = TugasView.Render(tasks, english: true);
        var indonesian = TugasView.Render(tasks, english: false);
        Assert.Contains("disposisi not sent: " + why.English.TrimEnd('.')[..20], english, StringComparison.Ordinal);
        Assert.DoesNotContain(why.Indonesian.TrimEnd('.')[..20], english, StringComparison.Ordinal);
        Assert.Contains("disposisi belum terkirim: " + why.Indonesian.TrimEnd('.')[..20], indonesian, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delegation_AnswersInBothLanguages()
    {
        var w = new DisposisiWorld();
        var from = new DateOnly(2026, 3, 2);

        var (set, done) = await w.Service.SetDelegationAsync(Kepala.AadObjectId, Kepala.AadObjectId, Katim.AadObjectId, DelegationKind.Plh, from, from.AddDays(4));
        var (none, refused) = await w.Service.SetDelegationAsync(Officer.AadObjectId, Kepala.AadObjectId, Katim.AadObjectId, DelegationKind.Plh, from, from.AddDays(4));
        var (_, backwards) = await w.Service.SetDelegationAsync(Kepala.AadObjectId, Kepala.AadObjectId, Katim.AadObjectId, DelegationKind.Plt, from, from.AddDays(-1));
        var (_, notLeader) = await w.Service.SetDelegationAsync(Admin.AadObjectId, Officer.AadObjectId, Katim.AadObjectId, DelegationKind.Plt, from, from);

        Assert.NotNull(set);
        Assert.Equal("Citra Katim is Plh on behalf of Budi Kepala from 2 March 2026 to 6 March 2026.", done.English);
        Assert.Equal("Citra Katim ditetapkan sebagai Plh a.n. Budi Kepala dari 2 Maret 2026 s.d. 6 Maret 2026.", done.Indonesian);
        Assert.Null(none);
        Assert.Equal("Only the leader concerned or an admin can name a Plt/Plh.", refused.English);
        Assert.Equal("The end date 01-03-2026 is before the start date 02-03-2026.", backwards.English);
        Assert.Equal("Sari Petugas is not a leader; a Plt/Plh is only for leaders.", notLeader.English);
        Assert.All(new[] { done, refused, backwards, notLeader }, p => Assert.NotEqual(p.Indonesian, p.English));
    }
}
