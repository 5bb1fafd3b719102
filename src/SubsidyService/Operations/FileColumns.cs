using System.Globalization;
using System.Text;

namespace SubsidyService.Operations;

/// <summary>A column of an uploaded table: its key (the API's English header), its Chinese name and other names people write.</summary>
public sealed record FileColumn(string Key, string Chinese, bool Required, params string[] Aliases)
{
    /// <summary>How errors name the column: by its Chinese name, as the clerk's spreadsheet does.</summary>
    public string Quoted => $"“{Chinese}”";
}

/// <summary>
/// Where each column of an uploaded table is, read from its header row: the API's English headers and the Chinese
/// ones people type are both accepted, in any order, compared after NFKC (full-width letters), without spaces and
/// case. A missing required column, an unknown one or one given twice is refused naming the column in Chinese.
/// </summary>
public sealed class FileColumns
{
    private readonly IReadOnlyList<FileColumn> columns;
    private readonly Dictionary<string, int> positions;

    private FileColumns(IReadOnlyList<FileColumn> columns, Dictionary<string, int> positions, int width)
    {
        this.columns = columns;
        this.positions = positions;
        Width = width;
    }

    /// <summary>How many cells the header has: a row with filled cells beyond it has more columns than the header.</summary>
    public int Width { get; }

    /// <summary>The column's position in the file, or -1 when an optional column is absent.</summary>
    public int IndexOf(string key) => positions.GetValueOrDefault(key, -1);

    /// <summary>The cell of a column in a row (trimmed; empty when the column or the cell is absent).</summary>
    public string Cell(IReadOnlyList<string> row, string key) =>
        IndexOf(key) is var i and >= 0 && i < row.Count ? row[i].Trim() : "";

    /// <summary>Whether a row has filled cells to the right of the header's last column.</summary>
    public bool Overflows(IReadOnlyList<string> row) => row.Skip(Width).Any(c => c.Trim().Length > 0);

    /// <summary>The row's cells in the columns' declared order (absent columns empty), then any cells beyond the header.</summary>
    public List<string> Canonical(IReadOnlyList<string> row) =>
        [.. columns.Select(c => Cell(row, c.Key)), .. row.Skip(Width)];

    /// <returns>The columns, or the problems with the header in Chinese.</returns>
    public static (FileColumns? Columns, List<string> Problems) Read(IReadOnlyList<string> header, IReadOnlyList<FileColumn> columns)
    {
        var problems = new List<string>();
        var byName = new Dictionary<string, FileColumn>(StringComparer.Ordinal);
        foreach (var c in columns)
            foreach (var name in c.Aliases.Append(c.Key).Append(c.Chinese))
                byName.TryAdd(Normal(name), c);

        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var width = header.Count;
        while (width > 0 && header[width - 1].Trim().Length == 0) width--;
        for (var i = 0; i < width; i++)
        {
            var cell = header[i].Trim();
            if (cell.Length == 0) problems.Add($"第 {i + 1} 列没有列名。");
            else if (!byName.TryGetValue(Normal(cell), out var column))
                problems.Add($"无法识别的列“{cell}”，可用的列为：{string.Join("、", columns.Select(c => c.Chinese))}。");
            else if (!positions.TryAdd(column.Key, i)) problems.Add($"{column.Quoted}列出现了不止一次。");
        }
        foreach (var c in columns.Where(c => c.Required && !positions.ContainsKey(c.Key)))
            problems.Add($"缺少{c.Quoted}列（也可用英文列名 {c.Key}）。");
        return problems.Count > 0 ? (null, problems) : (new FileColumns(columns, positions, width), problems);
    }

    /// <summary>The header row people should write: the Chinese names, comma-separated.</summary>
    public static string ChineseHeader(IReadOnlyList<FileColumn> columns) => string.Join(",", columns.Select(c => c.Chinese));

    private static string Normal(string name)
    {
        var text = name.Normalize(NormalizationForm.FormKC).Trim().ToLower(CultureInfo.InvariantCulture);
        var kept = new StringBuilder(text.Length);
        foreach (var ch in text)
            if (!char.IsWhiteSpace(ch) && ch is not ('_' or '-' or '*')) kept.Append(ch);
        return kept.ToString();
    }
}
