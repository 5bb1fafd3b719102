using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SubsidyService.Operations;

namespace SubsidyService.Registers;

/// <summary>The cells of a register file, CSV (UTF-8, with or without BOM) or .xlsx (first sheet), with their line numbers.</summary>
public static class RegisterFile
{
    public static readonly string[] Header = ["source", "level", "recipientName", "recipientId", "caseNumber", "amount", "awardedOn", "programme"];

    public static bool IsXlsx(ReadOnlySpan<byte> head) => head.StartsWith("PK\u0003\u0004"u8);

    public static Outcome<List<(int Line, List<string> Fields)>> Read(byte[] content)
    {
        List<(int Line, List<string> Fields)> rows;
        try
        {
            rows = IsXlsx(content) ? ReadXlsx(content) : Csv.Parse(new UTF8Encoding(false, true).GetString(content));
        }
        catch (DecoderFallbackException)
        {
            return Refusal.Validation("file", "CSV 文件须为 UTF-8 编码。");
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or FormatException)
        {
            return Refusal.Validation("file", "无法读取该 .xlsx 文件，请确认文件完好。");
        }
        if (rows.Count == 0) return Refusal.Validation("file", "文件为空。");
        var header = rows[0].Fields.Select(f => f.Trim()).ToList();
        if (!header.SequenceEqual(Header, StringComparer.OrdinalIgnoreCase))
            return Refusal.Validation("header", $"首行须为：{string.Join(",", Header)}");
        return rows.Skip(1).ToList();
    }

    private static List<(int, List<string>)> ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content);
        using var doc = SpreadsheetDocument.Open(stream, false);
        var workbook = doc.WorkbookPart ?? throw new InvalidDataException("no workbook");
        var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no sheet");
        var sheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var result = new List<(int, List<string>)>();
        foreach (var row in sheet.Worksheet.Descendants<Row>())
        {
            var fields = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value ?? "");
                while (fields.Count < column) fields.Add("");
                fields.Add(CellText(cell, shared));
            }
            if (fields.Any(f => f.Length > 0)) result.Add(((int)(row.RowIndex?.Value ?? (uint)result.Count + 1), fields));
        }
        return result;
    }

    private static string CellText(Cell cell, List<string> shared)
    {
        var raw = cell.CellValue?.Text ?? cell.InnerText;
        if (cell.DataType?.Value == CellValues.SharedString) return shared[int.Parse(raw, CultureInfo.InvariantCulture)];
        if (cell.DataType?.Value == CellValues.InlineString) return cell.InlineString?.InnerText ?? "";
        return raw;
    }

    /// <summary>"C7" → 2: cells may be missing, so position comes from the reference, not the order.</summary>
    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetter)) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return Math.Max(index - 1, 0);
    }
}
