using System.CommandLine;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Organization;
using BpomBot.Storage;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Repositories;
using Microsoft.Extensions.Options;

namespace BpomBot.Host.Cli;

/// <summary>
/// `bpombot override &lt;yyyy-MM-dd&gt; --libur|--kerja [--unit id] --alasan "…" --oleh "…"`: an administrator's stored,
/// audited correction of the HK calendar (a unit's office closure, or a national date), applied by every instance
/// on its next calendar refresh. `bpombot override --list` shows the stored overrides.
/// </summary>
internal static class CalendarOverrideCommand
{
    public static Command Create()
    {
        var command = new Command("override", "Koreksi kalender HK (penutupan kantor unit atau tanggal nasional), disimpan dan diaudit");
        var date = new Argument<string?>("tanggal") { Arity = ArgumentArity.ZeroOrOne };
        var libur = new Option<bool>("--libur") { Description = "jadikan tanggal itu bukan hari kerja" };
        var kerja = new Option<bool>("--kerja") { Description = "batalkan libur pada tanggal itu (akhir pekan tetap libur)" };
        var unit = new Option<string?>("--unit") { Description = "id unit; tanpa --unit berlaku nasional" };
        var reason = new Option<string?>("--alasan") { Description = "alasan (wajib)" };
        var by = new Option<string?>("--oleh") { Description = "siapa yang mengubah (wajib)" };
        var list = new Option<bool>("--list") { Description = "tampilkan koreksi yang tersimpan" };
        command.Arguments.Add(date);
        command.Options.Add(libur);
        command.Options.Add(kerja);
        command.Options.Add(unit);
        command.Options.Add(reason);
        command.Options.Add(by);
        command.Options.Add(list);
        command.SetAction((parse, ct) => RunAsync(
            new Request(parse.GetValue(date), parse.GetValue(libur), parse.GetValue(kerja), parse.GetValue(unit), parse.GetValue(reason), parse.GetValue(by), parse.GetValue(list)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, null, ct));
        return command;
    }

    internal sealed record Request(string? Date, bool Libur, bool Kerja, string? UnitId, string? Reason, string? By, bool List);

    internal static async Task<int> RunAsync(
        Request request, TextWriter stdout, TextWriter stderr, Action<IConfigurationBuilder>? configure, CancellationToken cancellationToken)
    {
        OverrideKind kind = default;
        DateOnly day = default;
        if (!request.List)
        {
            if (!HkInput.TryDate(request.Date, stderr, out day))
            {
                return HkInput.BadInput;
            }

            if (request.Libur == request.Kerja)
            {
                await stderr.WriteLineAsync("pilih salah satu: --libur atau --kerja");
                return 2;
            }

            if (string.IsNullOrWhiteSpace(request.Reason) || string.IsNullOrWhiteSpace(request.By))
            {
                await stderr.WriteLineAsync("--alasan dan --oleh wajib diisi");
                return 2;
            }

            kind = request.Libur ? OverrideKind.Add : OverrideKind.Remove;
        }

        await using var provider = CliStorage.Services(stderr, configure);
        try
        {
            _ = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            await StorageTableInitializer.CreateTablesAsync(provider,
                [StorageTables.CalendarOverrides, StorageTables.Audit], cancellationToken);
            var repository = provider.GetRequiredService<ICalendarOverrideRepository>();
            if (request.List)
            {
                foreach (var o in await repository.ListAsync(cancellationToken))
                {
                    await stdout.WriteLineAsync($"{HkInput.Iso(o.Date)}\t{o.UnitId ?? "nasional"}\t{(o.Kind == OverrideKind.Add ? "libur" : "kerja")}\t{o.Reason}\t{o.By}\t{o.At:u}");
                }

                return 0;
            }

            var calendar = await LiveWorkingDayCalendar.CreateAsync(
                HolidaySet.LoadEmbedded(), repository, TimeProvider.System, UnitCatalog.LoadEmbedded(), cancellationToken);
            var stored = await calendar.AddOverrideAsync(day, request.UnitId, kind, request.Reason!, request.By!, cancellationToken);
            await stdout.WriteLineAsync($"Tersimpan: {HkInput.Iso(stored.Date)} {(kind == OverrideKind.Add ? "bukan hari kerja" : "libur dibatalkan")} ({stored.UnitId ?? "nasional"}); berlaku di semua instans pada penyegaran kalender berikutnya.");
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures) await stderr.WriteLineAsync($"bpombot: invalid setting: {failure}");
            return 2;
        }
        catch (Exception ex) when (ex is CalendarNotAvailableException or ArgumentException)
        {
            await stderr.WriteLineAsync(ex.Message);
            return 2;
        }
        catch (StorageUnavailableException ex)
        {
            await stderr.WriteLineAsync($"Penyimpanan tidak dapat dihubungi: {ex.Message}");
            return 1;
        }
    }
}
