using System.Diagnostics;

namespace SubsidyService.Bench;

/// <summary>
/// Times a pure function in batches: the function first runs for <see cref="Settings.WarmupTime"/> (so the JIT
/// has moved it to its optimised tier), the batch then grows until it lasts <see cref="Settings.BatchTime"/>, a few
/// batches warm up, and each measured batch gives one sample of time per operation.
/// Allocations are counted on this thread over the measured batches only.
/// </summary>
public static class InProcessRunner
{
    public sealed record Result(long Operations, double MedianUs, double P95Us, long AllocatedBytesPerOp);

    public sealed record Settings(TimeSpan WarmupTime, int WarmupBatches, int MeasuredBatches, TimeSpan BatchTime, TimeSpan MaxMeasuredTime);

    private const int MaxBatch = 1 << 20;

    /// <summary>Where results go so that the JIT cannot drop the call.</summary>
    private static object? _sink;

    public static Result Run(Func<object> operation, Settings settings)
    {
        var warming = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(warming) < settings.WarmupTime)
            Elapsed(operation, 16);

        var batch = 1;
        while (batch < MaxBatch && Elapsed(operation, batch) < settings.BatchTime)
            batch *= 2;
        for (var i = 0; i < settings.WarmupBatches; i++)
            Elapsed(operation, batch);

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        var samples = new List<double>(settings.MeasuredBatches);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        while (samples.Count < samples.Capacity && Stopwatch.GetElapsedTime(started) < settings.MaxMeasuredTime)
            samples.Add(Elapsed(operation, batch).TotalMicroseconds / batch);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

        var ops = samples.Count * batch;
        var stats = Statistics.Of(samples);
        return new Result(ops, stats.MedianUs, stats.P95Us, allocated / ops);
    }

    private static TimeSpan Elapsed(Func<object> operation, int times)
    {
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < times; i++)
            _sink = operation();
        return Stopwatch.GetElapsedTime(start);
    }
}
