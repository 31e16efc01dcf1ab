using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using BpomBot.Domain.Calendar;
using BpomBot.Domain.Dates;
using BpomBot.Domain.Understanding;

namespace BpomBot.Host.Cli;

/// <summary>
/// `bpombot understand "&lt;teks&gt;"` prints the reading of one message as a JSON object (out of context);
/// `understand --batch` reads one message per line from stdin and prints one JSON object per line;
/// `understand eval &lt;tsv&gt;` scores a file of `utterance&lt;TAB&gt;expected` lines.
/// </summary>
internal static class UnderstandCommand
{
    private static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(TextReader? input = null, TimeProvider? timeProvider = null)
    {
        var command = new Command("understand", "Baca maksud (intent) dan isian sebuah pesan chat, di luar konteks percakapan");
        var text = new Argument<string?>("teks") { Arity = ArgumentArity.ZeroOrOne };
        var batch = new Option<bool>("--batch") { Description = "Baca satu pesan per baris dari stdin; satu objek JSON per baris" };
        var reference = new Option<string?>("--ref") { Description = "Tanggal acuan yyyy-MM-dd untuk isian tanggal (bawaan: hari ini WIB)" };
        command.Arguments.Add(text);
        command.Options.Add(batch);
        command.Options.Add(reference);
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (!TryToday(parse.GetValue(reference), timeProvider, error, out var today)) return HkInput.BadInput;
            var recognizer = Recognizer();
            if (parse.GetValue(batch))
            {
                var reader = input ?? Console.In;
                while (reader.ReadLine() is { } line)
                {
                    output.WriteLine(Json(recognizer.Understand(line, today)));
                }

                return 0;
            }

            if (parse.GetValue(text) is not { } phrase)
            {
                error.WriteLine("teks wajib diisi, atau gunakan --batch");
                return HkInput.BadInput;
            }

            output.WriteLine(Json(recognizer.Understand(phrase, today)));
            return 0;
        });

        var evalCommand = new Command("eval", "Akurasi dan tabel kebingungan untuk berkas utterance<TAB>expected");
        var file = new Argument<FileInfo>("tsv");
        evalCommand.Arguments.Add(file);
        evalCommand.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                parse.InvocationConfiguration.Error.WriteLine($"berkas tidak ada: {path.FullName}");
                return HkInput.BadInput;
            }

            using var reader = path.OpenText();
            var result = IntentEvaluation.Run(Recognizer(), IntentEvaluation.ReadTsv(reader));
            parse.InvocationConfiguration.Output.Write(result.Format());
            return 0;
        });
        command.Subcommands.Add(evalCommand);
        return command;
    }

    private static IntentRecognizer Recognizer() => new(new DateRecognizer(new WorkingDayCalendar(HolidaySet.LoadEmbedded())));

    private static bool TryToday(string? text, TimeProvider? timeProvider, TextWriter error, out DateOnly today)
    {
        if (text is not null) return HkInput.TryDate(text, error, out today);
        var now = TimeZoneInfo.ConvertTime((timeProvider ?? TimeProvider.System).GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta"));
        today = DateOnly.FromDateTime(now.DateTime);
        return true;
    }

    /// <summary>One line of JSON: the intent's name and the slots that were given.</summary>
    public static string Json(Understood understood)
    {
        var o = new JsonObject { ["intent"] = IntentCatalog.NameOf(understood.Intent) };
        var s = understood.Slots;
        if (s.Kegiatan is { } k) o["kegiatan"] = k;
        if (s.SubProcess is { } sub) o["subProcess"] = sub;
        if (s.StepId is { } step) o["step"] = step;
        if (s.Date is { } date) o["date"] = HkInput.Iso(date);
        if (s.Reason is { } reason) o["reason"] = reason;
        if (s.Reference is { } reference) o["reference"] = reference;
        if (understood.IsAmbiguous) o["alternatives"] = new JsonArray([.. understood.Choices.Select(i => (JsonNode)IntentCatalog.NameOf(i))]);
        return o.ToJsonString(Compact);
    }
}
