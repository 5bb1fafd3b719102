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
                .AddView(i => i.Meter.Name == ServiceMeter.Name && !ReferenceEquals(i.Meter, meter.Meter) ? MetricStreamConfiguration.Drop : null)
                .AddPrometheusExporter();
            if (otlp) m.AddOtlpExporter();
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
