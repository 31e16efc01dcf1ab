using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Workflow;

namespace BpomBot.Teams.Tests.Conversation;

/// <summary>The officer's task list says what each task really waits on, and kegiatan keep their numbers.</summary>
public sealed class TugasTurnTests : IDisposable
{
    private readonly ConversationHarness bot = new();

    public void Dispose() => bot.Dispose();

    [Fact]
    public async Task Numbers_StayWithTheirKegiatan_WhenAnEarlierOneEnds()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync("FGD satu");
        await bot.StartKegiatanAsync("FGD dua");
        await bot.StartKegiatanAsync("FGD tiga");
        Assert.Contains("2. **FGD dua**", (await bot.SayAsync("tugas")).Texts());

        await bot.SayAsync("lanjut 1");
        await bot.SayAllAsync("batal", "Pemda membatalkan jadwal");
        Assert.Equal(KegiatanStatus.Dibatalkan, (await bot.Stores.Kegiatan.ListByOfficerAsync(bot.User)).Single(k => k.Title == "FGD satu").Status);

        var tasks = (await bot.SayAsync("tugas")).Texts();
        Assert.DoesNotContain("FGD satu", tasks);
        Assert.Contains("2. **FGD dua**", tasks);
        Assert.Contains("3. **FGD tiga**", tasks);
        Assert.Contains("FGD tiga", (await bot.SayAsync("lanjut 3")).CardText());
        Assert.Contains("FGD dua", (await bot.SayAsync("lanjut 2")).CardText());
        Assert.Contains("tidak ada", (await bot.SayAsync("lanjut 1")).Texts());
        Assert.Equal([1, 2, 3], (await bot.Stores.Kegiatan.ListByOfficerAsync(bot.User)).OrderBy(k => k.CreatedAt).Select(k => k.Number ?? 0));
    }

    [Fact]
    public async Task PickList_ShowsTheStableNumbers_AndAcceptsThem()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync("FGD satu");
        await bot.StartKegiatanAsync("FGD dua");
        await bot.StartKegiatanAsync("FGD tiga");
        await bot.SayAsync("lanjut 1");
        await bot.SayAllAsync("batal", "Pemda membatalkan jadwal");
        bot.ConversationId = "a:personal-2"; // nothing selected

        var asked = (await bot.SayAsync("lanjut")).Texts();
        Assert.Contains("2. FGD dua", asked);
        Assert.Contains("3. FGD tiga", asked);
        Assert.Contains("Ketik nomor kegiatan: 2, 3", (await bot.SayAsync("1")).Texts());
        Assert.Contains("FGD tiga", (await bot.SayAsync("3")).CardText());
    }

    [Fact]
    public async Task Paused_ShowsDitundaSinceWithItsReason_NotSisaHkGreen()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();
        await bot.SayAllAsync("kelengkapan", "1", "B-1/2026", "hari ini", "tunda", "menunggu jadwal narasumber");

        var tasks = (await bot.SayAsync("tugas")).Texts();

        Assert.Contains("ditunda sejak 2 Maret 2026 (0 HK): menunggu jadwal narasumber ⚪ tertahan", tasks);
        Assert.DoesNotContain("hijau", tasks);
        Assert.DoesNotContain("<", tasks);
    }

    [Fact]
    public async Task WaitingForLeader_ShowsWhomAndSince_OrThatNothingWentOut()
    {
        await bot.RegisteredAsync();
        await bot.StartKegiatanAsync();
        await bot.SayAllAsync("kelengkapan", "1", "B-1/2026", "hari ini", "selesai", "rencana-a1", "selesai", "bahan-a2");
        await bot.SayAllAsync("rencana 20 Maret 2026", "selesai", "https://drive.pom.go.id/notulen.pdf", "selesai", "https://drive.pom.go.id/laporan-a4.pdf");
        Assert.Equal(StepStatus.MenungguDisposisi, (await bot.CurrentAsync()).CurrentStep!.Status);
        bot.Stores.Time.Advance(TimeSpan.FromDays(3)); // Thursday 5 March

        bot.Stores.Disposisi.Progress = new DisposisiProgress(DisposisiProgressKind.Menunggu, "Budi Kepala", ConversationHarness.Start, new DateOnly(2026, 3, 9), null);
        var waiting = (await bot.SayAsync("tugas")).Texts();
        Assert.Contains("menunggu disposisi Budi Kepala sejak 2 Maret 2026 (3 HK)", waiting);
        Assert.Contains("hijau", waiting);

        bot.Stores.Disposisi.Progress = new DisposisiProgress(DisposisiProgressKind.BelumTerkirim, null, null, null, "Kepala Balai belum terdaftar di roster unit ini.");
        var stuck = (await bot.SayAsync("tugas")).Texts();
        Assert.Contains("disposisi belum terkirim: Kepala Balai belum terdaftar di roster unit ini 🔴 merah", stuck);

        var english = (await bot.SayAsync("tasks")).Texts();
        Assert.Contains("disposisi not sent", english);
        Assert.Contains("🔴 red", english);
    }
}
