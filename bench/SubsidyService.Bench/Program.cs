using System.Diagnostics;
using SubsidyService.Bench;

// The benchmark harness: see the README's "Benchmarks" section. bench/run.sh builds Release and runs this.
var options = Options.Parse(args);
if (options is null)
{
    Console.Error.WriteLine(Options.Usage);
    return 2;
}

var root = Machine.RepositoryRoot();
var machine = Machine.Describe(root);
if (machine.Configuration != "Release")
    Console.Error.WriteLine("warning: a Debug build of the harness; the figures are not comparable (bench/run.sh builds Release)");

var startedUtc = DateTime.UtcNow;
var clock = Stopwatch.StartNew();
var results = new List<BenchmarkResult>();
if (options.RunsPure)
{
    foreach (var result in PureBenchmarks.Run(options.PureSettings))
    {
        Console.WriteLine($"  {result.Name} done");
        results.Add(result);
    }
}
if (options.RunsLetters)
{
    foreach (var result in LetterBenchmarks.Run(root, options.LetterSettings))
    {
        Console.WriteLine($"  {result.Name} done");
        results.Add(result);
    }
}
if (options.RunsHttp)
    results.AddRange(await HttpBenchmarks.RunAsync(root, options.HttpSizes));
if (options.RunsPayout)
    results.AddRange(await PayoutBenchmark.RunAsync(root, options.PayoutClaims));

var report = new RunReport(startedUtc, clock.Elapsed.TotalSeconds, options.Quick ? "quick" : "full", options.Only, machine, results);
var path = ResultsWriter.Write(report, Path.Combine(root, "bench", "results"));
Console.WriteLine();
ResultsWriter.PrintTable(results, Console.Out);
Console.WriteLine();
Console.WriteLine($"{machine.LogicalCores} cores, {machine.Os}, {machine.Runtime}, commit {machine.GitCommit?[..12] ?? "unknown"}{(machine.GitDirty == true ? " (uncommitted changes)" : "")}");
Console.WriteLine($"Written: {Path.GetRelativePath(root, path)}");
return results.Any(r => r.Errors > 0) ? 1 : 0;
