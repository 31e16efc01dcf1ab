namespace BpomBot.Teams.Tests.Conversation.Onboarding;

/// <summary>The SOP's "antara lain" lists stay open in chat: "lainnya &lt;nama&gt;" is stored as typed.</summary>
public sealed class OpenChoiceTurnTests : IDisposable
{
    private readonly ConversationHarness bot = new();

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task Mulai_LainnyaStakeholderAndBentuk_AreStoredAsTyped()
    {
        await bot.RegisteredAsync();
        var asked = await bot.SayAllAsync("mulai", "A", "Talkshow radio bersama Karang Taruna");
        Assert.Contains("\"value\":\"lainnya\"", asked.CardText());

        await bot.SayAsync("lainnya Karang Taruna Kota Medan");
        var started = await bot.SayAsync("lainnya: talkshow radio");

        Assert.Contains("dimulai", started.Texts());
        var k = await bot.CurrentAsync();
        Assert.Equal(("Karang Taruna Kota Medan", "talkshow radio"), (k.StakeholderCategory, k.Bentuk));
    }

    [Fact]
    public async Task Mulai_UnknownWordWithoutLainnya_IsStillReprompted()
    {
        await bot.RegisteredAsync();
        await bot.SayAllAsync("mulai", "A", "FGD Pemda", "4");
        Assert.Contains("contoh: 1", (await bot.SayAsync("upacara")).Texts());
    }
}
