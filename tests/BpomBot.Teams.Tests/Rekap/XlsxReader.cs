using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace BpomBot.Teams.Tests.Rekap;

/// <summary>Reads a workbook back with the Open XML SDK: cell values by sheet and reference, and sheet settings.</summary>
internal sealed class XlsxReader : IDisposable
{
    private readonly SpreadsheetDocument document;

    public XlsxReader(byte[] bytes) => document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);

    public IReadOnlyList<string> SheetNames => [.. document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!)];

    public WorksheetPart Part(string sheet)
    {
        var entry = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheet);
        return (WorksheetPart)document.WorkbookPart.GetPartById(entry.Id!);
    }

    /// <summary>Rows as lists of cell values: text, double, or DateOnly for cells styled as dates.</summary>
    public List<Dictionary<string, object>> Rows(string sheet)
    {
        var rows = Part(sheet).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        var header = rows[0].Elements<Cell>().ToDictionary(c => Column(c.CellReference!), c => c.InnerText);
        return [.. rows.Skip(1).Select(r => r.Elements<Cell>().ToDictionary(c => header[Column(c.CellReference!)], Value))];
    }

    public IReadOnlyList<string> Headers(string sheet) =>
        [.. Part(sheet).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>().First().Elements<Cell>().Select(c => c.InnerText)];

    private object Value(Cell cell)
    {
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InnerText;
        var number = double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
        var format = document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        var code = document.WorkbookPart.WorkbookStylesPart.Stylesheet.NumberingFormats?.Elements<NumberingFormat>()
            .FirstOrDefault(f => f.NumberFormatId?.Value == format.NumberFormatId?.Value)?.FormatCode?.Value;
        return code is "dd/mm/yyyy" ? DateOnly.FromDateTime(DateTime.FromOADate(number)) : number;
    }

    private static string Column(string reference) => new([.. reference.TakeWhile(char.IsLetter)]);

    public void Dispose() => document.Dispose();
}
