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

    /// <summary>
    /// The register's columns in <see cref="Header"/>'s order: the API's English headers or the Chinese ones a clerk's
    /// spreadsheet has, in any order. <see cref="RegisterRow"/> names each by its Chinese name.
    /// </summary>
    public static readonly IReadOnlyList<FileColumn> Columns =
    [
        new("source", "资助来源", true, "来源", "资助单位", "发放单位"),
        new("level", "级别", true, "资助级别", "层级"),
        new("recipientName", "受助人", true, "受助人名称", "获资助人", "受助单位", "姓名或名称"),
        new("recipientId", "证件号码", false, "受助人证件号码", "身份证号", "统一社会信用代码", "证件号"),
        new("caseNumber", "案号", true),
        new("amount", "金额", true, "金额(元)", "资助金额", "资助金额(元)"),
        new("awardedOn", "资助日期", false, "发放日期", "日期"),
        new("programme", "资助项目", false, "项目", "项目名称"),
    ];

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
        var (columns, problems) = FileColumns.Read(rows[0].Fields, Columns);
        if (columns is null)
            return Refusal.Validation(new Dictionary<string, string[]>
            {
                ["header"] = [.. problems, $"首行为列名：{FileColumns.ChineseHeader(Columns)}（或 {string.Join(",", Header)}）。"],
            });
        // Each row in the columns' order whatever the file's, cells beyond the header kept at the end for RegisterRow to refuse.
        return rows.Skip(1).Select(r => (r.Line, columns.Canonical(r.Fields))).ToList();
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

    // Cells and row elements are counted as the XML streams by, those without an r= reference too (a cell
    // without one takes the next column), so a sheet of millions of empty <c/> is refused after a bounded read.
    public const int MaxCells = (RegisterRow.MaxRows + 1) * 16;
    public const int MaxRowElements = RegisterRow.MaxRows * 2;

    private static List<(int, List<string>)> ReadXlsx(byte[] content)
    {
        CheckPackage(content);
        using var stream = new MemoryStream(content);
        using var doc = SpreadsheetDocument.Open(stream, false, new OpenSettings { MaxCharactersInPart = MaxUncompressedBytes });
        var workbook = doc.WorkbookPart ?? throw new InvalidDataException("no workbook");
        var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("no sheet");
        var sheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!);
        var shared = workbook.SharedStringTablePart is { } sst ? SharedStrings(sst) : [];
        using var part = sheet.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = System.Xml.XmlReader.Create(part, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit, IgnoreWhitespace = true });

        var result = new List<(int, List<string>)>();
        List<string>? fields = null;
        var rowNumber = 0;
        var rowElements = 0;
        long cells = 0;
        void Flush()
        {
            if (fields is not null && fields.Any(f => f.Length > 0))
            {
                if (result.Count >= RegisterRow.MaxRows + 1)
                    throw new SpreadsheetLimitException($"一次最多导入 {RegisterRow.MaxRows} 行。");
                result.Add((rowNumber, fields));
            }
            fields = null;
        }
        while (xml.Read())
        {
            if (xml.NodeType != System.Xml.XmlNodeType.Element) continue;
            if (xml.LocalName == "row")
            {
                Flush();
                if (++rowElements > MaxRowElements)
                    throw new SpreadsheetLimitException($"工作表的行数过多（超过 {MaxRowElements} 行，含空行），请只保留名录数据后再导入。");
                rowNumber = uint.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? (int)r : rowNumber + 1;
                fields = [];
            }
            else if (xml.LocalName == "c" && fields is not null)
            {
                if (++cells > MaxCells)
                    throw new SpreadsheetLimitException($"工作表的单元格过多（超过 {MaxCells} 个，含空单元格），已拒绝。");
                var reference = xml.GetAttribute("r");
                var column = reference is null ? fields.Count : ColumnIndex(reference);
                if (column >= MaxColumns)
                    throw new SpreadsheetLimitException($"单元格 {reference ?? $"第 {rowNumber} 行第 {column + 1} 列"} 超出范围：名录最多 {MaxColumns} 列。");
                var type = xml.GetAttribute("t");
                var raw = xml.IsEmptyElement ? "" : CellContent(xml);
                while (fields.Count < column) fields.Add("");
                fields.Add(type == "s" ? shared[int.Parse(raw, CultureInfo.InvariantCulture)] : raw);
            }
        }
        Flush();
        return result;
    }

    /// <summary>
    /// The text of the &lt;v&gt; or &lt;t&gt; elements under the current element (a cell, a shared string), leaving out
    /// phonetic runs; the reader is left on the element's end, so the caller's next Read moves past it.
    /// </summary>
    private static string CellContent(System.Xml.XmlReader xml)
    {
        var text = new StringBuilder();
        using var sub = xml.ReadSubtree();
        sub.Read();
        while (!sub.EOF)
        {
            if (sub.NodeType == System.Xml.XmlNodeType.Element && sub.LocalName == "rPh") { sub.Skip(); continue; }
            if (sub.NodeType == System.Xml.XmlNodeType.Element && sub.LocalName is "v" or "t")
            {
                text.Append(sub.ReadElementContentAsString());
                continue;
            }
            sub.Read();
        }
        return text.ToString();
    }

    /// <summary>The shared strings, streamed and counted like the cells (each &lt;si&gt; is one).</summary>
    private static List<string> SharedStrings(SharedStringTablePart part)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        using var xml = System.Xml.XmlReader.Create(stream, new System.Xml.XmlReaderSettings { DtdProcessing = System.Xml.DtdProcessing.Prohibit });
        var strings = new List<string>();
        while (xml.Read())
        {
            if (xml.NodeType != System.Xml.XmlNodeType.Element || xml.LocalName != "si") continue;
            if (strings.Count >= MaxCells) throw new SpreadsheetLimitException($"工作表的共享字符串过多（超过 {MaxCells} 个），已拒绝。");
            strings.Add(xml.IsEmptyElement ? "" : CellContent(xml));
        }
        return strings;
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
