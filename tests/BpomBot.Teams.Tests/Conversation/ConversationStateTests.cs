using BpomBot.Domain.Understanding;
using BpomBot.Teams.Conversation;

namespace BpomBot.Teams.Tests.Conversation;

public sealed class ConversationStateTests
{
    [Fact]
    public void Serialize_LeavesOutUnsetAnswers_AndReadsBackEverythingSet()
    {
        var state = new ConversationState { Prompt = Prompt.Stakeholder, SubProcess = "A", Title = "FGD keamanan pangan", UnitChoices = ["upt-jkt"] };
        state.MarkProcessed("m-1");

        var json = state.Serialize();
        var back = ConversationState.Deserialize(json);

        Assert.DoesNotContain("kegiatanId", json, StringComparison.Ordinal);
        Assert.DoesNotContain("english", json, StringComparison.Ordinal);
        Assert.Equal(
            (Prompt.Stakeholder, "A", "FGD keamanan pangan", false, (string?)null),
            (back.Prompt, back.SubProcess, back.Title, back.English, back.KegiatanId));
        Assert.Equal(["upt-jkt"], back.UnitChoices);
        Assert.Equal(["m-1"], back.Processed);
    }

    [Fact]
    public void MarkProcessed_KeepsTheNewestIds_AndAStateStoredWithMoreIsTrimmedOnItsNextTurn()
    {
        var stored = new ConversationState();
        stored.Processed.AddRange(Enumerable.Range(1, 50).Select(i => $"old-{i}"));
        var state = ConversationState.Deserialize(stored.Serialize());

        state.MarkProcessed("new-1");

        Assert.Equal(ConversationState.ProcessedKept, state.Processed.Count);
        Assert.Equal("new-1", state.Processed[^1]);
        Assert.Equal($"old-{50 - ConversationState.ProcessedKept + 2}", state.Processed[0]);
    }

    [Fact]
    public void Deserialize_EmptyOrMissing_IsANewConversation()
    {
        Assert.Equal(Prompt.None, ConversationState.Deserialize(null).Prompt);
        Assert.Empty(ConversationState.Deserialize(" ").Processed);
    }

    [Theory]
    [InlineData("{\"prompt\":18,\"pending\":11}", Intent.Batal)]
    [InlineData("{\"prompt\":18,\"pending\":10}", Intent.Lewati)]
    [InlineData("{\"prompt\":8,\"pending\":0}", Intent.Mulai)]
    [InlineData("{\"prompt\":8,\"pending\":12}", Intent.Riwayat)]
    [InlineData("{\"prompt\":18,\"pending\":\"Batal\"}", Intent.Batal)]
    public void Pending_StoredAsTheOldCommandNumber_ReadsBackAsTheSameIntent_AndIsWrittenByName(string json, Intent expected)
    {
        var state = ConversationState.Deserialize(json);

        Assert.Equal(expected, state.Pending);
        Assert.Contains($"\"pending\":\"{expected}\"", state.Serialize(), StringComparison.Ordinal);
    }
}
