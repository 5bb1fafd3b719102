namespace SubsidyService.Policy;

public static class PolicyExtensions
{
    public static WebApplicationBuilder AddPolicy(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<PolicyStore>();
        return builder;
    }

    /// <summary>
    /// The default version (item 13 as published) in every mode, not only demo: without a version in
    /// force nothing can be estimated or claimed.
    /// </summary>
    public static Task SeedPolicyAsync(this WebApplication app) =>
        app.Services.GetRequiredService<PolicyStore>().SeedDefaultAsync();

    public static WebApplication MapPolicy(this WebApplication app) => app;
}
