using BpomBot.Domain.Disposisi;
using BpomBot.Domain.Roster;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Tests.Disposisi;

public sealed class DisposisiRulesTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);
    private static readonly Actor Leader = new("leader-1");

    internal static Domain.Disposisi.Disposisi Sample(string id = "d-1", string to = "leader-1") => new()
    {
        Id = id, KegiatanId = "k-1", StepId = "A.4", Kind = DisposisiKinds.ReportToLeader, Summary = "Laporan FGD",
        OfficerId = "officer-1", UnitId = "bpom-x", FromId = "officer-1", ToId = to, SentAt = At, BatasWaktu = Today.AddDays(7),
        Version = "1",
    };

    private static Delegation Plh(string leader, string @delegate, DateOnly from, DateOnly to, bool revoked = false) =>
        new("del-1", leader, @delegate, DelegationKind.Plh, from, to, "admin-1", At, revoked);

    [Fact]
    public void Authorize_Addressee_ActsInOwnName()
    {
        var actor = DisposisiRules.Authorize(Sample(), "LEADER-1", [], Today);
        Assert.Equal(new Actor("LEADER-1"), actor);
    }

    [Theory]
    [InlineData(2026, 3, 2, true)] // first day
    [InlineData(2026, 3, 6, true)] // last day, inclusive
    [InlineData(2026, 3, 1, false)] // before
    [InlineData(2026, 3, 7, false)] // after
    public void Authorize_DelegateWithinDateRange_ActsOnBehalfOfLeader(int y, int m, int d, bool allowed)
    {
        var delegations = new[] { Plh("leader-1", "deputy-1", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 6)) };
        var actor = DisposisiRules.Authorize(Sample(), "deputy-1", delegations, new DateOnly(y, m, d));
        Assert.Equal(allowed ? new Actor("deputy-1", "leader-1") : null, actor);
    }

    [Fact]
    public void Authorize_RevokedDelegationOrOtherLeadersDelegate_IsRefused()
    {
        Assert.Null(DisposisiRules.Authorize(Sample(), "deputy-1", [Plh("leader-1", "deputy-1", Today, Today, revoked: true)], Today));
        Assert.Null(DisposisiRules.Authorize(Sample(), "deputy-1", [Plh("leader-2", "deputy-1", Today, Today)], Today));
        Assert.Null(DisposisiRules.Authorize(Sample(), "officer-1", [], Today));
    }

    [Fact]
    public void MarkRead_FirstOpening_MovesToDibaca_LaterOpeningsChangeNothing()
    {
        var first = DisposisiRules.MarkRead(Sample(), Leader, At);
        Assert.Equal((DisposisiState.Dibaca, At, "leader-1"), (first.Disposisi!.State, first.Disposisi.ReadAt, first.Disposisi.ReadBy));
        Assert.Equal("disposisi.read", Assert.Single(first.Events).Action);

        var again = DisposisiRules.MarkRead(first.Disposisi, Leader, At.AddHours(1));
        Assert.True(again.Succeeded);
        Assert.Null(again.Disposisi);
        Assert.Empty(again.Events);
    }

    [Fact]
    public void Approve_RecordsDecisionArahanAndBatasWaktu_InputUntouched()
    {
        var d = Sample();
        var result = DisposisiRules.Approve(d, Leader, new DisposisiInput(["setujui", "arsipkan"], " Baik ", Today.AddDays(3)), Today, At);

        var after = result.Disposisi!;
        Assert.Equal((DisposisiState.Disetujui, "leader-1", (string?)null, At), (after.State, after.DecidedBy, after.DecidedOnBehalfOf, after.DecidedAt));
        Assert.Equal(["setujui", "arsipkan"], after.Arahan);
        Assert.Equal(("Baik", Today.AddDays(3)), (after.Catatan, after.BatasWaktu));
        Assert.Equal(["disposisi.read", "disposisi.approved"], result.Events.Select(e => e.Action));
        Assert.Equal(DisposisiState.Terkirim, d.State);
    }

    [Fact]
    public void Approve_ByDelegate_IsRecordedAtasNama()
    {
        var result = DisposisiRules.Approve(Sample(), new Actor("deputy-1", "leader-1"), DisposisiInput.None, Today, At);
        Assert.Equal(("deputy-1", "leader-1"), (result.Disposisi!.DecidedBy, result.Disposisi.DecidedOnBehalfOf));
        Assert.All(result.Events, e => Assert.Equal("leader-1", e.OnBehalfOf));
    }

    [Fact]
    public void Approve_AlreadyDecided_IsRefusedSudahDiputuskan()
    {
        var decided = DisposisiRules.Approve(Sample(), Leader, DisposisiInput.None, Today, At).Disposisi!;
        var again = DisposisiRules.Return(decided, Leader, "revisi", DisposisiInput.None, Today, At);
        Assert.Equal(DisposisiRefusals.SudahDiputuskan, again.Refusal!.Code);
        Assert.Contains("disetujui", again.Refusal.Reason);
    }

    [Fact]
    public void Approve_UnknownArahanOrPastBatasWaktu_IsRefused()
    {
        Assert.Equal(DisposisiRefusals.ArahanTidakDikenal, DisposisiRules.Approve(Sample(), Leader, new(["hapus"], null, null), Today, At).Refusal!.Code);
        Assert.Equal(DisposisiRefusals.BatasWaktuTidakValid, DisposisiRules.Approve(Sample(), Leader, new([], null, Today.AddDays(-1)), Today, At).Refusal!.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Return_WithoutReason_IsRefused(string? reason) =>
        Assert.Equal(DisposisiRefusals.AlasanKosong, DisposisiRules.Return(Sample(), Leader, reason, DisposisiInput.None, Today, At).Refusal!.Code);

    [Fact]
    public void Return_WithReason_IsDikembalikanWithReason()
    {
        var result = DisposisiRules.Return(Sample(), Leader, " Lampiran foto kurang ", DisposisiInput.None, Today, At);
        Assert.Equal((DisposisiState.Dikembalikan, "Lampiran foto kurang"), (result.Disposisi!.State, result.Disposisi.Reason));
        Assert.Equal("Lampiran foto kurang", result.Events[^1].Detail);
    }

    [Fact]
    public void Forward_ToSubordinate_CreatesChildWithOwnBatasWaktu()
    {
        var batas = Today.AddDays(5);
        var result = DisposisiRules.Forward(Sample(), Leader, "sub-1", ["sub-1", "sub-2"], new(["tindak-lanjuti"], "tolong cek", batas, Sifat.Segera), "d-2", Today, At);

        var parent = result.Disposisi!;
        var child = result.Forwarded!;
        Assert.Equal((DisposisiState.Diteruskan, "d-2", "sub-1"), (parent.State, parent.ForwardedToDisposisiId, parent.ForwardedToId));
        Assert.False(parent.IsDecided); // the leader still decides
        Assert.Equal(("leader-1", (string?)null, (DateTimeOffset?)At), (parent.ForwardedBy, parent.DecidedBy, parent.ForwardedAt));
        Assert.Equal(("d-2", "d-1", "leader-1", "sub-1", DisposisiState.Terkirim), (child.Id, child.ParentId, child.FromId, child.ToId, child.State));
        Assert.Equal((batas, Sifat.Segera, "tolong cek"), (child.BatasWaktu, child.Sifat, child.Catatan));
        Assert.Equal(["tindak-lanjuti"], child.Arahan);
        Assert.Equal(("k-1", "A.4", "officer-1"), (child.KegiatanId, child.StepId, child.OfficerId));
        Assert.Equal(["disposisi.read", "disposisi.forwarded", "disposisi.sent"], result.Events.Select(e => e.Action));
    }

    [Fact]
    public void Forward_ByDelegate_ChildComesFromTheLeader()
    {
        var result = DisposisiRules.Forward(Sample(), new Actor("deputy-1", "leader-1"), "sub-1", ["sub-1"], new([], null, Today), "d-2", Today, At);
        Assert.Equal("leader-1", result.Forwarded!.FromId);
    }

    [Fact]
    public void Forward_ToNonSubordinateOrWithoutBatasWaktu_IsRefused()
    {
        Assert.Equal(DisposisiRefusals.PenerimaTidakSah, DisposisiRules.Forward(Sample(), Leader, "stranger", ["sub-1"], new([], null, Today), "d-2", Today, At).Refusal!.Code);
        Assert.Equal(DisposisiRefusals.PenerimaTidakSah, DisposisiRules.Forward(Sample(), Leader, null, ["sub-1"], new([], null, Today), "d-2", Today, At).Refusal!.Code);
        Assert.Equal(DisposisiRefusals.BatasWaktuTidakValid, DisposisiRules.Forward(Sample(), Leader, "sub-1", ["sub-1"], DisposisiInput.None, "d-2", Today, At).Refusal!.Code);
    }

    private static (Domain.Disposisi.Disposisi Parent, Domain.Disposisi.Disposisi Child) Forwarded()
    {
        var result = DisposisiRules.Forward(Sample(), Leader, "sub-1", ["sub-1"], new([], "mohon telaah", Today.AddDays(2)), "d-2", Today, At);
        return (result.Disposisi!, result.Forwarded!);
    }

    [Fact]
    public void Forwarded_CannotBeApprovedReturnedOrForwardedByItsAddressee()
    {
        var (_, child) = Forwarded();
        var sub = new Actor("sub-1");
        Assert.Equal(DisposisiRefusals.BukanPemutus, DisposisiRules.Approve(child, sub, DisposisiInput.None, Today, At).Refusal!.Code);
        Assert.Equal(DisposisiRefusals.BukanPemutus, DisposisiRules.Return(child, sub, "kurang", DisposisiInput.None, Today, At).Refusal!.Code);
        Assert.Equal(DisposisiRefusals.BukanPemutus, DisposisiRules.Forward(child, sub, "x", ["x"], new([], null, Today), "d-3", Today, At).Refusal!.Code);
    }

    [Fact]
    public void Respond_OnForwarded_IsDitanggapi_AndCopiesOntoTheParentOnce()
    {
        var (parent, child) = Forwarded();
        Assert.Equal(DisposisiRefusals.TanggapanKosong, DisposisiRules.Respond(child, new Actor("sub-1"), " ", At).Refusal!.Code);
        Assert.Equal(DisposisiRefusals.BukanTerusan, DisposisiRules.Respond(parent, Leader, "ok", At).Refusal!.Code);

        var answered = DisposisiRules.Respond(child, new Actor("sub-1"), " Layak disetujui ", At.AddHours(1));
        var c = answered.Disposisi!;
        Assert.Equal((DisposisiState.Ditanggapi, "Layak disetujui", "sub-1"), (c.State, c.Tanggapan, c.TanggapanBy));
        Assert.True(c.IsDecided);
        Assert.Equal(["disposisi.read", "disposisi.responded"], answered.Events.Select(e => e.Action));

        var withAnswer = DisposisiRules.WithTanggapan(parent, c)!;
        Assert.Equal((DisposisiState.Diteruskan, "Layak disetujui"), (withAnswer.State, withAnswer.Tanggapan));
        Assert.Null(DisposisiRules.WithTanggapan(withAnswer, c)); // already there
        Assert.Equal(DisposisiRefusals.SudahDiputuskan, DisposisiRules.Respond(c, new Actor("sub-1"), "lagi", At).Refusal!.Code);
    }

    [Fact]
    public void ForwardedParent_IsDecidedByTheLeaderOnly_OnceForwardedNotAgain()
    {
        var (parent, child) = Forwarded();
        Assert.Equal(DisposisiRefusals.SudahDiteruskan,
            DisposisiRules.Forward(parent, Leader, "sub-1", ["sub-1"], new([], null, Today), "d-3", Today, At).Refusal!.Code);

        var approved = DisposisiRules.Approve(parent, Leader, DisposisiInput.None, Today, At.AddHours(2)).Disposisi!;
        Assert.Equal((DisposisiState.Disetujui, "leader-1"), (approved.State, approved.DecidedBy));

        var closed = DisposisiRules.CloseForwarded(child, approved)!;
        Assert.Equal((DisposisiState.Ditutup, "leader-1"), (closed.Disposisi!.State, closed.Disposisi.DecidedBy));
        Assert.Equal("disposisi.closed", Assert.Single(closed.Events).Action);
        Assert.Null(DisposisiRules.CloseForwarded(child, parent)); // parent not decided yet
        Assert.Null(DisposisiRules.CloseForwarded(closed.Disposisi, approved)); // already final
    }

    [Fact]
    public void ForwardedChild_OfAnOlderRowWithDecidedFields_StillRebuilds()
    {
        var old = Sample();
        old.State = DisposisiState.Diteruskan;
        old.ForwardedToDisposisiId = "d-9";
        old.ForwardedToId = "sub-1";
        old.DecidedBy = "deputy-1";
        old.DecidedOnBehalfOf = "leader-1";
        old.DecidedAt = At;
        var child = DisposisiRules.ForwardedChild(old)!;
        Assert.Equal(("d-9", "leader-1", "sub-1", At), (child.Id, child.FromId, child.ToId, child.SentAt));
    }

    [Fact]
    public void ParseSifat_AcceptsDisplayAndIdForms()
    {
        Assert.Equal(Sifat.SangatSegera, DisposisiText.ParseSifat("Sangat Segera"));
        Assert.Equal(Sifat.SangatSegera, DisposisiText.ParseSifat("SangatSegera"));
        Assert.Equal(Sifat.Biasa, DisposisiText.ParseSifat("biasa"));
        Assert.Null(DisposisiText.ParseSifat("kilat"));
    }
}
