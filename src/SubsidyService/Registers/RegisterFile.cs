using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using SubsidyService.Operations;
using SubsidyService.Kernel;

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
        catch (SpreadsheetLimitException ex)
        {
            return Refusal.Validation("file", ex.Message);
        }
        catch (Exception ex) when (ex is InvalidDataException or OpenXmlPackageException or FormatException or System.Xml.XmlException or ArgumentOutOfRangeException)
        {
            return Refusal.Validation("file", "无法读取该 .xlsx 文件，请确认文件完好。");
        }
        if (rows.Count == 0) return Refusal.Validation("file", "文件为空。");
        var header = rows[0].Fields.Select(f => f.Trim()).ToList();
        if (!header.SequenceEqual(Header, StringComparer.OrdinalIgnoreCase))
            return Refusal.Validation("header", $"首行须为：{string.Join(",", Header)}");
        return rows.Skip(1).ToList();
    }

    // An .xlsx is a ZIP of XML: a small file can unpack to gigabytes or name a cell a billion columns to the
    // right. Every dimension is bounded before and while it is read.
    public const int MaxEntries = 64;
    public const long MaxUncompressedBytes = 100L * 1024 * 1024;
    public const int MaxCompressionRatio = 100;
    public const int MaxColumns = 32;

    private sealed class SpreadsheetLimitException(string message) : Exception(message);

    private static void CheckPackage(byte[] content)
    {
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content), System.IO.Compression.ZipArchiveMode.Read);
        if (zip.Entries.Count > MaxEntries) throw new SpreadsheetLimitException($".xlsx 文件中的部件过多（超过 {MaxEntries} 个）。");
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            total += entry.Length;
            if (entry.CompressedLength > 0 && entry.Length / entry.CompressedLength > MaxCompressionRatio || total > MaxUncompressedBytes)
                throw new SpreadsheetLimitException($".xlsx 文件解压后过大（上限 {MaxUncompressedBytes / 1024 / 1024} MB），疑似压缩炸弹，已拒绝。");
        }
    }

    private static List<(int, List<string>)> ReadXlsx(byte[] content)
    {
        CheckPackage(content);
        using var stream = new MemoryStream(content);
        using var doc = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxUncompressedBytes });
        var workbook = doc.WorkbookPart ?? throw new InvalidDataException("no workbook");
        var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no sheet");
        var sheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var result = new List<(int, List<string>)>();
        foreach (var row in sheet.Worksheet.Descendants<Row>())
        {
            if (result.Count > RegisterRow.MaxRows)
                throw new SpreadsheetLimitException($"一次最多导入 {RegisterRow.MaxRows} 行。");
            var fields = new List<string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = ColumnIndex(cell.CellReference?.Value ?? "");
                if (column >= MaxColumns)
                    throw new SpreadsheetLimitException($"单元格 {cell.CellReference?.Value} 超出范围：名录最多 {MaxColumns} 列。");
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
        var letters = reference.TakeWhile(char.IsAsciiLetter).ToList();
        // Excel's last column is XFD; anything longer is not a real reference (and would overflow).
        if (letters.Count > 3) return int.MaxValue;
        var index = 0;
        foreach (var c in letters) index = index * 26 + (char.ToUpperInvariant(c) - 'A' + 1);
        return Math.Max(index - 1, 0);
    }
}
