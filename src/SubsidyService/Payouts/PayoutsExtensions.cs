using SubsidyService.Claims;

namespace SubsidyService.Payouts;

/// <summary>Payout batches, the payment file, the bank's results and the simulated bank.</summary>
public static class PayoutsExtensions
{
    public static WebApplicationBuilder AddPayouts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PayoutOptions>().Bind(builder.Configuration.GetSection("Payouts"));
        builder.Services.AddSingleton<BulkTransitions>();
        builder.Services.AddSingleton<PayoutStore>();
        builder.Services.AddSingleton<PayoutRequests>();
        builder.Services.AddSingleton<PayoutBatchRunner>();
        builder.Services.AddSingleton<BankResults>();
        builder.Services.AddSingleton<SimulatedBank>();
        builder.Services.AddSingleton<ScheduledPayout>();
        builder.Services.AddSingleton<IPayoutJobs, BackgroundPayoutJobs>();
        return builder;
    }

    public static WebApplication MapPayouts(this WebApplication app)
    {
        app.MapPayoutEndpoints();
        return app;
    }
}
