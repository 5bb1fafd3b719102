namespace SubsidyService.Letters;

/// <summary>
/// A letter's wording, from one text file in the templates directory:
/// <code>
/// # a comment
/// [section]
/// one paragraph per line, with {placeholders}
/// </code>
/// Blank lines are ignored; leading and trailing spaces are trimmed. Every section of the schema must be there,
/// and nothing else.
/// </summary>
public sealed class LetterTemplate
{
    private readonly IReadOnlyDictionary<string, IReadOnlyList<TemplateLine>> _sections;

    private LetterTemplate(LetterKind kind, IReadOnlyDictionary<string, IReadOnlyList<TemplateLine>> sections)
    {
        Kind = kind;
        _sections = sections;
    }

    public LetterKind Kind { get; }

    public IReadOnlyList<TemplateLine> Section(string name) =>
        _sections.TryGetValue(name, out var lines) ? lines : throw new KeyNotFoundException($"no section [{name}]");

    /// <summary>Parses and checks a template; every problem found is listed in one exception.</summary>
    public static LetterTemplate Parse(LetterTemplateSchema schema, string text, string path)
    {
        var errors = new List<string>();
        var sections = new Dictionary<string, List<TemplateLine>>(StringComparer.Ordinal);
        List<TemplateLine>? current = null;
        var unparsed = new HashSet<string>(StringComparer.Ordinal); // sections with a line already reported
        var currentName = "";
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = lines[i].Trim().TrimStart('\uFEFF');
            if (line.Length == 0 || line.StartsWith('#')) continue;

            if (line.StartsWith('[') && line.EndsWith(']'))
            {
                currentName = line[1..^1].Trim();
                if (!schema.Sections.ContainsKey(currentName))
                    errors.Add($"{path}:{number}: 未知的段落 [{currentName}]，应为 {string.Join("、", schema.Sections.Keys.Select(k => $"[{k}]"))} 之一");
                if (!sections.TryAdd(currentName, current = []))
                    errors.Add($"{path}:{number}: 段落 [{currentName}] 重复出现");
                continue;
            }

            if (current is null)
            {
                errors.Add($"{path}:{number}: 文字须写在某个 [段落] 之下");
                continue;
            }

            var parsed = TemplateLine.Parse(line, number, out var error);
            if (parsed is null)
            {
                errors.Add($"{path}:{number}: {error}");
                unparsed.Add(currentName);
                continue;
            }
            if (schema.Sections.TryGetValue(currentName, out var allowed))
            {
                foreach (var name in parsed.Placeholders.Where(p => !allowed.Contains(p)))
                    errors.Add($"{path}:{number}: 未知的占位符 {{{name}}}（[{currentName}] 可用：{string.Join("、", allowed.Order(StringComparer.Ordinal).Select(a => $"{{{a}}}"))}）");
            }
            if (currentName == LetterTemplateSchema.Figures && line.Count(c => c == '|') != 1)
                errors.Add($"{path}:{number}: [{LetterTemplateSchema.Figures}] 的每行须为“项目|内容”，恰好一个 |");
            current.Add(parsed);
        }

        foreach (var missing in schema.Sections.Keys.Where(k => !sections.ContainsKey(k)))
            errors.Add($"{path}: 缺少段落 [{missing}]");
        foreach (var (name, _) in sections.Where(s => s.Value.Count == 0 && schema.Sections.ContainsKey(s.Key) && !unparsed.Contains(s.Key)))
            errors.Add($"{path}: 段落 [{name}] 是空的");

        if (errors.Count > 0)
            throw new LetterTemplateException(errors);
        return new LetterTemplate(schema.Kind, sections.ToDictionary(s => s.Key, s => (IReadOnlyList<TemplateLine>)s.Value));
    }
}

/// <summary>A letter template that cannot be used; the message lists every problem with its file and line.</summary>
public sealed class LetterTemplateException(IReadOnlyList<string> problems)
    : Exception("信函模板有误：" + Environment.NewLine + string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
