using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using FluentAssertions;
using SubsidyService.Operations.Startup;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

/// <summary>
/// Every configuration key the source reads has a row in <see cref="Settings.All"/> (so it is checked at start),
/// and every row is in appsettings.example.json and docs/operations.md (so an operator can find it).
/// </summary>
public sealed partial class SettingsCatalogTests
{
    private static readonly string Root = TestMachine.RepositoryRoot();

    [Fact]
    public void Every_key_the_source_reads_is_checked_at_start()
    {
        var read = KeysReadBySource().ToList();
        read.Should().Contain(["Payouts:Channel", "Jobs:InvisibilityTimeout", "Smtp:Port", "Authority:LetterPrefix"], "the scan finds keys in each form");
        read.Where(k => !Settings.All.Any(s => s.Matches(k) || s.Key.StartsWith(k + ":", StringComparison.Ordinal)))
            .Should().BeEmpty("each needs a row in Operations/Startup/Settings.cs, appsettings.example.json and docs/operations.md");
    }

    [Fact]
    public void Every_checked_key_is_in_the_example_settings_and_the_operations_guide()
    {
        var example = new List<string>();
        Flatten(JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "appsettings.example.json"))).RootElement, "", example);
        var guide = File.ReadAllText(Path.Combine(Root, "docs", "operations.md"));
        foreach (var setting in Settings.All)
        {
            example.Should().Contain(k => setting.Matches(k) || string.Equals(k, setting.Key, StringComparison.OrdinalIgnoreCase),
                $"appsettings.example.json should show {setting.Key}");
            var documented = setting.Key.TrimEnd('*', ':');
            guide.Should().Contain(documented.Replace(":", "__"), $"docs/operations.md should describe {setting.Key}");
        }
    }

    private static IEnumerable<string> KeysReadBySource()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(Root, "src", "SubsidyService"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.EndsWith("Settings.cs", StringComparison.Ordinal));
        var assembly = typeof(Settings).Assembly;
        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            foreach (Match m in Literal().Matches(text)) yield return m.Groups[1].Value;
            // section["Key"] after GetSection("Section") (hand-read sections).
            foreach (Match section in GetSection().Matches(text))
                foreach (Match key in Indexer().Matches(text))
                    yield return $"{section.Groups[1].Value}:{key.Groups[1].Value}";
            // AddOptions<T>().Bind(…GetSection("Section")) / BindConfiguration("Section"): T's settable properties.
            foreach (Match bound in Bound().Matches(text))
            {
                var type = assembly.GetTypes().Single(t => t.Name == bound.Groups[1].Value);
                foreach (var p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
                    yield return $"{bound.Groups[2].Value}:{p.Name}";
            }
        }
    }

    private static void Flatten(JsonElement e, string prefix, List<string> keys)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) Flatten(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}:{p.Name}", keys);
                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in e.EnumerateArray()) Flatten(item, $"{prefix}:{i++}", keys);
                break;
            default:
                keys.Add(prefix);
                break;
        }
    }

    [GeneratedRegex("\"([A-Z][A-Za-z]+(?::[A-Z][A-Za-z]*)+)\"")]
    private static partial Regex Literal();

    [GeneratedRegex("var section = \\w+\\.GetSection\\(\"(\\w+)\"\\)")]
    private static partial Regex GetSection();

    [GeneratedRegex("section\\[\"(\\w+)\"\\]")]
    private static partial Regex Indexer();

    [GeneratedRegex("AddOptions<(\\w+)>\\(\\)\\.Bind(?:Configuration)?\\((?:builder\\.Configuration\\.GetSection\\()?\"(\\w+)\"")]
    private static partial Regex Bound();
}
