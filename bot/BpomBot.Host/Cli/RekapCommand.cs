using System.CommandLine;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Rekap;
using BpomBot.Domain.Sop;
using BpomBot.Domain.Workflow;
using BpomBot.Storage;
using BpomBot.Teams.Rekap;
using Microsoft.Extensions.Options;

namespace BpomBot.Host.Cli;

/// <summary>`bpombot rekap --year 2026 [--sub A] [--unit id] --xlsx out.xlsx`: the recap workbook from stored kegiatan.</summary>
internal static class RekapCommand
{
    public static Command Create()
    {
        var year = new Option<int>("--year") { Description = "Tahun rekap, mis. 2026.", Required = true };
        var sub = new Option<string?>("--sub") { Description = "Sub-proses A, B, C atau D (default: semua)." };
        var unit = new Option<string?>("--unit") { Description = "ID unit: unit itu dan unit di bawahnya (default: seluruh BPOM)." };
        var xlsx = new Option<FileInfo>("--xlsx") { Description = "Berkas Excel keluaran.", Required = true };
        var command = new Command("rekap", "Rekap kegiatan setahun sebagai buku kerja Excel.") { year, sub, unit, xlsx };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var provider = Services(null);
            try
            {
                return await RunAsync(Service(provider), parse.GetValue(year), parse.GetValue(sub), parse.GetValue(unit), parse.GetValue(xlsx)!, Console.Out, Console.Error, cancellationToken);
            }
            catch (OptionsValidationException ex)
            {
                foreach (var failure in ex.Failures) await Console.Error.WriteLineAsync($"bpombot: invalid setting: {failure}");
                return 2;
            }
        });
        return command;
    }

    /// <summary>Storage from configuration (appsettings.json next to the app, environment variables), as the bot uses it.</summary>
    internal static ServiceProvider Services(Action<IConfigurationBuilder>? configure)
    {
        var builder = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: true).AddEnvironmentVariables();
        configure?.Invoke(builder);
        return new ServiceCollection().AddLogging().AddBpomTableStorage(builder.Build()).BuildServiceProvider();
    }

    internal static RekapService Service(IServiceProvider provider)
    {
        _ = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
        var units = UnitCatalog.LoadEmbedded();
        return new RekapService(provider.GetRequiredService<IKegiatanRepository>(), SopCatalog.LoadEmbedded(), units,
            new WorkingDayCalendar(HolidaySet.LoadEmbedded()), new OfficeClock(TimeProvider.System, units), TimeProvider.System, provider.GetRequiredService<IAuditLog>(),
            provider.GetService<IRekapSource>());
    }

    /// <summary>
    /// Computes the recap and writes the workbook. The file is written next to the target and moved into place only when
    /// complete, so a failure (storage down) leaves no half-written workbook. Exit codes: 0 written, 1 storage down, 2 bad input.
    /// </summary>
    internal static async Task<int> RunAsync(RekapService service, int year, string? sub, string? unit, FileInfo xlsx, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        RekapOutcome outcome;
        try
        {
            outcome = await service.BuildAsync(RekapViewer.System, year, sub, unit, cancellationToken);
        }
        catch (StorageUnavailableException)
        {
            await stderr.WriteLineAsync("Penyimpanan sedang tidak dapat dihubungi; coba lagi sebentar. Tidak ada berkas yang ditulis.");
            return 1;
        }

        if (outcome.Result is not { } result)
        {
            await stderr.WriteLineAsync(outcome.Message);
            return 2;
        }

        var temp = Path.Combine(xlsx.DirectoryName ?? ".", $".{xlsx.Name}.{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var file = File.Create(temp))
            {
                RekapWorkbook.Write(result, file);
            }

            File.Move(temp, xlsx.FullName, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }

        var t = result.Timing;
        await stdout.WriteLineAsync(outcome.Message);
        await stdout.WriteLineAsync($"Kegiatan: {result.Kegiatan.Count}; tahap tepat waktu {t.TepatWaktu}, terlambat {t.Terlambat}, lewat batas {t.LewatBatas}"
            + $" ({(t.OnTimePercent is { } p ? $"{p:0.0}% tepat waktu" : "belum ada tahap yang dinilai")}); laporan tahunan UPT masuk {result.AnnualReports.Count(r => r.IsIn)} dari {result.AnnualReports.Count}.");
        await stdout.WriteLineAsync($"Ditulis: {xlsx.FullName}");
        return 0;
    }
}
