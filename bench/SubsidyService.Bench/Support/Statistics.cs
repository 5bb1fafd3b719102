namespace SubsidyService.Bench;

/// <summary>Median, p95, p99, mean and max of latency samples (microseconds), by nearest rank.</summary>
public sealed record Statistics(int Count, double MedianUs, double P95Us, double P99Us, double MeanUs, double MaxUs)
{
    public static Statistics Of(IReadOnlyCollection<double> samplesUs)
    {
        if (samplesUs.Count == 0) return new Statistics(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var sorted = samplesUs.Order().ToArray();
        return new Statistics(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted.Average(), sorted[^1]);
    }

    public double MedianMs => MedianUs / 1000;
    public double P99Ms => P99Us / 1000;

    /// <summary>Nearest rank: the smallest sample with at least <paramref name="p"/> of the samples at or below it.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
