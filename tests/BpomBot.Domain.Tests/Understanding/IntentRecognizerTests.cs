using System.Runtime.CompilerServices;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Dates;
using BpomBot.Domain.Understanding;

namespace BpomBot.Domain.Tests.Understanding;

public sealed class IntentRecognizerTests
{
    private static readonly IntentRecognizer Recognizer = new(new DateRecognizer(new WorkingDayCalendar(HolidaySet.LoadEmbedded())));
    private static readonly DateOnly Today = new(2026, 12, 7);

    private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private static IntentEvaluation Evaluate(string path)
    {
        using var reader = File.OpenText(path);
        return IntentEvaluation.Run(Recognizer, IntentEvaluation.ReadTsv(reader));
    }

    private static string DataFile(string name) => Path.Combine(Here(), "..", "..", "..", "bot", "BpomBot.Domain", "Data", "understanding", name);

    // Regression floors, not targets: the figures reached at the end of the second round (docs/understanding.md).
    // dev, train, test and test2 are tuned on; test3 and test4 never were (test3's misses were seen once, test4's never).
    [Theory]
    [InlineData("dev", 99, 1.0)]
    [InlineData("train", 356, 1.0)]
    [InlineData("test", 148, 1.0)]
    [InlineData("test2", 99, 1.0)]
    [InlineData("test3", 165, 0.99)]
    [InlineData("test4", 76, 0.97)]
    public void Labelled_sets_stay_at_or_above_their_floor_and_never_take_the_wrong_door(string set, int rows, double floor)
    {
        var result = Evaluate(set == "dev" ? Path.Combine(Here(), "dev.tsv") : DataFile(set + ".tsv"));

        Assert.True(result.Total >= rows, $"{set}: only {result.Total} rows read");
        Assert.True(result.Accuracy >= floor, result.Format());
        Assert.Equal(0, result.CommandsAsFaq);
        Assert.True(result.FaqAsCommandsRate <= 0.02, result.Format());
        Assert.True(result.NoneAsCommands == 0, result.Format());
    }

    // test5 (third round, blind until its "before" run): its one chit-chat miss is "good morning", which the catalog reads
    // as a greeting (bantuan) by design; it is kept as labelled and allowed here rather than relabelled afterwards.
    [Fact]
    public void Test5_stays_at_or_above_its_floor_and_never_takes_the_wrong_door()
    {
        var result = Evaluate(DataFile("test5.tsv"));

        Assert.True(result.Total >= 64, $"test5: only {result.Total} rows read");
        Assert.True(result.Accuracy >= 0.93, result.Format());
        Assert.Equal(0, result.CommandsAsFaq);
        Assert.True(result.FaqAsCommandsRate <= 0.02, result.Format());
        Assert.True(result.NoneAsCommands <= 1, result.Format());
    }

    [Theory]
    [InlineData("jadwal kereta jakarta bandung besok pagi")]
    [InlineData("cuaca besok gimana")]
    [InlineData("harga tiket pesawat ke medan minggu depan")]
    [InlineData("nonton bola nanti malam")]
    public void A_sentence_about_an_everyday_topic_is_chit_chat_even_with_a_date_or_a_command_word(string text) =>
        Assert.Equal(Intent.None, Recognizer.Understand(text, Today).Intent);

    [Theory]
    [InlineData("tunda, hujan deras narsum tidak bisa datang", "tunda", "hujan deras narsum tidak bisa datang")]
    [InlineData("kegiatan 2 ditunda karena tiket pesawat narasumber belum ada", "tunda", "tiket pesawat narasumber belum ada")]
    [InlineData("batalin kegiatan 2, pesawat narsum delay", "batal", "pesawat narsum delay")]
    public void An_everyday_topic_in_the_reason_leaves_the_command_as_it_is(string text, string intent, string reason)
    {
        var understood = Recognizer.Understand(text, Today);

        Assert.Equal(intent, IntentCatalog.NameOf(understood.Intent));
        Assert.Equal(reason, understood.Slots.Reason);
    }

    [Theory]
    [InlineData("jadwalkan rapat di hotel tanggal 14 januari", 2027, 1, 14)]
    [InlineData("rencana 12 maret", 2027, 3, 12)]
    [InlineData("plan it for 3 march", 2027, 3, 3)]
    public void An_officer_sentence_or_a_month_name_keeps_the_rencana(string text, int year, int month, int day)
    {
        var understood = Recognizer.Understand(text, Today);

        Assert.Equal(Intent.Rencana, understood.Intent);
        Assert.Equal(new DateOnly(year, month, day), understood.Slots.Date);
    }

    [Theory]
    [InlineData("jalanin lagi kegiatan 2", "lanjutkan", 2)]
    [InlineData("selesaiin langkah B.3", "selesai", null)]
    [InlineData("ada yg perlu sy tanda tangani?", "disposisi", null)]
    [InlineData("pending approvals", "disposisi", null)]
    [InlineData("kegiatan 4 lanjut lagi", "lanjutkan", 4)]
    public void Jakarta_verbs_and_leaders_words_are_read(string text, string intent, int? kegiatan)
    {
        var understood = Recognizer.Understand(text, Today);

        Assert.Equal(intent, IntentCatalog.NameOf(understood.Intent));
        Assert.Equal(kegiatan, understood.Slots.Kegiatan);
    }

    [Theory]
    [InlineData("mulai kegiatan B", "mulai", null, "B")]
    [InlineData("sy mau bikin kegiatan pembinaan UMKM", "mulai", null, "B")]
    [InlineData("mulai tahunan D", "mulai-tahunan", null, "D")]
    [InlineData("status 4", "status", 4, null)]
    [InlineData("posisi kegiatan 2 sudah sampai mana", "status", 2, null)]
    [InlineData("kegiatan 2 dibatalkan", "batal", 2, null)]
    [InlineData("skip 3", "lewati", 3, null)]
    public void Reads_the_kegiatan_number_and_sub_process_given_in_the_sentence(string text, string intent, int? kegiatan, string? sub)
    {
        var understood = Recognizer.Understand(text, Today);

        Assert.Equal(intent, IntentCatalog.NameOf(understood.Intent));
        Assert.Equal(kegiatan, understood.Slots.Kegiatan);
        Assert.Equal(sub, understood.Slots.SubProcess);
    }

    [Fact]
    public void A_date_in_the_sentence_goes_through_the_date_recognizer()
    {
        var understood = Recognizer.Understand("rencana 10 desember", Today);

        Assert.Equal(Intent.Rencana, understood.Intent);
        Assert.Equal(new DateOnly(2026, 12, 10), understood.Slots.Date);
        Assert.Null(understood.Slots.Kegiatan);
    }

    [Theory]
    [InlineData("tahan dulu, anggaran belum turun", "anggaran belum turun")]
    [InlineData("kegiatan ini dibatalkan karena pandemi", "pandemi")]
    [InlineData("tunda menunggu narasumber", "menunggu narasumber")]
    [InlineData("tunda 2", null)]
    public void Reads_the_reason(string text, string? reason) =>
        Assert.Equal(reason, Recognizer.Understand(text, Today).Slots.Reason);

    [Theory]
    [InlineData("nomor surat tugas ST-123/2026, tolong dicatat", "ST-123/2026")]
    [InlineData("ini link dokumentasinya https://drive.example.com/abc.", "https://drive.example.com/abc")]
    public void Reads_a_reference_for_kelengkapan(string text, string reference)
    {
        var understood = Recognizer.Understand(text, Today);

        Assert.Equal(Intent.Kelengkapan, understood.Intent);
        Assert.Equal(reference, understood.Slots.Reference);
    }

    [Fact]
    public void Reads_the_step_id() =>
        Assert.Equal(("selesai", "A.3"), (IntentCatalog.NameOf(Recognizer.Understand("langkah a.3 udh kelar").Intent), Recognizer.Understand("langkah a.3 udh kelar").Slots.StepId));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("😀🙏")]
    [InlineData("<at>BpomBot</at>")]
    [InlineData("!!!???...")]
    public void Empty_emoji_and_markup_only_are_none(string text) => Assert.Equal(Intent.None, Recognizer.Understand(text).Intent);

    [Fact]
    public void Very_long_text_is_read_from_its_start_only()
    {
        var understood = Recognizer.Understand("status 2 " + new string('x', 10_000));

        Assert.Equal(Intent.Status, understood.Intent);
    }

    [Theory]
    [InlineData("selesaiii dong", "selesai")]
    [InlineData("kelengkpan", "kelengkapan")]
    [InlineData("riwayt kegiatan 2", "riwayat")]
    [InlineData("disposis", "disposisi")]
    [InlineData("batalin aja deh", "batal")]
    [InlineData("udh beres sih", "selesai")]
    public void Typos_abbreviations_and_particles_are_read_through(string text, string intent) =>
        Assert.Equal(intent, IntentCatalog.NameOf(Recognizer.Understand(text).Intent));

    [Theory]
    [InlineData("status izin edar produk saya?")]
    [InlineData("cara daftar PIRT gimana")]
    [InlineData("mau lapor kosmetik bermerkuri")]
    public void A_citizen_question_is_never_a_command(string text) => Assert.Equal(Intent.Faq, Recognizer.Understand(text).Intent);

    [Theory]
    [InlineData("langkah ini sudah selesai")]
    [InlineData("tugas saya apa aja")]
    [InlineData("ga jadi")]
    [InlineData("status kegiatan 2?")]
    public void An_officer_sentence_is_never_a_faq(string text) => Assert.NotEqual(Intent.Faq, Recognizer.Understand(text).Intent);

    [Theory]
    [InlineData("2", PromptKind.Choice, "answer")]
    [InlineData("pemberdayaan", PromptKind.Choice, "answer")]
    [InlineData("tugas", PromptKind.Choice, "tugas")]
    [InlineData("batal", PromptKind.Text, "batal")]
    [InlineData("FGD keamanan pangan dengan Pemda", PromptKind.Text, "answer")]
    [InlineData("menunggu jadwal narasumber", PromptKind.Text, "answer")]
    [InlineData("bantuan", PromptKind.Text, "bantuan")]
    [InlineData("senin depan", PromptKind.Date, "answer")]
    [InlineData("tugas saya apa aja", PromptKind.Date, "tugas")]
    [InlineData("https://x.example/notulen", PromptKind.Reference, "answer")]
    [InlineData("riwayat", PromptKind.Reference, "riwayat")]
    public void At_an_open_prompt_an_answer_is_an_answer_and_a_clear_command_interrupts(string text, PromptKind prompt, string intent)
    {
        var understood = Recognizer.Understand(text, prompt, Today);

        Assert.Equal(intent, IntentCatalog.NameOf(understood.Intent));
        Assert.Equal(intent != "answer", understood.Interrupts);
    }

    [Theory]
    [InlineData("ya", true)]
    [InlineData("iya betul", true)]
    [InlineData("yes", true)]
    [InlineData("ga jadi", false)]
    [InlineData("tidak", false)]
    [InlineData("batal", false)]
    public void A_confirmation_reads_yes_and_no(string text, bool yes) =>
        Assert.Equal(yes, Recognizer.Understand(text, PromptKind.Confirm).Slots.Yes);

    [Fact]
    public void Two_nearly_equal_readings_are_offered_as_alternatives()
    {
        var understood = Recognizer.Understand("kegiatan 3 selesai atau bagaimana statusnya");

        Assert.True(understood.IsAmbiguous, IntentCatalog.NameOf(understood.Intent));
        Assert.Contains(Intent.Selesai, understood.Choices);
        Assert.Contains(Intent.Status, understood.Choices);
    }

    [Theory]
    [InlineData("rekap", null)]
    [InlineData("rekap 2026 B", "B")]
    [InlineData("minta rekap kegiatan tahun ini", null)]
    [InlineData("laporan rekap unit saya", null)]
    [InlineData("give me a recap of this year", null)]
    [InlineData("rekapitulasi kegiatan pembinaan", "B")]
    public void A_recap_ask_is_rekap_never_faq(string text, string? sub)
    {
        var understood = Recognizer.Understand(text);

        Assert.Equal(Intent.Rekap, understood.Intent);
        Assert.Equal(sub, understood.Slots.SubProcess);
    }

    [Fact]
    public void Every_command_word_is_read_as_its_intent()
    {
        foreach (var (word, (intent, _)) in IntentCatalog.CommandWords)
        {
            var got = Recognizer.Understand(word).Intent;
            Assert.True(got == intent, $"{word}: {got}");
        }
    }

    [Fact]
    public void Every_listed_intent_has_both_descriptions()
    {
        foreach (var info in IntentCatalog.Intents.Where(i => Understood.IsCommand(i.Intent) || i.Intent == Intent.Faq))
        {
            Assert.False(string.IsNullOrWhiteSpace(info.Description), info.Name);
            Assert.False(string.IsNullOrWhiteSpace(info.EnglishDescription), info.Name);
        }
    }
}
