using SubsidyService.Kernel;

namespace SubsidyService.Policy;

public static class PolicyExtensions
{
    public static WebApplicationBuilder AddPolicy(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PolicyStore>();
        builder.Services.AddHostedService<PolicyChangeListener>();
        builder.Services.AddSingleton<Estimator>();
        // The estimate needs the holidays: an application window's last day moves past them.
        builder.Services.AddWorkingDayCalendar();
        EstimateRateLimit.Add(builder);
        return builder;
    }

    /// <summary>
    /// The default version (item 13 as published) in every mode, not only demo: without a version in
    /// force nothing can be estimated or claimed.
    /// </summary>
    public static Task SeedPolicyAsync(this WebApplication app) =>
        app.Services.GetRequiredService<PolicyStore>().SeedDefaultAsync();

    public static WebApplication MapPolicy(this WebApplication app)
    {
        // The estimate's limiter runs with the others (UseApiLimits, after authentication); only endpoints that name
        // its policy are held to it.
        app.MapPolicyEndpoints();
        app.MapEstimateFloor();
        return app;
    }
}
