using SubsidyService.Operations.Metrics;
using SubsidyService.Claims;
using SubsidyService.Claims.Triggers;

namespace SubsidyService.Recoveries;

/// <summary>Recoveries (追回) of payments found to be duplicate funding after they were made.</summary>
public static class RecoveriesExtensions
{
    public static WebApplicationBuilder AddRecoveries(this WebApplicationBuilder builder)
    {
        builder.Services.AddScalarGauge("subsidy.recoveries.open", "Recoveries opened and not settled", null,
            "SELECT count(*) FROM public.recoveries WHERE state = 'open'");
        builder.Services.AddSingleton<RecoveryStore>();
        builder.Services.AddSingleton<RecoverySettling>();
        builder.Services.AddSingleton<RecoveryDecisions>();
        builder.Services.AddSingleton<RecoveredTotals>();
        builder.Services.AddSingleton<ITransitionEffect, RecoveryOpeningEffect>();
        builder.Services.AddSingleton<ITransitionEffect, RecoverySettlementEffect>();
        return builder;
    }

    public static WebApplication MapRecoveries(this WebApplication app)
    {
        app.MapRecoveryEndpoints();
        return app;
    }
}
