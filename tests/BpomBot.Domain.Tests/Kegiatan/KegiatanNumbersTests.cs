using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;

namespace BpomBot.Domain.Tests.Kegiatan;

public sealed class KegiatanNumbersTests
{
    private static Workflow.Kegiatan K(string id, int day, int? number = null, KegiatanStatus status = KegiatanStatus.Berjalan) => new()
    {
        Id = id, SopCode = EngineFixture.SopCode, SopVersion = "04", SubProcess = "A", Kind = WorkflowKind.PerKegiatan, Title = id,
        UnitId = "bpom-x", OfficerId = "officer-1", Year = 2026, CreatedAt = new DateTimeOffset(2026, 3, day, 2, 0, 0, TimeSpan.Zero),
        Number = number, Status = status,
    };

    [Fact]
    public void StoredNumbers_StayWhenOthersFinishOrAreAdded()
    {
        var before = KegiatanNumbers.Assign([K("a", 1, 1), K("b", 2, 2), K("c", 3, 3)]);
        var after = KegiatanNumbers.Assign([K("a", 1, 1, KegiatanStatus.Selesai), K("b", 2, 2), K("c", 3, 3), K("d", 4, 4)]);
        Assert.Equal((2, 3), (before["b"], before["c"]));
        Assert.Equal((2, 3, 4), (after["b"], after["c"], after["d"]));
    }

    [Fact]
    public void OldRowsWithoutNumber_AreNumberedByPlaceAmongAll_AndNewOnesAbove()
    {
        var old = new[] { K("x", 2), K("w", 1, status: KegiatanStatus.Selesai), K("y", 3) };
        var numbers = KegiatanNumbers.Assign(old);
        Assert.Equal((1, 2, 3), (numbers["w"], numbers["x"], numbers["y"]));
        Assert.Equal(4, KegiatanNumbers.Next(old));
        var later = KegiatanNumbers.Assign([.. old, K("z", 5, 4)]);
        Assert.Equal((2, 3, 4), (later["x"], later["y"], later["z"])); // unchanged by the new one
    }

    [Fact]
    public void DuplicateNumber_FromAHandedOverKegiatan_GetsAFreeOne_Deterministically()
    {
        var set = new[] { K("a", 1, 1), K("b", 2, 2), K("handed", 3, 1) };
        var numbers = KegiatanNumbers.Assign(set);
        Assert.Equal((1, 2, 3), (numbers["a"], numbers["b"], numbers["handed"]));
        Assert.Equal(numbers, KegiatanNumbers.Assign(set.Reverse()));
        Assert.Equal(1, KegiatanNumbers.Next([]));
    }
}
