using BpomBot.Domain.Abstractions;

namespace BpomBot.Domain.Tests.Abstractions;

/// <summary>The compact memory of handled activity ids in a conversation row.</summary>
public sealed class HandledRingTests
{
    [Fact]
    public void Ring_IsBoundedToItsCapacity_KeepingTheNewestIds()
    {
        var ids = Enumerable.Range(0, 3 * HandledRing.Capacity).Select(i => $"f:{i}:{Guid.NewGuid():N}").ToList();
        var ring = HandledRing.Empty;
        foreach (var id in ids)
        {
            ring = ring.With(id);
            Assert.True(ring.Count <= HandledRing.Capacity);
        }

        Assert.Equal(HandledRing.Capacity, ring.Count);
        Assert.All(ids[^HandledRing.Capacity..], id => Assert.True(ring.Contains(id)));
        Assert.All(ids[..^HandledRing.Capacity], id => Assert.False(ring.Contains(id)));
        Assert.True(ring.ToString().Length <= 683, ring.ToString().Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Repeats_DoNotPushOlderIdsOut()
    {
        var ring = HandledRing.Of(["old", .. Enumerable.Range(0, HandledRing.Capacity - 1).Select(i => $"act-{i}")]);

        for (var i = 0; i < 1000; i++)
        {
            ring = ring.With("act-5");
        }

        Assert.True(ring.Contains("old"));
        Assert.Same(ring, ring.With("old"));
        Assert.False(ring.With("new").Contains("old"));
    }

    [Fact]
    public void StoredForm_ReadsBackTheSameIds_AndBadTextIsAnEmptyRing()
    {
        var ring = HandledRing.Of(["a", "b", "1581089517131"]);

        var read = HandledRing.Parse(ring.ToString());

        Assert.Equal(ring.ToString(), read.ToString());
        Assert.Equal(3, read.Count);
        Assert.True(read.Contains("1581089517131"));
        Assert.False(read.Contains("c"));
        Assert.Equal(0, HandledRing.Parse("not base64!").Count);
        Assert.Equal(0, HandledRing.Parse(null).Count);
        Assert.Equal(string.Empty, HandledRing.Empty.ToString());
    }
}
