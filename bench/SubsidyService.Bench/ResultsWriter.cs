using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SubsidyService.Bench;

/// <summary>One run: when, how, on what, and every benchmark's figures.</summary>
public sealed record RunReport(DateTime StartedUtc, double DurationSeconds, string Mode, string Only, Machine Machine, IReadOnlyList<BenchmarkResult> Benchmarks);

/// <summary>Writes a run as bench/results/&lt;UTC timestamp&gt;.json and prints it as a short table.</summary>
public static class ResultsWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string Write(RunReport report, string resultsDirectory)
    {
        Directory.CreateDirectory(resultsDirectory);
        var path = Path.Combine(resultsDirectory, report.StartedUtc.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + ".json");
        var rounded = report with { DurationSeconds = Math.Round(report.DurationSeconds, 1), Benchmarks = report.Benchmarks.Select(Rounded).ToList() };
        File.WriteAllText(path, JsonSerializer.Serialize(rounded, JsonOptions) + "\n");
        return path;
    }

    public static void PrintTable(IReadOnlyList<BenchmarkResult> results, TextWriter output)
    {
        output.WriteLine($"{"benchmark",-26} {"ops",7} {"conc",4} {"ops/s",11} {"median",10} {"p95",10} {"alloc/op",12} {"output/op",10} {"errors",6}");
        foreach (var r in results)
        {
            var allocated = r.AllocatedBytesPerOp is { } b ? $"{b:N0} B" : "-";
            var produced = r.OutputBytesPerOp is { } o ? $"{o:N0} B" : "-";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Name,-26} {r.Iterations,7} {r.Concurrency,4} {r.OpsPerSecond,11:N0} {Latency(r.MedianUs),10} {Latency(r.P95Us),10} {allocated,12} {produced,10} {r.Errors,6}"));
        }
    }

    private static string Latency(double us) => us switch
    {
        double.NaN => "-",
        < 1_000 => string.Create(CultureInfo.InvariantCulture, $"{us:0.00} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{us / 1_000:0.00} ms"),
    };

    private static BenchmarkResult Rounded(BenchmarkResult r) => r with
    {
        OpsPerSecond = Math.Round(r.OpsPerSecond, 1),
        MedianUs = Math.Round(r.MedianUs, 3),
        P95Us = Math.Round(r.P95Us, 3),
        MeanUs = Math.Round(r.MeanUs, 3),
        MaxUs = Math.Round(r.MaxUs, 3),
    };
}
