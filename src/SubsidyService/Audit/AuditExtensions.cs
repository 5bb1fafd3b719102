namespace SubsidyService.Audit;

/// <summary>The hash-chained event log every feature appends to, and the auditors' endpoints over it.</summary>
public static class AuditExtensions
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<EventLog>();
        builder.Services.AddSingleton<EventChainVerifier>();
        return builder;
    }

    public static WebApplication MapAudit(this WebApplication app)
    {
        app.MapAuditEndpoints();
        return app;
    }
}
