using System.Globalization;

namespace SubsidyService.Bench;

/// <summary>
/// One figure of a scenario, as written to the results file: its value, the reference measured in the same run
/// (when there is one) and the ratio to it, the goal and whether it was met. A metric without a goal is context.
/// </summary>
public sealed record Metric(string Scenario, string Name, double Value, string Unit,
    double? Reference, double? Ratio, string? Goal, bool? Met, string Note)
{
    /// <summary>A figure with no goal: it explains the others.</summary>
    public static Metric Info(string scenario, string name, double value, string unit, string note) =>
        new(scenario, name, Round(value), unit, null, null, null, null, note);

    /// <summary>At most <paramref name="limit"/> (latency, memory, time).</summary>
    public static Metric AtMost(string scenario, string name, double value, string unit, double limit, string note) =>
        new(scenario, name, Round(value), unit, null, null, $"≤ {Text(limit)} {unit}", value <= limit, note);

    /// <summary>
    /// At least <paramref name="limit"/> (a rate), shown beside a reference measured in the same run: the goal is the
    /// value itself, the ratio says how much of the reference's rate the work keeps on this machine at this moment.
    /// </summary>
    public static Metric AtLeast(string scenario, string name, double value, string unit, double limit, double reference, string note) =>
        new(scenario, name, Round(value), unit, Round(reference), reference > 0 ? Math.Round(value / reference, 3) : null,
            $"≥ {Text(limit)} {unit}", value >= limit, note);

    /// <summary>The value over a reference measured in the same run, with the least ratio that meets the goal.</summary>
    public static Metric Against(string scenario, string name, double value, string unit, double reference, double minRatio, string note)
    {
        var ratio = reference > 0 ? value / reference : double.NaN;
        return new(scenario, name, Round(value), unit, Round(reference), Math.Round(ratio, 3), $"ratio ≥ {Text(minRatio)}",
            ratio >= minRatio, note);
    }

    /// <summary>The value beside a reference measured in the same run, with their ratio and no goal: a bound to read it against.</summary>
    public static Metric Beside(string scenario, string name, double value, string unit, double reference, string note) =>
        new(scenario, name, Round(value), unit, Round(reference), reference > 0 ? Math.Round(value / reference, 3) : null, null, null, note);

    public const string RanToTheEnd = "ran to the end";

    /// <summary>A scenario that could not run to the end, or had errors: the run exits 1.</summary>
    public static Metric Failed(string scenario, string name, string why) =>
        new(scenario, name, double.NaN, "", null, null, RanToTheEnd, false, why.Length > 600 ? why[..600] + "…" : why);

    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsFailure => Goal == RanToTheEnd && Met == false;

    private static double Round(double v) => double.IsFinite(v) ? Math.Round(v, v >= 100 ? 1 : 3) : v;

    private static string Text(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
