using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SubsidyService.Operations;

/// <summary>One sheet of a workbook: its name, header and rows. A number (int, long, decimal, double) is written as a number cell, anything else as text.</summary>
public sealed record XlsxSheet(string Name, IReadOnlyList<string> Header, IAsyncEnumerable<IReadOnlyList<object?>> Rows);

/// <summary>
/// .xlsx files streamed row by row with OpenXmlWriter: a one-sheet file of text cells (inline strings), for the
/// registers that clerks open in Excel, and workbooks of several sheets whose figures are numbers, for reports.
/// </summary>
public static class XlsxWriter
{
    public static void Write(Stream output, string sheetName, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string?>> rows) =>
        WriteAsync(output, [new XlsxSheet(sheetName, header, rows.Select(r => (IReadOnlyList<object?>)r).ToAsyncEnumerable())])
            .GetAwaiter().GetResult();

    public static async Task WriteAsync(Stream output, IReadOnlyList<XlsxSheet> sheets, CancellationToken ct = default)
    {
        using var doc = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbook = doc.AddWorkbookPart();
        workbook.Workbook = new Workbook();
        var entries = new Sheets();
        uint id = 1;
        foreach (var sheet in sheets)
        {
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            using (var writer = OpenXmlWriter.Create(sheetPart))
            {
                writer.WriteStartElement(new Worksheet());
                writer.WriteStartElement(new SheetData());
                WriteRow(writer, sheet.Header);
                await foreach (var row in sheet.Rows.WithCancellation(ct)) WriteRow(writer, row);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            entries.AppendChild(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = id++, Name = sheet.Name });
        }
        workbook.Workbook.AppendChild(entries);
        workbook.Workbook.Save();
    }

    private static void WriteRow<T>(OpenXmlWriter writer, IReadOnlyList<T> values)
    {
        writer.WriteStartElement(new Row());
        foreach (var value in values) writer.WriteElement(CellOf(value));
        writer.WriteEndElement();
    }

    private static Cell CellOf(object? value) => value switch
    {
        int or long or decimal or double => new Cell
        {
            DataType = CellValues.Number,
            CellValue = new CellValue(Convert.ToString(value, CultureInfo.InvariantCulture)!),
        },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value?.ToString() ?? "")) },
    };
}
