using System.Text;

namespace BpomBot.Domain.Calendar;

/// <summary>Minimal RFC 4180 line splitter for the small data files we ship (no embedded newlines).</summary>
internal static class Csv
{
    public static IReadOnlyList<string> Split(string line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new FormatException("unterminated quoted field");
        }

        fields.Add(field.ToString());
        return fields;
    }

    /// <summary>Reads a header row and the data rows, with 1-based line numbers; blank lines are skipped.</summary>
    public static IEnumerable<(int Line, IReadOnlyList<string> Fields)> Rows(TextReader reader, string fileName, params string[] expectedHeader)
    {
        var lineNumber = 0;
        var headerSeen = false;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            IReadOnlyList<string> fields;
            try
            {
                fields = Split(line.TrimEnd('\r'));
            }
            catch (FormatException e)
            {
                throw new DataFileException(fileName, lineNumber, e.Message);
            }

            if (!headerSeen)
            {
                headerSeen = true;
                if (!fields.SequenceEqual(expectedHeader, StringComparer.OrdinalIgnoreCase))
                {
                    throw new DataFileException(fileName, lineNumber, $"expected header '{string.Join(',', expectedHeader)}'");
                }

                continue;
            }

            if (fields.Count != expectedHeader.Length)
            {
                throw new DataFileException(fileName, lineNumber, $"expected {expectedHeader.Length} columns, found {fields.Count}");
            }

            yield return (lineNumber, fields);
        }

        if (!headerSeen)
        {
            throw new DataFileException(fileName, 0, "file is empty");
        }
    }

    public static Stream OpenEmbedded(string fileName) =>
        typeof(Csv).Assembly.GetManifestResourceStream($"BpomBot.Domain.Data.{fileName}")
        ?? throw new DataFileException(fileName, 0, "embedded resource not found");
}

/// <summary>A shipped data file (holidays, units) is malformed; the message names the file and line.</summary>
public sealed class DataFileException(string fileName, int lineNumber, string problem)
    : FormatException($"{fileName} line {lineNumber}: {problem}")
{
    public string FileName { get; } = fileName;

    public int LineNumber { get; } = lineNumber;

    public string Problem { get; } = problem;
}
