using System.CommandLine;
using System.Globalization;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Sop;

namespace BpomBot.Host.Cli;

/// <summary>`bpombot sop show|validate|simulate`: the SOP definitions as data.</summary>
internal static class SopCommand
{
    /// <summary>Until the HK calendar is wired: simulate reports that no calendar is available.</summary>
    public static IWorkingDayCalendar CalendarNotWired() => throw new CalendarNotAvailableException(0);

    public static Command Create(Func<IWorkingDayCalendar> calendarFactory)
    {
        var command = new Command("sop", "Tampilkan, validasi dan simulasikan SOP (data JSON).");
        command.Subcommands.Add(CreateShow());
        command.Subcommands.Add(CreateValidate());
        command.Subcommands.Add(CreateSimulate(calendarFactory));
        return command;
    }

    private static Command CreateShow()
    {
        var code = new Argument<string?>("code") { Description = "Kode SOP (default: satu-satunya/terbaru).", Arity = ArgumentArity.ZeroOrOne };
        var json = new Option<bool>("--json") { Description = "Keluarkan definisi sebagai JSON." };
        var show = new Command("show", "Tampilkan semua langkah SOP: Kelengkapan, Waktu, Output, pelaksana, jenis alur.") { code, json };
        show.SetAction(parse =>
        {
            var sop = Find(parse.GetValue(code));
            if (sop is null) return 2;
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(SopDefinitionLoader.ToJson(sop));
                return 0;
            }

            WriteSop(output, sop);
            return 0;
        });
        return show;
    }

    private static Command CreateValidate()
    {
        var file = new Argument<FileInfo>("file") { Description = "Berkas JSON SOP." };
        var validate = new Command("validate", "Validasi berkas SOP; kode keluar 0 bila valid, 2 bila ada kesalahan.") { file };
        validate.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                Console.Error.WriteLine($"Berkas {path.FullName} tidak ditemukan.");
                return 2;
            }

            var result = SopDefinitionLoader.Load(File.ReadAllText(path.FullName));
            if (result.IsValid)
            {
                var steps = result.Definition!.SubProcesses.Sum(s => s.Steps.Count);
                Console.Out.WriteLine($"Valid: {result.Definition.Code} rev. {result.Definition.Version}, {result.Definition.SubProcesses.Count} sub-proses, {steps} langkah.");
                return 0;
            }

            foreach (var error in result.Errors) Console.Error.WriteLine(error);
            Console.Error.WriteLine($"{result.Errors.Count} kesalahan.");
            return 2;
        });
        return validate;
    }

    private static Command CreateSimulate(Func<IWorkingDayCalendar> calendarFactory)
    {
        var sub = new Argument<string>("subproses") { Description = "A, B, C atau D." };
        var start = new Option<string>("--start") { Description = "Tanggal kelengkapan langkah pertama lengkap (yyyy-MM-dd).", Required = true };
        var code = new Option<string?>("--sop") { Description = "Kode SOP (default: terbaru)." };
        var simulate = new Command("simulate", "Rencana: jatuh tempo tiap langkah bila tiap langkah selesai tepat pada jatuh temponya.") { sub, start, code };
        simulate.SetAction(parse =>
        {
            var sop = Find(parse.GetValue(code));
            if (sop is null) return 2;
            var subProcess = sop.FindSubProcess(parse.GetValue(sub) ?? string.Empty);
            if (subProcess is null)
            {
                Console.Error.WriteLine($"Sub-proses '{parse.GetValue(sub)}' tidak dikenal; pilih {string.Join(", ", sop.SubProcesses.Select(s => s.Code))}.");
                return 2;
            }

            if (!DateOnly.TryParseExact(parse.GetValue(start), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var startDate))
            {
                Console.Error.WriteLine($"Tanggal '{parse.GetValue(start)}' tidak valid; gunakan yyyy-MM-dd.");
                return 2;
            }

            try
            {
                var plan = SopPlanner.Plan(subProcess, startDate, calendarFactory());
                Console.Out.WriteLine($"{sop.Code} rev. {sop.Version} — {subProcess.Code}. {subProcess.Name}, mulai {startDate:yyyy-MM-dd}");
                foreach (var p in plan)
                {
                    var due = p.Due is { } d ? $"jatuh tempo {d:yyyy-MM-dd} ({p.Step.WaktuText})" : "rencana (N/A: tanggal ditetapkan petugas)";
                    var note = p.DueReason is null ? string.Empty : $" — {p.DueReason}";
                    Console.Out.WriteLine($"  {p.Step.Id,-5} {Kind(p.Step.Kind),-14} mulai {p.Start:yyyy-MM-dd}  {due}{note}  {p.Step.Aktivitas}");
                }

                return 0;
            }
            catch (CalendarNotAvailableException ex)
            {
                Console.Error.WriteLine(ex.Year == 0 ? "Kalender HK belum tersedia." : ex.Message);
                return 1;
            }
        });
        return simulate;
    }

    private static SopDefinition? Find(string? code)
    {
        var catalog = SopCatalog.LoadEmbedded();
        var sop = code is null ? catalog.All.OrderByDescending(d => d.Revision.Date).FirstOrDefault() : catalog.Latest(code);
        if (sop is null)
            Console.Error.WriteLine($"SOP '{code}' tidak dikenal. Tersedia: {string.Join(", ", catalog.All.Select(d => d.Code))}.");
        return sop;
    }

    private static void WriteSop(TextWriter o, SopDefinition sop)
    {
        o.WriteLine($"{sop.Code} — {sop.Name}");
        o.WriteLine($"Dibuat {sop.CreatedOn:yyyy-MM-dd}; revisi {sop.Revision.Number} ({sop.Revision.Date:yyyy-MM-dd}); efektif {sop.EffectiveOn:yyyy-MM-dd}");
        o.WriteLine($"Keterkaitan: {string.Join("; ", sop.RelatedSops.Select(r => $"{r.Code} {r.Name}"))}");
        foreach (var sub in sop.SubProcesses)
        {
            o.WriteLine();
            o.WriteLine($"{sub.Code}. {sub.Name} ({sub.Steps.Count} langkah)");
            o.WriteLine($"   Pemangku kepentingan: {Names(sop.StakeholderCategories, sub.StakeholderCategories)}");
            o.WriteLine($"   Bentuk: {Names(sop.Forms, sub.Forms)}");
            if (sub.UnitKerjaPusat is { } ukp)
                o.WriteLine($"   Unit Kerja Pusat: {(ukp.AllCentral ? "semua unit kerja BPOM Pusat" : string.Join(", ", ukp.Units))}{(ukp.Basis is null ? string.Empty : $" ({ukp.Basis})")}");
            foreach (var programme in sub.Programmes)
                o.WriteLine($"   Program: {programme.Name} — Unit Kerja Pusat {string.Join(", ", programme.UnitKerjaPusat.Units)}");
            foreach (var step in sub.Steps)
            {
                o.WriteLine($"  {step.Id} [{Kind(step.Kind)}] {step.Aktivitas}");
                var executors = string.Join(", ", step.Executors.Select(e => sop.FindRole(e)?.Name ?? e));
                o.WriteLine($"       Pelaksana : {executors}{(step.ExecutorInferred ? " (disimpulkan)" : string.Empty)}");
                foreach (var item in step.Kelengkapan)
                    o.WriteLine($"       Kelengkapan: {item.Text}{(item.FromOutputOf is null ? string.Empty : $" ← output {item.FromOutputOf}")}");
                o.WriteLine($"       Waktu     : {step.WaktuText}{(step.QuarterDeadline ? " (atau tgl 10 setelah triwulan berakhir, mana lebih awal)" : string.Empty)}");
                o.WriteLine($"       Output    : {step.Output}");
                if (step.Disposisi is { } d)
                {
                    var mode = d.Mode == DisposisiMode.LeaderDecides ? "diputuskan pimpinan" : "dilaporkan ke pimpinan";
                    o.WriteLine($"       Disposisi : {mode} ({string.Join(" atau ", d.Roles.Select(r => sop.FindRole(r)?.Name ?? r))}){(d.Optional ? ", jika diperlukan" : string.Empty)}");
                }

                if (step.Keterangan is { Length: > 0 } keterangan)
                    o.WriteLine($"       Keterangan: {keterangan}");
                if (step.UnitTargetAllowed)
                    o.WriteLine("       Target    : waktu dapat disesuaikan dengan target unit (admin unit)");
                foreach (var route in step.ReportRoutes)
                    o.WriteLine($"       Laporan   : fungsi {route.Function}, produk {route.Commodity} → {route.Unit}");
                foreach (var b in step.Branches)
                    o.WriteLine($"       Cabang    : {b.Label} → {b.To}");
                o.WriteLine($"       Berikutnya: {step.Next ?? "selesai"}");
            }
        }
    }

    private static string Kind(WorkflowKind kind) => kind == WorkflowKind.PerKegiatan ? "per kegiatan" : "siklus tahunan";

    private static string Names(IReadOnlyList<SopChoice> all, IReadOnlyList<string> ids) =>
        string.Join(", ", ids.Select(id => all.FirstOrDefault(c => c.Id == id)?.Name ?? id));
}
