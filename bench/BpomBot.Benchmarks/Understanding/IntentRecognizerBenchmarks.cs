using BenchmarkDotNet.Attributes;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Dates;
using BpomBot.Domain.Understanding;

namespace BpomBot.Benchmarks.Understanding;

/// <summary>
/// One chat message read by the understanding component, per utterance: out of context (as every handler sees it),
/// with the date slot (the dialog's reading), and at an open prompt. Mixed officer, leader, citizen, chit-chat and off-topic
/// text (30 utterances; OperationsPerInvoke follows).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class IntentRecognizerBenchmarks
{
    private static readonly string[] Utterances =
    [
        "jadwal kereta jakarta bandung besok pagi", "sy mau bikin kegiatan pembinaan UMKM dong", "mulai tahunan D", "tugas saya apa aja", "status kegiatan 2",
        "posisi kegiatan 2 sudah sampai mana", "langkah selanjutnya apa", "ini notulen FGD nya https://drive.example.com/x",
        "nomor surat tugas ST-123/2026, tolong dicatat", "langkah A.3 udh kelar", "rencana 10 desember", "jadwalnya senin depan",
        "tunda, hujan deras narsum tidak bisa datang", "kegiatan 3 bisa jalan lagi", "langkah ini tidak perlu", "kegiatan 2 dibatalkan",
        "riwayat kegiatan 1", "gimana cara pakai bot ini", "ada disposisi yang menunggu?", "cara cek produk terdaftar di BPOM",
        "apakah kosmetik ini mengandung merkuri", "how do I register a cosmetic product", "makasih ya", "qwerty",
        "mark this step as done", "plan it for next tuesday", "show my approvals", "kelengkpan", "selesaiii dong",
        "bagaimana cara melaporkan obat palsu yang dijual online di marketplace",
    ];

    private readonly IntentRecognizer plain = new();
    private readonly IntentRecognizer withDates = new(new DateRecognizer(new WorkingDayCalendar(HolidaySet.LoadEmbedded())));
    private readonly DateOnly today = new(2026, 12, 7);

    [Benchmark(Baseline = true, OperationsPerInvoke = 30)]
    public Intent OutOfContext()
    {
        var last = Intent.None;
        foreach (var text in Utterances)
        {
            last = plain.Understand(text).Intent;
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = 30)]
    public Intent WithDateSlot()
    {
        var last = Intent.None;
        foreach (var text in Utterances)
        {
            last = withDates.Understand(text, today).Intent;
        }

        return last;
    }

    [Benchmark(OperationsPerInvoke = 30)]
    public Intent AtOpenPrompt()
    {
        var last = Intent.None;
        foreach (var text in Utterances)
        {
            last = withDates.Understand(text, PromptKind.Text, today).Intent;
        }

        return last;
    }
}
