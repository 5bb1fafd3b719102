using System.Diagnostics;

namespace SubsidyService.Bench;

/// <summary>
/// A bounded number of operations run by a fixed number of concurrent clients, each starting its next operation
/// when the last one is answered (a closed loop); one latency sample per operation. Stops early at the time limit;
/// an operation that throws counts as an error.
/// </summary>
public static class ClosedLoop
{
    public sealed record Result(string Name, int Operations, int Concurrency, int Errors, string? FirstError, TimeSpan Wall, Statistics Latency, bool StoppedAtTimeLimit)
    {
        public double PerSecond => Operations / Wall.TotalSeconds;

        public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{Name}: {Operations} ok, {Errors} failed, {Concurrency} clients, {PerSecond:0.0}/s, median {Latency.MedianMs:0.00} ms, p99 {Latency.P99Ms:0.00} ms")
            + (StoppedAtTimeLimit ? " (stopped at the time limit)" : "");
    }

    /// <summary>The operation gets its index (0 … count-1) and the client's number (0 … concurrency-1); it throws when the answer is wrong.</summary>
    public static async Task<Result> RunAsync(string name, int count, int concurrency, TimeSpan maxTime, Func<int, int, CancellationToken, Task> operation)
    {
        var latencies = new double[count];
        var succeeded = new bool[count];
        var next = -1;
        var errors = 0;
        string? firstError = null;
        using var timeout = new CancellationTokenSource(maxTime);
        var started = Stopwatch.GetTimestamp();

        async Task Client(int client)
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && !timeout.IsCancellationRequested)
            {
                var t = Stopwatch.GetTimestamp();
                try
                {
                    await operation(i, client, timeout.Token);
                    latencies[i] = Stopwatch.GetElapsedTime(t).TotalMicroseconds;
                    succeeded[i] = true;
                }
                catch (OperationCanceledException) when (timeout.IsCancellationRequested)
                {
                    // Cut off by the time limit: neither a success nor an error.
                }
                catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or OperationCanceledException)
                {
                    if (Interlocked.Increment(ref errors) == 1) firstError = ex.Message;
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(c => Task.Run(() => Client(c))));
        var wall = Stopwatch.GetElapsedTime(started);
        var samples = latencies.Where((_, i) => succeeded[i]).ToList();
        var result = new Result(name, samples.Count, concurrency, errors, firstError, wall, Statistics.Of(samples), timeout.IsCancellationRequested);
        Console.WriteLine("   " + result + (firstError is null ? "" : $"; first error: {firstError}"));
        return result;
    }
}
