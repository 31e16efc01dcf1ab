using BpomBot.Domain.Workflow;

namespace BpomBot.Teams.Tests.Conversation;

/// <summary>
/// Turn-level tests of free phrasing: intents in the officer's own words at rest and at open prompts (answer or
/// interruption), confirmation of destructive intents, the clarifying question, English to the end and bad input.
/// </summary>
public sealed class FreePhrasingTurnTests : IDisposable
{
    private readonly ConversationHarness bot = new();

    public void Dispose() => bot.Dispose();

    private async Task<Kegiatan> StartedAsync()
    {
        await bot.RegisteredAsync();
        return await bot.StartKegiatanAsync();
    }

    [Fact]
    public async Task A_sentence_with_the_sub_process_skips_the_sub_process_question()
    {
        await bot.RegisteredAsync();

        var turn = await bot.SayAsync("sy mau bikin kegiatan pembinaan UMKM dong");

        Assert.Contains("judul kegiatan", turn.Texts());
        Assert.DoesNotContain("Sub-proses mana", turn.Texts());
    }

    [Fact]
    public async Task Mulai_kegiatan_B_starts_at_the_title_question()
    {
        await bot.RegisteredAsync();

        Assert.Contains("judul kegiatan", (await bot.SayAsync("mulai kegiatan B")).Texts());
    }

    /// <summary>A.1 and A.2 walked in the officer's own words, up to A.3 (a step planned by date).</summary>
    private async Task WalkToA3InOwnWordsAsync()
    {
        await StartedAsync();
        await bot.SayAllAsync("catat kelengkapan dong", "1", "B-1/2026", "hari ini", "langkah ini udah beres", "rencana-a1", "udh kelar", "bahan-a2");
        Assert.Equal("A.3", (await bot.CurrentAsync()).CurrentStepId);
    }

    [Fact]
    public async Task A_plan_date_in_the_sentence_is_used()
    {
        await WalkToA3InOwnWordsAsync();

        var turn = await bot.SayAsync("jadwalnya tanggal 20 maret 2026 ya");

        Assert.True(turn.Texts().Contains("Rencana langkah A.3", StringComparison.Ordinal), turn.Texts());
        Assert.Equal(new DateOnly(2026, 3, 20), (await bot.CurrentAsync()).CurrentStep!.PlannedOn);
    }

    [Fact]
    public async Task A_reference_in_the_sentence_skips_the_reference_question()
    {
        await StartedAsync();

        var turn = await bot.SayAsync("surat tugasnya sudah ada nomor ST-7/2026, tolong dicatat");
        if (turn.Texts().Contains("Ketik nomornya", StringComparison.Ordinal))
        {
            turn = await bot.SayAsync("1");
        }

        Assert.Contains("Referensi: ST-7/2026", turn.Texts());
        Assert.Contains("Tanggal diterima", turn.Texts());
    }

    [Fact]
    public async Task An_officer_sentence_at_rest_is_a_command_not_a_question()
    {
        await StartedAsync();

        var turn = await bot.SayAsync("tugas saya apa aja");

        Assert.Contains("Tugas Anda", turn.Texts());
    }

    [Fact]
    public async Task An_unknown_kegiatan_number_names_the_officers_kegiatan()
    {
        await StartedAsync();

        Assert.Contains("Kegiatan 9 tidak ada; kegiatan Anda: 1.", (await bot.SayAsync("status kegiatan 9")).Texts());
        Assert.Contains("There is no kegiatan 9; your kegiatan: 1.", (await bot.SayAsync("status of activity 9")).Texts());
    }

    [Fact]
    public async Task Batal_from_a_sentence_asks_to_confirm_and_acts_only_on_yes()
    {
        await StartedAsync();

        var asked = await bot.SayAsync("kegiatan ini dibatalkan karena anggaran dipotong");

        Assert.Contains("Batalkan kegiatan", asked.CardText());
        Assert.Contains("imBack", asked.CardText());
        Assert.Equal(KegiatanStatus.Berjalan, (await bot.CurrentAsync()).Status);

        var done = await bot.SayAsync("ya");

        Assert.Contains("dibatalkan", done.Texts());
        var k = await bot.CurrentAsync();
        Assert.Equal(KegiatanStatus.Dibatalkan, k.Status);
        Assert.Equal("anggaran dipotong", k.CancelReason);
    }

    [Fact]
    public async Task A_no_to_the_confirmation_changes_nothing()
    {
        var before = await StartedAsync();

        await bot.SayAsync("kegiatan 1 ga jadi dilaksanakan, batalin aja");
        var no = await bot.SayAsync("tidak");

        Assert.Contains("tidak jadi", no.Texts());
        Assert.Equal(before.Version, (await bot.CurrentAsync()).Version);
    }

    [Fact]
    public async Task A_bare_batal_asks_for_the_reason_without_a_confirmation_button()
    {
        await StartedAsync();

        var turn = await bot.SayAsync("batal");

        Assert.Contains("Alasan membatalkan", turn.Texts());
    }

    [Fact]
    public async Task At_the_title_prompt_a_title_is_the_answer_even_when_it_has_command_words()
    {
        await bot.RegisteredAsync();
        await bot.SayAllAsync("mulai", "A");

        var turn = await bot.SayAsync("FGD selesai tepat waktu dengan Pemda");

        Assert.Contains("pemangku kepentingan", turn.Texts());
    }

    [Fact]
    public async Task At_a_prompt_another_clear_command_interrupts_and_says_the_prompt_was_closed()
    {
        await StartedAsync();
        await bot.SayAsync("tunda");

        var turn = await bot.SayAsync("tugas");

        Assert.Contains("saya tutup", turn.Texts());
        Assert.Contains("Tugas Anda", turn.Texts());
        Assert.Contains("judul kegiatan", (await bot.SayAsync("mulai A")).Texts()); // the reason prompt is gone
    }

    [Fact]
    public async Task At_the_date_prompt_a_free_date_is_the_answer()
    {
        await WalkToA3InOwnWordsAsync();
        await bot.SayAsync("rencana");

        var turn = await bot.SayAsync("tanggal 20 maret 2026 aja");

        Assert.True(turn.Texts().Contains("Rencana langkah A.3", StringComparison.Ordinal), turn.Texts());
    }

    [Fact]
    public async Task At_a_choice_prompt_bantuan_keeps_the_prompt_and_batal_closes_it()
    {
        await bot.RegisteredAsync();
        await bot.SayAsync("mulai");

        var help = await bot.SayAsync("bantuan");
        Assert.True(help.Texts().Contains("masih menunggu", StringComparison.Ordinal), help.Texts() + help.CardText());
        Assert.Contains("dibatalkan", (await bot.SayAsync("ga jadi deh")).Texts());
        Assert.Empty(await bot.Stores.Kegiatan.ListByOfficerAsync(bot.User));
    }

    [Fact]
    public async Task Two_near_readings_get_a_clarifying_question_with_buttons_not_the_help_card()
    {
        await StartedAsync();

        var turn = await bot.SayAsync("kegiatan 1 selesai atau bagaimana statusnya");

        Assert.Contains("Maksud Anda", turn.CardText());
        Assert.Contains("\"selesai 1\"", turn.CardText());
        Assert.Contains("\"status 1\"", turn.CardText());
        Assert.DoesNotContain("Halo, saya BpomBot", turn.CardText());
    }

    [Fact]
    public async Task English_end_to_end_including_an_engine_refusal()
    {
        await StartedAsync();

        var refused = await bot.SayAsync("resume activity 1");

        var text = refused.Texts();
        Assert.DoesNotContain("Langkah", text);
        Assert.DoesNotContain("tidak", text);
        Assert.Contains("The step is not in a state that allows this.", text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("😀🙏")]
    [InlineData("<b></b><br/>")]
    [InlineData("<at>BpomBot</at>")]
    public async Task Bad_input_gets_a_short_answer_and_stores_nothing(string text)
    {
        var turn = await bot.SayAsync(text);

        Assert.Contains("belum memahami", turn.Texts());
        Assert.Equal(0, bot.Stores.Dialogs.Saves);
    }

    [Fact]
    public async Task Ten_thousand_characters_get_an_answer_and_lose_nothing()
    {
        var before = await StartedAsync();

        var turn = await bot.SayAsync(new string('a', 10_000));

        Assert.NotEmpty(turn.Sent);
        Assert.Equal(before.Version, (await bot.CurrentAsync()).Version);
    }
}
