using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BpomBot.Teams.Rekap;

/// <summary>The kind of value in a column: how the cell is typed and formatted.</summary>
public enum XlsxKind
{
    Text,
    Number,

    /// <summary>A percentage 0–100 shown with one decimal.</summary>
    Percent,
    Date,

    /// <summary>Text that is a hyperlink when it is an absolute http(s) URL.</summary>
    Link,
}

public sealed record XlsxColumn(string Header, XlsxKind Kind, double Width = 14);

/// <summary>One worksheet: a header row and data rows (values: string, int, double, DateOnly or null).</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<XlsxColumn> Columns, IReadOnlyList<IReadOnlyList<object?>> Rows, IReadOnlyList<object?>? TotalRow = null);

/// <summary>
/// Writes worksheets with the Open XML SDK: a bold header row, frozen below the header, an autofilter over the table,
/// typed cells (numbers as numbers, dates as real dates formatted dd/mm/yyyy) and hyperlinks for URLs.
/// </summary>
public static class XlsxSheetWriter
{
    private const uint StyleHeader = 1;
    private const uint StyleDate = 2;
    private const uint StylePercent = 3;
    private const uint StyleTotal = 4;
    private const uint StyleLink = 5;

    public static void Write(Stream output, IReadOnlyList<XlsxSheet> sheets)
    {
        ArgumentNullException.ThrowIfNull(sheets);
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.Workbook = new Workbook();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
        var sheetList = workbookPart.Workbook.AppendChild(new Sheets());
        var definedNames = new DefinedNames();
        uint sheetId = 1;
        foreach (var sheet in sheets)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            part.Worksheet = Worksheet(part, sheet);
            sheetList.Append(new Sheet { Id = workbookPart.GetIdOfPart(part), SheetId = sheetId, Name = sheet.Name });
            var lastRow = 1 + sheet.Rows.Count;
            definedNames.Append(new DefinedName($"'{sheet.Name}'!$A$1:${ColumnName(sheet.Columns.Count)}${lastRow}")
            {
                Name = "_xlnm._FilterDatabase", LocalSheetId = sheetId - 1, Hidden = true,
            });
            sheetId++;
        }

        workbookPart.Workbook.Append(definedNames);
        workbookPart.Workbook.Save();
    }

    private static Worksheet Worksheet(WorksheetPart part, XlsxSheet sheet)
    {
        var data = new SheetData();
        data.Append(new Row([.. sheet.Columns.Select((c, i) => Text(Ref(i, 1), c.Header, StyleHeader))]) { RowIndex = 1 });
        var hyperlinks = new Hyperlinks();
        uint rowIndex = 2;
        foreach (var values in sheet.Rows)
        {
            data.Append(Row(part, sheet.Columns, values, rowIndex++, hyperlinks, total: false));
        }

        if (sheet.TotalRow is { } total)
        {
            data.Append(Row(part, sheet.Columns, total, rowIndex, hyperlinks, total: true));
        }

        var worksheet = new Worksheet(
            new SheetViews(new SheetView(
                new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomLeft, ActiveCell = "A2", SequenceOfReferences = new ListValue<StringValue>(["A2"]) })
            { WorkbookViewId = 0 }),
            new Columns([.. sheet.Columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = c.Width, CustomWidth = true })]),
            data,
            new AutoFilter { Reference = $"A1:{ColumnName(sheet.Columns.Count)}{1 + sheet.Rows.Count}" });
        if (hyperlinks.HasChildren)
        {
            worksheet.Append(hyperlinks);
        }

        return worksheet;
    }

    private static Row Row(WorksheetPart part, IReadOnlyList<XlsxColumn> columns, IReadOnlyList<object?> values, uint rowIndex, Hyperlinks hyperlinks, bool total)
    {
        var row = new Row { RowIndex = rowIndex };
        for (var i = 0; i < columns.Count && i < values.Count; i++)
        {
            var reference = Ref(i, rowIndex);
            var kind = columns[i].Kind;
            switch (values[i])
            {
                case null:
                    break;
                case DateOnly date:
                    row.Append(Number(reference, date.ToDateTime(TimeOnly.MinValue).ToOADate(), StyleDate));
                    break;
                case int n:
                    row.Append(Number(reference, n, total ? StyleTotal : 0));
                    break;
                case double d:
                    row.Append(Number(reference, d, kind == XlsxKind.Percent ? StylePercent : total ? StyleTotal : 0));
                    break;
                case string s when kind == XlsxKind.Link && Uri.TryCreate(s, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https":
                    var relation = part.AddHyperlinkRelationship(uri, true);
                    hyperlinks.Append(new Hyperlink { Reference = reference, Id = relation.Id });
                    row.Append(Text(reference, s, StyleLink));
                    break;
                case var other:
                    row.Append(Text(reference, Convert.ToString(other, CultureInfo.InvariantCulture) ?? string.Empty, total ? StyleTotal : 0));
                    break;
            }
        }

        return row;
    }

    private static Cell Text(string reference, string text, uint style) => new(new InlineString(new Text(text) { Space = SpaceProcessingModeValues.Preserve }))
    {
        CellReference = reference, DataType = CellValues.InlineString, StyleIndex = style,
    };

    private static Cell Number(string reference, double value, uint style) => new(new CellValue(value.ToString("R", CultureInfo.InvariantCulture)))
    {
        CellReference = reference, StyleIndex = style,
    };

    private static string Ref(int column, uint row) => $"{ColumnName(column + 1)}{row}";

    /// <summary>1 → A, 27 → AA.</summary>
    internal static string ColumnName(int number)
    {
        var name = string.Empty;
        for (; number > 0; number = (number - 1) / 26)
        {
            name = (char)('A' + ((number - 1) % 26)) + name;
        }

        return name;
    }

    private static Stylesheet Styles() => new(
        new NumberingFormats(
            new NumberingFormat { NumberFormatId = 164, FormatCode = "dd/mm/yyyy" },
            new NumberingFormat { NumberFormatId = 165, FormatCode = "0.0" })
        { Count = 2 },
        new Fonts(
            new Font(),
            new Font(new Bold()),
            new Font(new Underline(), new Color { Rgb = "FF0563C1" }))
        { Count = 3 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat { NumberFormatId = 165, ApplyNumberFormat = true },
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { FontId = 2, ApplyFont = true })
        { Count = 6 });
}
