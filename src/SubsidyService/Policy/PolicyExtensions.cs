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
        // Routing runs first in a WebApplication, so the limiter sees which endpoint asks for a policy;
        // only endpoints that name one are limited.
        app.UseRateLimiter();
        app.MapPolicyEndpoints();
        app.MapEstimateFloor();
        return app;
    }
}
