using BpomBot.Domain.Outbox;

namespace BpomBot.Domain.Tests.Outbox;

public sealed class DisposisiIdsTests
{
    [Fact]
    public void Same_kegiatan_step_and_round_give_the_same_id_and_any_change_another()
    {
        var id = DisposisiIds.For("20260302-ab12cd34", "A.4", 0);

        Assert.Equal(id, DisposisiIds.For("20260302-ab12cd34", "A.4", 0));
        Assert.NotEqual(id, DisposisiIds.For("20260302-ab12cd34", "A.4", 1));
        Assert.NotEqual(id, DisposisiIds.For("20260302-ab12cd34", "A.5", 0));
        Assert.NotEqual(id, DisposisiIds.For("20260302-ab12cd35", "A.4", 0));
        Assert.Matches("^d[0-9a-f]{15}$", id);
    }

    [Fact]
    public void A_disposisi_effect_is_named_by_its_step_and_round()
    {
        var at = new DateTimeOffset(2026, 3, 2, 2, 0, 0, TimeSpan.Zero);
        var effect = PendingEffect.Disposisi("A.4", 1, "officer", at, 3, 5);

        Assert.Equal(("disposisi/A.4/1", PendingEffectKinds.Disposisi, false), (effect.Id, effect.Kind, effect.NoLeaderTold));
        Assert.Equal((3, 5), (effect.HistoryFrom, effect.HistoryTo));
    }
}
