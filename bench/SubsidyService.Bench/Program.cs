using System.Diagnostics;
using SubsidyService.Bench;

// The benchmark harness: see docs/benchmarks.md. bench/run.sh builds Release and runs this.
var options = Options.Parse(args);
var selected = options?.Selected();
if (options is null || selected is null)
{
    Console.Error.WriteLine(Options.Usage);
    Console.Error.WriteLine("scenarios: " + string.Join(", ", ScenarioRegistry.All.Select(s => s.Name)));
    return 2;
}
if (options.List)
{
    foreach (var s in ScenarioRegistry.All)
        Console.WriteLine($"{s.Name,-10} {(s.InFullRun ? "full run" : "opt-in  ")}  {s.Description}");
    return 0;
}

var root = Machine.RepositoryRoot();
var machine = Machine.Describe(root);
if (machine.Configuration != "Release")
    Console.Error.WriteLine("warning: a Debug build of the harness; the figures are not comparable (bench/run.sh builds Release)");

var startedUtc = DateTime.UtcNow;
var loadBefore = Machine.LoadAverage();
var clock = Stopwatch.StartNew();
var context = new BenchContext(root, options.Quick);
var results = new List<Metric>();
foreach (var scenario in selected)
{
    Console.WriteLine($"== {scenario.Name}: {scenario.Description}");
    var started = Stopwatch.StartNew();
    try
    {
        results.AddRange(await scenario.RunAsync(context));
    }
    catch (Exception ex)
    {
        Console.Error.WriteLine($"   {scenario.Name} failed: {ex}");
        results.Add(Metric.Failed(scenario.Name, "run", ex.Message));
    }
    Console.WriteLine($"   {scenario.Name} took {started.Elapsed.TotalSeconds:0} s");
}

var report = new RunReport(startedUtc, Math.Round(clock.Elapsed.TotalSeconds, 1), options.Quick ? "quick" : "full",
    selected.Select(s => s.Name).ToList(), machine, loadBefore, Machine.LoadAverage(), results);
var written = ResultsWriter.Write(report, Path.Combine(root, "bench", "results"), asLatest: options.IsFullRun);
Console.WriteLine();
ResultsWriter.PrintTable(results, Console.Out);
Console.WriteLine();
Console.WriteLine($"{machine.LogicalCores} cores, {machine.Os}, {machine.Runtime}, commit {machine.GitCommit?[..12] ?? "unknown"}" +
                  $"{(machine.GitDirty == true ? " (uncommitted changes)" : "")}; load average {loadBefore} before, {report.LoadAfter} after");
foreach (var path in written) Console.WriteLine($"Written: {Path.GetRelativePath(root, path)}");
return results.Any(r => r.IsFailure) ? 1 : 0;
