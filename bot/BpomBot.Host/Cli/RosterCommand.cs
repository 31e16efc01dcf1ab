using System.CommandLine;
using BpomBot.Domain.Abstractions;
using BpomBot.Domain.Organization;
using BpomBot.Domain.Roster;
using BpomBot.Storage;
using BpomBot.Storage.Tables;
using BpomBot.Storage.Tables.Repositories;
using Microsoft.Extensions.Options;

namespace BpomBot.Host.Cli;

/// <summary>`bpombot roster import &lt;file&gt; [--dry-run]`: loads people from CSV into the roster (storage from configuration).</summary>
internal static class RosterCommand
{
    public static Command Create()
    {
        var command = new Command("roster", "Kelola daftar pegawai (roster): impor dari CSV.");
        var file = new Argument<FileInfo>("file") { Description = $"Berkas CSV; baris judul: {RosterCsv.Header} (peran dipisah ';')." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Hanya validasi; tidak menyimpan apa pun." };
        var import = new Command("import", "Validasi semua baris lalu impor; bila ada baris salah, tidak ada yang disimpan (kode keluar 2).") { file, dryRun };
        import.SetAction(async (parse, cancellationToken) =>
            await ImportAsync(parse.GetValue(file)!, parse.GetValue(dryRun), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, null, cancellationToken));
        command.Subcommands.Add(import);
        return command;
    }

    /// <summary>
    /// Runs the import. <paramref name="configure"/> lets tests replace configuration (e.g. Storage:InMemory or an Azurite
    /// connection string); otherwise <see cref="CliStorage"/> applies (settings, environment, else the local Azurite).
    /// </summary>
    internal static async Task<int> ImportAsync(
        FileInfo file, bool dryRun, TextWriter stdout, TextWriter stderr, Action<IConfigurationBuilder>? configure, CancellationToken cancellationToken)
    {
        if (!file.Exists)
        {
            await stderr.WriteLineAsync($"Berkas {file.FullName} tidak ditemukan.");
            return 2;
        }

        var csv = await File.ReadAllTextAsync(file.FullName, cancellationToken);
        var units = UnitCatalog.LoadEmbedded();
        var parsed = RosterCsv.Parse(csv, id => units.Find(id) is not null);
        if (!parsed.IsValid)
        {
            await stderr.WriteLineAsync($"Roster tidak diimpor; {parsed.Errors.Count} kesalahan:");
            foreach (var error in parsed.Errors) await stderr.WriteLineAsync($"  {error}");
            return 2;
        }

        if (dryRun)
        {
            await stdout.WriteLineAsync($"Valid: {parsed.Entries.Count} orang siap diimpor (tidak disimpan karena --dry-run).");
            return 0;
        }

        await using var provider = CliStorage.Services(stderr, configure);
        try
        {
            _ = provider.GetRequiredService<IOptions<StorageOptions>>().Value;
            await StorageTableInitializer.CreateTablesAsync(provider,
                [StorageTables.People, StorageTables.PeopleByUnit, StorageTables.Audit], cancellationToken);
            var importer = new RosterImporter(provider.GetRequiredService<IRosterRepository>(), units, provider.GetRequiredService<IAuditLog>(), TimeProvider.System);
            var result = await importer.ImportAsync(csv, "cli", cancellationToken);
            await stdout.WriteLineAsync($"Roster diimpor: {result.Added} orang baru, {result.Updated} diperbarui.");
            return 0;
        }
        catch (OptionsValidationException ex)
        {
            foreach (var failure in ex.Failures) await stderr.WriteLineAsync($"bpombot: invalid setting: {failure}");
            return 2;
        }
        catch (StorageUnavailableException ex)
        {
            await stderr.WriteLineAsync($"Penyimpanan tidak dapat dihubungi: {ex.Message}");
            return 1;
        }
    }
}
