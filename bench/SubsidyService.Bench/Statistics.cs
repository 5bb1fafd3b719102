namespace SubsidyService.Bench;

/// <summary>Median, p95, mean and max of latency samples (microseconds), by nearest rank.</summary>
public sealed record Statistics(double MedianUs, double P95Us, double MeanUs, double MaxUs)
{
    public static Statistics Of(IReadOnlyCollection<double> samplesUs)
    {
        if (samplesUs.Count == 0) return new Statistics(double.NaN, double.NaN, double.NaN, double.NaN);
        var sorted = samplesUs.Order().ToArray();
        return new Statistics(Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted.Average(), sorted[^1]);
    }

    /// <summary>Nearest rank: the smallest sample with at least <paramref name="p"/> of the samples at or below it.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
