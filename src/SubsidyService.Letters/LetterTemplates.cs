namespace SubsidyService.Letters;

/// <summary>The wording of every letter, read once from <c>{Templates:Directory}/letters/</c> and checked whole.</summary>
public sealed class LetterTemplates
{
    public const string Subdirectory = "letters";

    private readonly IReadOnlyDictionary<LetterKind, LetterTemplate> _templates;

    private LetterTemplates(string directory, IReadOnlyDictionary<LetterKind, LetterTemplate> templates)
    {
        Directory = directory;
        _templates = templates;
    }

    /// <summary>The folder the templates were read from.</summary>
    public string Directory { get; }

    public LetterTemplate For(LetterKind kind) => _templates[kind];

    /// <summary>Reads every letter's template from <paramref name="templatesDirectory"/>/letters; all problems in one exception.</summary>
    public static LetterTemplates Load(string templatesDirectory)
    {
        var directory = Path.GetFullPath(Path.Combine(templatesDirectory, Subdirectory));
        var problems = new List<string>();
        var templates = new Dictionary<LetterKind, LetterTemplate>();
        foreach (var schema in LetterTemplateSchema.All)
        {
            var path = Path.Combine(directory, schema.FileName);
            if (!File.Exists(path))
            {
                problems.Add($"{path}: 文件不存在（配置项 Templates:Directory 指向模板目录，其下 {Subdirectory}/ 存放信函模板）");
                continue;
            }
            try
            {
                templates[schema.Kind] = LetterTemplate.Parse(schema, File.ReadAllText(path), path);
            }
            catch (LetterTemplateException e)
            {
                problems.AddRange(e.Problems);
            }
        }
        if (problems.Count > 0)
            throw new LetterTemplateException(problems);
        return new LetterTemplates(directory, templates);
    }

    /// <summary>
    /// Where the templates are: the configured folder as given when absolute, else under the content root, else
    /// beside the program (the build copies the repository's templates/ there).
    /// </summary>
    public static string ResolveDirectory(string configured, string? contentRoot)
    {
        if (Path.IsPathRooted(configured)) return configured;
        foreach (var root in new[] { contentRoot, Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            if (root is null) continue;
            var candidate = Path.Combine(root, configured);
            if (System.IO.Directory.Exists(Path.Combine(candidate, Subdirectory))) return candidate;
        }
        return Path.Combine(contentRoot ?? AppContext.BaseDirectory, configured);
    }
}
