using System.Diagnostics.Metrics;

namespace SubsidyService.Operations.Metrics;

/// <summary>
/// The service's own meter (series named <c>subsidy_*</c> at /metrics), one per host and disposed with it. Meters are
/// found by name across the process, so each host's exporter keeps to its own instance (see
/// <see cref="MetricsExtensions"/>): two hosts in one process (the tests) never report each other's values.
/// </summary>
public sealed class ServiceMeter : IDisposable
{
    public const string Name = "SubsidyService";

    public Meter Meter { get; } = new(Name);

    public void Dispose() => Meter.Dispose();
}
