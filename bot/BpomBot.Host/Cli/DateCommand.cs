using System.CommandLine;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Dates;

namespace BpomBot.Host.Cli;

/// <summary>
/// `bpombot date "&lt;teks&gt;" --ref yyyy-MM-dd` prints the recognised date or `none`;
/// `bpombot date --batch` reads `ref&lt;TAB&gt;teks` lines from stdin and prints one answer per line.
/// </summary>
internal static class DateCommand
{
    private const string JakartaZone = "Asia/Jakarta";

    public static Command Create(TextReader? input = null, TimeProvider? timeProvider = null)
    {
        var command = new Command("date", "Kenali tanggal dalam teks (Indonesia/Inggris) relatif terhadap tanggal acuan");
        var text = new Argument<string?>("teks") { Arity = ArgumentArity.ZeroOrOne };
        var reference = new Option<string?>("--ref") { Description = "Tanggal acuan yyyy-MM-dd (bawaan: hari ini WIB)" };
        var batch = new Option<bool>("--batch") { Description = "Baca baris ref<TAB>teks dari stdin" };
        command.Arguments.Add(text);
        command.Options.Add(reference);
        command.Options.Add(batch);
        command.SetAction(parse =>
        {
            var recognizer = new DateRecognizer(new WorkingDayCalendar(HolidaySet.LoadEmbedded()));
            return parse.GetValue(batch)
                ? RunBatch(recognizer, input ?? Console.In, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error)
                : HkCommand.Run(parse, error =>
                {
                    var refText = parse.GetValue(reference);
                    DateOnly refDate;
                    if (refText is null)
                    {
                        var now = TimeZoneInfo.ConvertTime((timeProvider ?? TimeProvider.System).GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(JakartaZone));
                        refDate = DateOnly.FromDateTime(now.DateTime);
                    }
                    else if (!HkInput.TryDate(refText, error, out refDate))
                    {
                        return null;
                    }

                    if (parse.GetValue(text) is not { } phrase)
                    {
                        error.WriteLine("teks wajib diisi, atau gunakan --batch");
                        return null;
                    }

                    return Answer(recognizer, phrase, refDate);
                });
        });
        return command;
    }

    private static int RunBatch(DateRecognizer recognizer, TextReader input, TextWriter output, TextWriter error)
    {
        var exitCode = 0;
        var lineNumber = 0;
        while (input.ReadLine() is { } line)
        {
            lineNumber++;
            var parts = line.Split('\t', 2);
            if (parts.Length != 2 || !HkInput.TryDate(parts[0], TextWriter.Null, out var refDate))
            {
                error.WriteLine($"baris {lineNumber}: format harus ref<TAB>teks dengan ref yyyy-MM-dd");
                output.WriteLine("none");
                exitCode = HkInput.BadInput;
                continue;
            }

            try
            {
                output.WriteLine(Answer(recognizer, parts[1], refDate));
            }
            catch (CalendarNotAvailableException e)
            {
                error.WriteLine($"baris {lineNumber}: {e.Message}");
                output.WriteLine("none");
            }
        }

        return exitCode;
    }

    private static string Answer(DateRecognizer recognizer, string text, DateOnly refDate) =>
        recognizer.Recognize(text, refDate) is { } found ? HkInput.Iso(found.Date) : "none";
}
