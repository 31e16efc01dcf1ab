using BpomBot.Domain.Calendar;
using BpomBot.Domain.Dates;
using BpomBot.Domain.Understanding;

namespace BpomBot.Domain.Tests.Understanding;

/// <summary>Misreadings found by an end-to-end walk in the Agents Playground (not from the held-out sets).</summary>
public sealed class PlaygroundWalkFindingsTests
{
    private static readonly IntentRecognizer Recognizer = new(new DateRecognizer(new WorkingDayCalendar(HolidaySet.LoadEmbedded())));
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData("can I advertise vitamins on tiktok?")]
    [InlineData("is it ok to advertise vitamins on tiktok?")]
    [InlineData("can we sell our herbal supplement on shopee")]
    [InlineData("is it legal to promote skincare without a permit")]
    [InlineData("may I import cosmetics from korea?")]
    [InlineData("apakah boleh iklan jamu di instagram")]
    public void An_english_or_indonesian_citizen_question_about_products_or_advertising_reaches_the_faq(string text) =>
        Assert.Equal(Intent.Faq, Recognizer.Understand(text, Today).Intent);

    [Theory]
    [InlineData("can I skip this step", "lewati")]
    [InlineData("can I see my tasks", "tugas")]
    [InlineData("can I go home early", "none")]
    [InlineData("is it ok if we meet tomorrow", "none")]
    public void A_question_shape_alone_does_not_make_a_citizen_question(string text, string intent) =>
        Assert.Equal(intent, IntentCatalog.NameOf(Recognizer.Understand(text, Today).Intent));

    [Theory]
    [InlineData("bahannya udah siap")]
    [InlineData("laporan sudah jadi")]
    [InlineData("the report is ready")]
    [InlineData("materi paparan sudah final ya")]
    public void An_output_said_to_be_ready_completes_the_step(string text) =>
        Assert.Equal(Intent.Selesai, Recognizer.Understand(text, Today).Intent);

    [Theory]
    [InlineData("laporan belum jadi")]
    [InlineData("bahannya belum siap")]
    [InlineData("rencana jadi tanggal 14 desember")]
    [InlineData("siap")]
    public void A_negated_or_dated_or_bare_ready_word_is_no_completion(string text) =>
        Assert.NotEqual(Intent.Selesai, Recognizer.Understand(text, Today).Intent);

    [Theory]
    [InlineData("udah beres, ini rencananya https://contoso.sharepoint.com/rencana", "https://contoso.sharepoint.com/rencana")]
    [InlineData("done, here is the report https://contoso.sharepoint.com/r1", "https://contoso.sharepoint.com/r1")]
    [InlineData("laporan sudah selesai nomor LAP-7/2026", "LAP-7/2026")]
    public void Done_with_a_link_completes_the_step_and_carries_the_link_as_its_output(string text, string reference)
    {
        var understood = Recognizer.Understand(text, Today);

        Assert.Equal(Intent.Selesai, understood.Intent);
        Assert.Equal(reference, understood.Slots.Reference);
    }

    [Theory]
    [InlineData("ini link notulennya https://contoso.sharepoint.com/n")]
    [InlineData("surat tugas sudah terbit nomor ST-9/2026")]
    public void A_link_without_done_stays_a_kelengkapan(string text) =>
        Assert.Equal(Intent.Kelengkapan, Recognizer.Understand(text, Today).Intent);

    [Theory]
    [InlineData("Pemerintah Daerah")]
    [InlineData("pemerintah daerah dong")]
    [InlineData("pemda aja")]
    [InlineData("komunitas pendidikan ya")]
    [InlineData("organisasi profesi")]
    public void A_stakeholder_category_at_a_choice_prompt_is_its_answer_not_help(string text)
    {
        Assert.Equal(Intent.Answer, Recognizer.Understand(text, PromptKind.Choice, Today).Intent);
        Assert.NotEqual(Intent.Bantuan, Recognizer.Understand(text, Today).Intent);
    }

    [Fact]
    public void Help_still_interrupts_a_choice_prompt() =>
        Assert.Equal(Intent.Bantuan, Recognizer.Understand("bantuan dong", PromptKind.Choice, Today).Intent);
}
