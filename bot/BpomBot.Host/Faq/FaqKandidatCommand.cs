using System.CommandLine;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Faq;
using BpomBot.Domain.Faq.Candidates;
using BpomBot.Storage;
using BpomBot.Storage.Faq;
using BpomBot.Host.Cli;

namespace BpomBot.Host.Faq;

/// <summary>
/// `bpombot faq kandidat`: lists candidate variants waiting for review; `faq kandidat terima|tolak &lt;id&gt; --oleh
/// &lt;nama&gt;` decides one (audited; deciding twice changes nothing). Storage as for `faq laporan`.
/// </summary>
internal static class FaqKandidatCommand
{
    public static Command Create(Func<IConfiguration>? configuration = null)
    {
        configuration ??= () => new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var command = new Command("kandidat", "Kandidat variasi pertanyaan FAQ yang menunggu tinjauan petugas HALOBPOM.");
        command.SetAction((parse, ct) => RunAsync(configuration, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, null, null, null, ct));
        foreach (var (name, accept) in new[] { ("terima", true), ("tolak", false) })
        {
            var id = new Argument<string>("id") { Description = "Id kandidat (dari `faq kandidat`)." };
            var by = new Option<string>("--oleh") { Description = "Nama petugas yang meninjau (dicatat di audit).", Required = true };
            var sub = new Command(name, accept ? "Terima kandidat: dipakai untuk menjawab mulai sekarang." : "Tolak kandidat.") { id, by };
            sub.SetAction((parse, ct) => RunAsync(configuration, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(id), parse.GetValue(by), accept, ct));
            command.Subcommands.Add(sub);
        }

        return command;
    }

    private static async Task<int> RunAsync(
        Func<IConfiguration> configuration, TextWriter output, TextWriter error, string? id, string? reviewer, bool? accept, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection().AddLogging().AddBpomTableStorage(configuration()).AddBpomFaqCandidateStorage().BuildServiceProvider();
        try
        {
            var repository = services.GetRequiredService<IFaqCandidateRepository>();
            var shipped = new FaqRetriever(FaqKnowledgeBaseLoader.Embedded);
            var desk = new FaqCandidateDesk(repository, new FaqVariantIndex(shipped, repository, TimeProvider.System), services.GetRequiredService<IAuditLog>(), TimeProvider.System);
            if (id is null)
            {
                var pending = await desk.PendingAsync(cancellationToken);
                output.WriteLine(pending.Count == 0 ? "Tidak ada kandidat yang menunggu tinjauan." : $"{pending.Count} kandidat menunggu tinjauan:");
                foreach (var c in pending)
                {
                    output.WriteLine($"  {c.Id}  {c.TopicId}  \"{c.Question}\"  ({c.Source}, {c.CreatedAt:yyyy-MM-dd})");
                }

                return 0;
            }

            var result = accept == true ? await desk.AcceptAsync(id, reviewer!, cancellationToken) : await desk.RejectAsync(id, reviewer!, cancellationToken);
            switch (result.Outcome)
            {
                case FaqReviewOutcome.NotFound:
                    error.WriteLine($"Kandidat {id} tidak ditemukan.");
                    return 1;
                case FaqReviewOutcome.AlreadyDecided:
                    output.WriteLine($"Kandidat {id} sudah {result.Candidate!.Status} oleh {result.Candidate.ReviewedBy}; tidak ada yang diubah.");
                    return 0;
                default:
                    output.WriteLine($"Kandidat {id} {result.Candidate!.Status}: \"{result.Candidate.Question}\" → {result.Candidate.TopicId}.");
                    return 0;
            }
        }
        catch (Exception ex) when (CliStorage.IsStorageFailure(ex))
        {
            return CliStorage.Report(ex, output, error, "Belum ada kandidat (tabel dibuat saat bot pertama kali berjalan).");
        }
    }
}
