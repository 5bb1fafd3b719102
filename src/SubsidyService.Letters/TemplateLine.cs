using System.Text;

namespace SubsidyService.Letters;

/// <summary>
/// One line of letter wording: literal text and {placeholders}. "{{" and "}}" stand for literal braces.
/// A line whose placeholders are all empty is left out of the letter (a related-case row when there is none);
/// a line without placeholders always stays.
/// </summary>
public sealed class TemplateLine
{
    private readonly IReadOnlyList<(bool IsPlaceholder, string Text)> _parts;

    private TemplateLine(string source, int lineNumber, IReadOnlyList<(bool, string)> parts)
    {
        Source = source;
        LineNumber = lineNumber;
        _parts = parts;
    }

    public string Source { get; }

    public int LineNumber { get; }

    public IEnumerable<string> Placeholders => _parts.Where(p => p.IsPlaceholder).Select(p => p.Text);

    /// <summary>Parses a line; a malformed one gives an error message instead.</summary>
    public static TemplateLine? Parse(string source, int lineNumber, out string? error)
    {
        var parts = new List<(bool, string)>();
        var literal = new StringBuilder();
        error = null;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '{' && i + 1 < source.Length && source[i + 1] == '{') { literal.Append('{'); i++; continue; }
            if (c == '}' && i + 1 < source.Length && source[i + 1] == '}') { literal.Append('}'); i++; continue; }
            if (c == '}') { error = $"第 {i + 1} 个字符处的 }} 没有对应的 {{（字面的花括号请写作 }}}}）"; return null; }
            if (c != '{') { literal.Append(c); continue; }

            var close = source.IndexOf('}', i + 1);
            if (close < 0) { error = $"第 {i + 1} 个字符处的 {{ 没有对应的 }}（字面的花括号请写作 {{{{）"; return null; }
            var name = source[(i + 1)..close];
            if (name.Length == 0 || !char.IsAsciiLetter(name[0]) || !name.All(char.IsAsciiLetterOrDigit))
            {
                error = $"占位符 {{{name}}} 的名称只能由英文字母和数字组成";
                return null;
            }
            if (literal.Length > 0) { parts.Add((false, literal.ToString())); literal.Clear(); }
            parts.Add((true, name));
            i = close;
        }
        if (literal.Length > 0) parts.Add((false, literal.ToString()));
        return new TemplateLine(source, lineNumber, parts);
    }

    /// <summary>The line with its placeholders filled in; null when it has placeholders and all of them are empty.</summary>
    public string? Fill(IReadOnlyDictionary<string, string> values)
    {
        var sb = new StringBuilder();
        var placeholders = 0;
        var empty = 0;
        foreach (var (isPlaceholder, text) in _parts)
        {
            if (!isPlaceholder) { sb.Append(text); continue; }
            placeholders++;
            var value = values.TryGetValue(text, out var v) ? v : throw new KeyNotFoundException($"no value for {{{text}}}");
            if (value.Length == 0) empty++;
            sb.Append(value);
        }
        return placeholders > 0 && empty == placeholders ? null : sb.ToString();
    }
}
