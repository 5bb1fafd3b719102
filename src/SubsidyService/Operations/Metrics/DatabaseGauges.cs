using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace SubsidyService.Operations.Metrics;

/// <summary>One value of a gauge read from the database, with at most one label (e.g. a claim status).</summary>
public readonly record struct GaugeValue(double Value, string? Label = null, string? LabelValue = null);

/// <summary>A gauge a feature declares over its own tables; its query runs on the refresher's schedule, never on a scrape.</summary>
public sealed record DatabaseGauge(string Name, string Description, string? Unit, Func<NpgsqlConnection, CancellationToken, Task<IReadOnlyList<GaugeValue>>> Read);

public sealed class MetricsOptions
{
    public bool Enabled { get; set; } = true;
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>
/// Reads every declared gauge every <c>Metrics:RefreshInterval</c> and keeps the last values, which the meter's
/// observable gauges report: a scrape costs no query, and a slow or failing database shows as stale values and a
/// warning in the log, not as a scrape that hangs.
/// </summary>
public sealed class DatabaseGaugeRefresher(IEnumerable<DatabaseGauge> gauges, NpgsqlDataSource db, ServiceMeter meter, IOptions<MetricsOptions> options,
    ILogger<DatabaseGaugeRefresher> logger) : BackgroundService
{
    private readonly Dictionary<string, IReadOnlyList<GaugeValue>> last = new();
    private readonly Lock gate = new();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var gauge in gauges)
            meter.Meter.CreateObservableGauge(gauge.Name, () => Measurements(gauge.Name), gauge.Unit, gauge.Description);
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval);
        do
        {
            await RefreshAsync(stoppingToken);
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RefreshAsync(CancellationToken ct)
    {
        try
        {
            await using var conn = await db.OpenConnectionAsync(ct);
            foreach (var gauge in gauges)
            {
                var values = await gauge.Read(conn, ct);
                lock (gate) last[gauge.Name] = values;
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException)
        {
            logger.LogWarning("Metrics not refreshed: {Error}", ex.Message);
        }
    }

    private IEnumerable<Measurement<double>> Measurements(string name)
    {
        IReadOnlyList<GaugeValue>? values;
        lock (gate) last.TryGetValue(name, out values);
        foreach (var v in values ?? [])
            yield return v.Label is null ? new Measurement<double>(v.Value) : new Measurement<double>(v.Value, new KeyValuePair<string, object?>(v.Label, v.LabelValue));
    }
}

public static class DatabaseGaugeExtensions
{
    /// <summary>Counts per value of a column (<c>status</c> of <c>claims</c>, say), every known value reported even at zero.</summary>
    public static IServiceCollection AddCountGauge(this IServiceCollection services, string name, string description, string label,
        IReadOnlyList<string> known, string sql) =>
        services.AddSingleton(new DatabaseGauge(name, description, null, async (conn, ct) =>
        {
            var counts = (await Dapper.SqlMapper.QueryAsync<(string Key, long Count)>(conn, new Dapper.CommandDefinition(sql, cancellationToken: ct)))
                .ToDictionary(r => r.Key, r => r.Count);
            return known.Concat(counts.Keys.Except(known)).Select(k => new GaugeValue(counts.GetValueOrDefault(k), label, k)).ToList();
        }));

    /// <summary>A single number from a query.</summary>
    public static IServiceCollection AddScalarGauge(this IServiceCollection services, string name, string description, string? unit, string sql) =>
        services.AddSingleton(new DatabaseGauge(name, description, unit, async (conn, ct) =>
            [new GaugeValue(await Dapper.SqlMapper.ExecuteScalarAsync<double?>(conn, new Dapper.CommandDefinition(sql, cancellationToken: ct)) ?? 0)]));
}
