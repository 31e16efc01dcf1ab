using System.CommandLine;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Faq;
using BpomBot.Domain.Faq.Candidates;
using BpomBot.Domain.Faq.Tickets;
using BpomBot.Host.Faq;
using BpomBot.Storage;
using BpomBot.Storage.Faq;
using BpomBot.Teams.Faq;

namespace BpomBot.Host.Cli;

/// <summary>
/// `bpombot faq laporan`: the least helpful FAQ topics (count, share 👎, recent reasons) and the week's most frequent
/// declined questions, read from the storage that
/// appsettings.json and environment variables (e.g. <c>Storage__ConnectionString</c>) name.
/// </summary>
internal static class FaqLaporanCommand
{
    public static Command Create(Func<IConfiguration>? configuration = null)
    {
        configuration ??= () => new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
        var top = new Option<int>("--top") { Description = "How many topics to list.", DefaultValueFactory = _ => 10 };
        var command = new Command("laporan", "Topik FAQ yang paling kurang membantu menurut penilaian 👍/👎.") { top };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var count = parse.GetValue(top);
            if (count < 1)
            {
                error.WriteLine("--top harus 1 atau lebih.");
                return 2;
            }

            await using var services = new ServiceCollection().AddLogging().AddBpomTableStorage(configuration()).AddBpomFaqCandidateStorage().BuildServiceProvider();
            try
            {
                var rows = await FaqFeedbackReport.BuildAsync(
                    services.GetRequiredService<IFaqFeedbackRepository>(), FaqKnowledgeBaseLoader.Embedded.Entries, count, cancellationToken);
                output.WriteLine(rows.Count == 0 ? "Belum ada penilaian 👎 pada jawaban FAQ." : "Topik FAQ yang paling kurang membantu:");
                foreach (var row in rows)
                {
                    output.WriteLine(FaqCards.FormatRow(row));
                }

                var repository = services.GetRequiredService<IFaqCandidateRepository>();
                var desk = new FaqCandidateDesk(repository, new FaqVariantIndex(new FaqRetriever(FaqKnowledgeBaseLoader.Embedded), repository, TimeProvider.System), services.GetRequiredService<IAuditLog>(), TimeProvider.System);
                var declined = await desk.DeclinedThisWeekAsync(count, cancellationToken);
                output.WriteLine(declined.Count == 0 ? "Tidak ada pertanyaan yang tidak terjawab dalam 7 hari terakhir." : "Pertanyaan yang tidak terjawab minggu ini:");
                foreach (var row in declined)
                {
                    output.WriteLine("  " + FaqCards.FormatDeclined(row));
                }

                return 0;
            }
            catch (Exception ex) when (CliStorage.IsStorageFailure(ex))
            {
                return CliStorage.Report(ex, output, error, "Belum ada penilaian 👎 pada jawaban FAQ.");
            }
        });
        return command;
    }
}
