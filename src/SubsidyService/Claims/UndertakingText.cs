using System.Security.Cryptography;
using System.Text;
using SubsidyService.Claims.Triggers;
using SubsidyService.Operations;

namespace SubsidyService.Claims;

/// <summary>
/// The applicant's undertaking (承诺书), <c>{Templates:Directory}/undertaking.txt</c>: a first line
/// <c>Version: …</c>, then the text the applicant reads and accepts at submission. The submit event keeps the version
/// and the SHA-256 of exactly this text, which is what a recovery later rests on; a county edits the file (and its
/// version) without a release.
/// </summary>
public sealed class UndertakingText
{
    public const string FileName = "undertaking.txt";

    public UndertakingText(string version, string text)
    {
        if (string.IsNullOrWhiteSpace(version)) throw new ArgumentException("the undertaking needs a version", nameof(version));
        Version = version.Trim();
        Text = text.Trim();
        Sha256 = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Text))).ToLowerInvariant();
    }

    public string Version { get; }
    public string Text { get; }
    public string Sha256 { get; }

    /// <summary>Its first line, the title shown above the text.</summary>
    public string Title => Text.Split('\n', 2)[0].Trim();

    /// <summary>The text below the title, paragraph by paragraph.</summary>
    public IReadOnlyList<string> Paragraphs =>
        Text.Split('\n').Skip(1).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();

    public UndertakingRecord Record => new(Version, Sha256);

    public static UndertakingText Load(string templatesDirectory)
    {
        var path = Path.Combine(templatesDirectory, FileName);
        if (!File.Exists(path))
            throw new InvalidOperationException($"承诺书模板不存在：{path}（配置项 Templates:Directory 指向模板目录）");
        var lines = File.ReadAllText(path, Encoding.UTF8).ReplaceLineEndings("\n").Split('\n', 2);
        if (!lines[0].StartsWith("Version:", StringComparison.Ordinal) || lines.Length < 2 || lines[1].Trim().Length == 0)
            throw new InvalidOperationException($"承诺书模板 {path} 的第一行须为“Version: 版本号”，其后为承诺书正文");
        return new UndertakingText(lines[0]["Version:".Length..], lines[1]);
    }

    public static UndertakingText FromConfiguration(IServiceProvider sp) => Load(TemplateDirectory.Resolve(
        sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<IWebHostEnvironment>().ContentRootPath));
}
