namespace BpomBot.Teams.Tests.Conversation;

/// <summary>Turns found wrong by an end-to-end walk in the Agents Playground: lead-ins in free-text answers, choice words.</summary>
public sealed class PlaygroundWalkTurnTests : IDisposable
{
    private readonly ConversationHarness bot = new();

    public void Dispose() => bot.Dispose();

    [Theory]
    [InlineData("judulnya FGD keamanan pangan Pemda Medan")]
    [InlineData("judul: FGD keamanan pangan Pemda Medan")]
    [InlineData("namanya FGD keamanan pangan Pemda Medan")]
    [InlineData("FGD keamanan pangan Pemda Medan")]
    public async Task At_the_title_prompt_a_lead_in_is_not_stored_in_the_title(string answer)
    {
        await bot.RegisteredAsync();

        await bot.SayAllAsync("mulai", "A", answer, "pemda", "1");

        Assert.Equal("FGD keamanan pangan Pemda Medan", (await bot.CurrentAsync()).Title);
    }

    [Fact]
    public async Task An_english_title_lead_in_is_not_stored_either()
    {
        await bot.RegisteredAsync();

        await bot.SayAllAsync("start", "A", "the title is Food safety FGD with Medan city", "pemda", "1");

        Assert.Equal("Food safety FGD with Medan city", (await bot.CurrentAsync()).Title);
    }

    [Fact]
    public async Task At_the_stakeholder_prompt_a_category_in_a_sentence_is_the_answer_not_help()
    {
        await bot.RegisteredAsync();
        await bot.SayAllAsync("mulai", "A", "FGD keamanan pangan Pemda Medan");

        var turn = await bot.SayAsync("pemerintah daerah dong");
        var form = await bot.SayAsync("1");

        Assert.True(!turn.Texts().Contains("masih menunggu", StringComparison.Ordinal), turn.Texts() + " | " + form.Texts());
        var all = await bot.Stores.Kegiatan.ListByOfficerAsync(bot.User);
        Assert.True(all.Count == 1, turn.Texts() + " | " + form.Texts());
        var kegiatan = all[0];
        Assert.Equal("pemerintah-daerah", kegiatan.StakeholderCategory);
    }

    [Fact]
    public async Task A_cancel_reason_is_stored_without_its_lead_in()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();
        await bot.SayAsync("batal");

        var turn = await bot.SayAsync("alasannya karena anggaran dipotong");

        Assert.True((await bot.CurrentAsync()).CancelReason == "anggaran dipotong", turn.Texts());
    }
}
