using System.CommandLine;
using System.Globalization;
using System.Text;
using BpomBot.Domain.Calendar;

namespace BpomBot.Host.Cli;

/// <summary>`bpombot holidays &lt;tahun&gt;` lists the year's libur nasional and cuti bersama.</summary>
internal static class HolidaysCommand
{
    public static Command Create()
    {
        var command = new Command("holidays", "Daftar libur nasional dan cuti bersama satu tahun");
        var year = new Argument<string?>("tahun") { Arity = ArgumentArity.ZeroOrOne };
        command.Arguments.Add(year);
        command.SetAction(parse => HkCommand.Run(parse, error =>
        {
            var text = parse.GetValue(year);
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y))
            {
                error.WriteLine($"tahun tidak valid: '{text}' (contoh: 2026)");
                return null;
            }

            var lines = new StringBuilder();
            foreach (var h in HolidaySet.LoadEmbedded().ForYear(y))
            {
                lines.Append(CultureInfo.InvariantCulture, $"{HkInput.Iso(h.Date)}\t{IndonesianDate.DayName(h.Date.DayOfWeek)}\t{h.KindCode}\t{h.Name}\n");
            }

            return lines.ToString().TrimEnd('\n');
        }));
        return command;
    }
}
