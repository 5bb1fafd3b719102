using System.Text.Json;
using Microsoft.Playwright;

namespace SubsidyService.BrowserTests;

/// <summary>
/// axe-core (npm <c>axe-core</c> 4.14.1, which test.sh installs under <c>.tools/axe</c> as it installs maildev)
/// injected into a page through Playwright and run with the WCAG 2.2 AA rules.
/// </summary>
public static class Axe
{
    public const string Version = "4.14.1";

    public static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static string ScriptPath =>
        Path.Combine(TestMachine.RepositoryRoot(), ".tools", "axe", "node_modules", "axe-core", "axe.min.js");

    /// <summary>Fails the calling test with what to run when axe-core is not installed: a missing tool never passes quietly.</summary>
    public static void EnsureInstalled()
    {
        if (!File.Exists(ScriptPath))
            throw new InvalidOperationException(
                $"axe-core is not installed at {ScriptPath}: run ./test.sh once, or npm install --prefix .tools/axe axe-core@{Version}");
    }

    public sealed record Violation(string Id, string Impact, string Help, int Count, IReadOnlyList<string> Nodes)
    {
        public bool Serious => Impact is "critical" or "serious";
        public override string ToString() => $"{Impact} {Id} ({Help}) ×{Count}: {string.Join(" | ", Nodes)}";
    }

    /// <summary>Runs axe on the page as it stands; <paramref name="disabledRules"/> are left out (each with a reason at the caller).</summary>
    public static async Task<IReadOnlyList<Violation>> RunAsync(IPage page, params string[] disabledRules)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
            await page.AddScriptTagAsync(new() { Path = ScriptPath });
        var json = await page.EvaluateAsync<JsonElement>("""
            async ([tags, disabled]) => {
              const rules = Object.fromEntries(disabled.map(r => [r, { enabled: false }]));
              const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, rules, resultTypes: ['violations'] });
              return result.violations.map(v => ({
                id: v.id, impact: v.impact || 'minor', help: v.help, count: v.nodes.length,
                nodes: v.nodes.slice(0, 4).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 200)),
              }));
            }
            """, new object[] { Tags, disabledRules });
        return json.EnumerateArray().Select(v => new Violation(
            v.GetProperty("id").GetString()!, v.GetProperty("impact").GetString()!, v.GetProperty("help").GetString()!,
            v.GetProperty("count").GetInt32(), v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()!).ToList())).ToList();
    }
}
