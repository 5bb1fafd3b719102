using SubsidyService.Claims;

namespace SubsidyService.Recoveries;

/// <summary>Recoveries (追回) of payments found to be duplicate funding after they were made.</summary>
public static class RecoveriesExtensions
{
    public static WebApplicationBuilder AddRecoveries(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RecoveryStore>();
        builder.Services.AddSingleton<RecoverySettling>();
        builder.Services.AddSingleton<ITransitionHandler, RecoveryHandler>();
        return builder;
    }

    public static WebApplication MapRecoveries(this WebApplication app)
    {
        app.MapRecoveryEndpoints();
        return app;
    }
}
