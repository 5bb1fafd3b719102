using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SubsidyService.Operations.Health;

/// <summary>
/// Three probes. <c>/livez</c>: the process answers (restart it when not). <c>/readyz</c>: the database, its schema
/// and the job server (send it traffic when 200; 503 names the failing part), with mail and the audit seal reported
/// as degraded (200: the node serves, an operator should look). <c>/healthz</c>: the older probe, as before.
/// </summary>
public static class HealthEndpoints
{
    /// <summary>A check with this tag can only degrade a node (its failure status is Degraded), never take it out.</summary>
    public const string Degrading = "degrading";

    public static readonly string[] Paths = ["/livez", "/readyz", "/healthz"];

    public static IHealthChecksBuilder AddDegradingCheck<T>(this IHealthChecksBuilder builder, string name) where T : class, IHealthCheck =>
        builder.AddCheck<T>(name, HealthStatus.Degraded, [Degrading]);

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapMethods("/livez", ["GET", "HEAD"], () => Results.Ok(new { status = "ok" }))
            .WithTags("Operations").WithSummary("200 while the process answers");
        app.MapMethods("/readyz", ["GET", "HEAD"], async (HealthCheckService health) => Answer(await health.CheckHealthAsync()))
            .WithTags("Operations").WithSummary("200 (ok or degraded) when the database, its schema and the job server answer, else 503 naming the part");
        app.MapMethods("/healthz", ["GET", "HEAD"], async (HealthCheckService health) =>
                Answer(await health.CheckHealthAsync(c => !c.Tags.Contains(Degrading))))
            .WithTags("Operations").WithSummary("200 when migrated and the database answers, else 503");
        return app;
    }

    private static IResult Answer(HealthReport report)
    {
        var checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status == HealthStatus.Healthy ? "ok" : e.Value.Description ?? e.Value.Status.ToString().ToLowerInvariant());
        return report.Status switch
        {
            HealthStatus.Healthy => Results.Ok(new { status = "ok", checks }),
            HealthStatus.Degraded => Results.Ok(new { status = "degraded", checks }),
            _ => Results.Json(new
            {
                status = "unavailable",
                failing = report.Entries.Where(e => e.Value.Status == HealthStatus.Unhealthy).Select(e => e.Key).ToArray(),
                checks,
            }, statusCode: StatusCodes.Status503ServiceUnavailable),
        };
    }
}
