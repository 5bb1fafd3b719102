namespace SubsidyService.Bench;

/// <summary>One benchmark's figures, as written to the JSON file. Latencies are in microseconds.</summary>
/// <param name="Iterations">Operations measured (after warm-up).</param>
/// <param name="Samples">Timed samples behind median and p95: one per request over HTTP, one per batch in-process.</param>
/// <param name="OutputBytesPerOp">What one operation produces, in bytes (a letter's PDF); null where nothing is produced.</param>
/// <param name="AllocatedBytesPerOp">Managed bytes allocated per operation on the measuring thread; null over HTTP (the work is in another process).</param>
public sealed record BenchmarkResult(
    string Name,
    string Group,
    string Description,
    int Iterations,
    int Samples,
    int Concurrency,
    int Errors,
    double OpsPerSecond,
    double MedianUs,
    double P95Us,
    double MeanUs,
    double MaxUs,
    long? AllocatedBytesPerOp,
    long? OutputBytesPerOp = null);
