using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SubsidyService.Bench;

/// <summary>One run: when, how, on what (and how busy the machine was), and every scenario's metrics.</summary>
public sealed record RunReport(DateTime StartedUtc, double DurationSeconds, string Mode, IReadOnlyList<string> Scenarios,
    Machine Machine, string LoadBefore, string LoadAfter, IReadOnlyList<Metric> Results);

/// <summary>
/// Writes a run as bench/results/&lt;UTC timestamp&gt;.json (ignored by git) and, for a full run, as
/// bench/results/latest.json (committed; docs/benchmarks.md's table is made from it); prints it as a table.
/// </summary>
public static class ResultsWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IReadOnlyList<string> Write(RunReport report, string resultsDirectory, bool asLatest)
    {
        Directory.CreateDirectory(resultsDirectory);
        var json = JsonSerializer.Serialize(report, JsonOptions) + "\n";
        var paths = new List<string> { Path.Combine(resultsDirectory, report.StartedUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + ".json") };
        if (asLatest) paths.Add(Path.Combine(resultsDirectory, "latest.json"));
        foreach (var p in paths) File.WriteAllText(p, json);
        return paths;
    }

    public static void PrintTable(IReadOnlyList<Metric> results, TextWriter output)
    {
        output.WriteLine($"{"scenario",-10} {"metric",-26} {"value",12} {"unit",-9} {"reference",11} {"ratio",7} {"goal",-14} met");
        foreach (var m in results)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{m.Scenario,-10} {m.Name,-26} {m.Value,12:0.###} {m.Unit,-9} {(m.Reference is { } r ? r.ToString("0.###", CultureInfo.InvariantCulture) : "-"),11} " +
                $"{(m.Ratio is { } q ? q.ToString("0.000", CultureInfo.InvariantCulture) : "-"),7} {m.Goal ?? "-",-14} {(m.Met is { } met ? met ? "yes" : "NO" : "-")}"));
    }
}
