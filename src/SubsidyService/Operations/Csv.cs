using System.Text;

namespace SubsidyService.Operations;

/// <summary>
/// RFC 4180 CSV: fields with commas, quotes or line breaks are quoted, quotes doubled. Small enough to
/// own, and it keeps exports and imports byte-for-byte predictable.
/// </summary>
public static class Csv
{
    public static string Row(IEnumerable<string?> fields) => string.Join(",", fields.Select(Field)) + "\r\n";

    public static string Field(string? value)
    {
        if (string.IsNullOrEmpty(value)) return "";
        // A leading =, +, - or @ (or a tab or carriage return before one) would run as a formula in a spreadsheet.
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>Parses CSV text into records (with the line each starts on); a UTF-8 BOM is ignored.</summary>
    public static List<(int Line, List<string> Fields)> Parse(string text)
    {
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    if (fields.Count > 1 || fields[0].Length > 0) records.Add((recordLine, fields));
                    fields = []; line++; recordLine = line;
                    break;
                default: field.Append(c); break;
            }
        }
        fields.Add(field.ToString());
        if (fields.Count > 1 || fields[0].Length > 0) records.Add((recordLine, fields));
        return records;
    }
}
