using System.Diagnostics;

namespace SubsidyService.Bench;

/// <summary>
/// Runs a bounded number of requests with a fixed number of concurrent clients, one latency sample
/// per request. Stops early at the time limit; a request that throws counts as an error.
/// </summary>
public static class HttpLoad
{
    public sealed record Settings(int Requests, int Concurrency, TimeSpan MaxTime);

    /// <summary>The request gets its index (0 … Requests-1); it throws when the answer is not the expected one.</summary>
    public static async Task<BenchmarkResult> RunAsync(string name, string description, Settings settings, Func<int, CancellationToken, Task> request)
    {
        var latencies = new double[settings.Requests];
        var succeeded = new bool[settings.Requests];
        var next = -1;
        var errors = 0;
        string? firstError = null;
        using var timeout = new CancellationTokenSource(settings.MaxTime);
        var started = Stopwatch.GetTimestamp();

        async Task Client()
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < settings.Requests && !timeout.IsCancellationRequested)
            {
                var t = Stopwatch.GetTimestamp();
                try
                {
                    await request(i, timeout.Token);
                    latencies[i] = Stopwatch.GetElapsedTime(t).TotalMicroseconds;
                    succeeded[i] = true;
                }
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or OperationCanceledException)
                {
                    if (Interlocked.Increment(ref errors) == 1) firstError = ex.Message;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(Client)));
        var wall = Stopwatch.GetElapsedTime(started);

        var samples = latencies.Where((_, i) => succeeded[i]).ToList();
        if (firstError is not null)
            Console.Error.WriteLine($"  {name}: {errors} failed request(s); the first: {firstError}");
        var stats = Statistics.Of(samples);
        return new BenchmarkResult(name, "http", description, samples.Count, samples.Count, settings.Concurrency, errors,
            samples.Count / wall.TotalSeconds, stats.MedianUs, stats.P95Us, stats.MeanUs, stats.MaxUs, null);
    }
}
