using System.CommandLine;
using System.Globalization;
using BpomBot.Domain.Calendar;

namespace BpomBot.Host.Cli;

/// <summary>
/// `bpombot hk &lt;tanggal-terima&gt; &lt;n&gt;` prints the due date (the n-th HK after the receipt day);
/// `hk between &lt;a&gt; &lt;b&gt;` prints the HK in (a, b]; `hk quarter &lt;tanggal&gt;` prints the SOP D.8 quarter deadline.
/// </summary>
internal static class HkCommand
{
    public static Command Create(IWorkingDayCalendar? calendar = null)
    {
        var command = new Command("hk", "Hitung batas waktu dalam hari kerja (HK): hk <tanggal-terima yyyy-MM-dd> <n>");
        var date = new Argument<string?>("tanggal-terima") { Description = "Tanggal kelengkapan diterima (hari ke-0), yyyy-MM-dd", Arity = ArgumentArity.ZeroOrOne };
        var count = new Argument<string?>("n") { Description = "Jumlah HK (≥ 1)", Arity = ArgumentArity.ZeroOrOne };
        command.Arguments.Add(date);
        command.Arguments.Add(count);
        command.SetAction(parse => Run(parse, error =>
        {
            if (!HkInput.TryDate(parse.GetValue(date), error, out var start))
            {
                return null;
            }

            var n = parse.GetValue(count);
            if (!int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var workingDays) || workingDays < 1)
            {
                error.WriteLine($"n harus bilangan bulat ≥ 1, bukan '{n}'");
                return null;
            }

            return HkInput.Iso(Calendar(calendar).AddWorkingDays(start, workingDays));
        }));

        var between = new Command("between", "Jumlah HK setelah <a> sampai dengan <b> (negatif bila b sebelum a)");
        var from = new Argument<string?>("a") { Arity = ArgumentArity.ZeroOrOne };
        var to = new Argument<string?>("b") { Arity = ArgumentArity.ZeroOrOne };
        between.Arguments.Add(from);
        between.Arguments.Add(to);
        between.SetAction(parse => Run(parse, error =>
        {
            if (!HkInput.TryDate(parse.GetValue(from), error, out var a) || !HkInput.TryDate(parse.GetValue(to), error, out var b))
            {
                return null;
            }

            var days = Calendar(calendar).WorkingDaysBetween(a, b);
            return $"{days.ToString(CultureInfo.InvariantCulture)}\t{IndonesianDate.DescribeHkDistance(days)}";
        }));
        command.Subcommands.Add(between);

        var quarter = new Command("quarter", "Batas laporan triwulan (SOP D.8): tanggal 10 bulan setelah triwulan berakhir");
        var inQuarter = new Argument<string?>("tanggal") { Arity = ArgumentArity.ZeroOrOne };
        quarter.Arguments.Add(inQuarter);
        quarter.SetAction(parse => Run(parse, error =>
        {
            if (!HkInput.TryDate(parse.GetValue(inQuarter), error, out var d))
            {
                return null;
            }

            var deadline = Calendar(calendar).QuarterDeadline(d);
            return deadline.Reason is null ? HkInput.Iso(deadline.Date) : $"{HkInput.Iso(deadline.Date)}\n{deadline.Reason}";
        }));
        command.Subcommands.Add(quarter);
        return command;
    }

    /// <summary>Runs one calendar query: its answer to stdout, or a message to stderr and exit code 2.</summary>
    internal static int Run(ParseResult parse, Func<TextWriter, string?> query)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        try
        {
            if (query(error) is not { } answer)
            {
                return HkInput.BadInput;
            }

            output.WriteLine(answer);
            return 0;
        }
        catch (CalendarNotAvailableException e)
        {
            error.WriteLine(e.Message);
            return HkInput.BadInput;
        }
    }

    private static IWorkingDayCalendar Calendar(IWorkingDayCalendar? calendar) =>
        calendar ?? new WorkingDayCalendar(HolidaySet.LoadEmbedded());
}
