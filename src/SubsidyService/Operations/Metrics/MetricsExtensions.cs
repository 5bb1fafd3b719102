using Npgsql;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace SubsidyService.Operations.Metrics;

/// <summary>
/// OpenTelemetry: ASP.NET Core, runtime, Npgsql (pool and commands), rate limiting and the service's own meter,
/// served at /metrics in Prometheus' text format while <c>Metrics:Enabled</c> (default true); with the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, metrics and traces also go out by OTLP.
/// </summary>
public static class MetricsExtensions
{
    public const string Path = "/metrics";

    public static WebApplicationBuilder AddMetrics(this WebApplicationBuilder builder)
    {
        var meter = new ServiceMeter();
        // Returned by a factory, so the container disposes it with the host.
        builder.Services.AddSingleton(_ => meter);
        builder.Services.Configure<MetricsOptions>(builder.Configuration.GetSection("Metrics"));
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DatabaseGaugeRefresher>());
        builder.Services.AddSingleton<DatabaseGaugeRefresher>();
        if (!builder.Configuration.GetValue("Metrics:Enabled", true)) return builder;

        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService("subsidyservice"));
        telemetry.WithMetrics(m =>
        {
            m.AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddMeter(ServiceMeter.Name, "Microsoft.AspNetCore.RateLimiting")
                .AddPrometheusExporter();
            if (otlp) m.AddOtlpExporter();
        });
        // A meter listener hears every meter of a name in the process: another host's (a second node in one process, as
        // tests run them) would be reported here too, and would take this host's share of the exporter's streams. Only
        // this host's own meters (ASP.NET Core's come from its IMeterFactory) and the process-wide ones are kept.
        builder.Services.ConfigureOpenTelemetryMeterProvider((sp, m) =>
        {
            var factory = sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
            m.AddView(i =>
                (i.Meter.Name == ServiceMeter.Name && !ReferenceEquals(i.Meter, meter.Meter))
                || (i.Meter.Scope is System.Diagnostics.Metrics.IMeterFactory other && !ReferenceEquals(other, factory))
                    ? MetricStreamConfiguration.Drop : null);
        });
        if (otlp) telemetry.WithTracing(t => t.AddAspNetCoreInstrumentation().AddNpgsql().AddOtlpExporter());
        return builder;
    }

    public static WebApplication MapMetrics(this WebApplication app)
    {
        if (app.Configuration.GetValue("Metrics:Enabled", true)) app.MapPrometheusScrapingEndpoint(Path);
        return app;
    }
}
