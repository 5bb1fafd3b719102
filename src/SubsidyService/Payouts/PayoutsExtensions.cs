using SubsidyService.Operations.Metrics;
using SubsidyService.Claims;
using SubsidyService.Jobs;

namespace SubsidyService.Payouts;

/// <summary>Payout batches, the payment file, the bank's results and the simulated bank.</summary>
public static class PayoutsExtensions
{
    public static WebApplicationBuilder AddPayouts(this WebApplicationBuilder builder)
    {
        builder.Services.AddCountGauge("subsidy.payout_batches", "Payout batches by status", "status",
            ["queued", "running", "completed", "failed"], "SELECT status, count(*) FROM public.payout_batches GROUP BY status");
        builder.Services.AddOptions<PayoutOptions>().Bind(builder.Configuration.GetSection("Payouts"));
        builder.Services.AddSingleton<PayoutStore>();
        builder.Services.AddSingleton<BatchList>();
        builder.Services.AddSingleton<PayoutRequests>();
        builder.Services.AddSingleton<PayoutConfirmation>();
        builder.Services.AddSingleton<PayoutPause>();
        builder.Services.AddSingleton<RestoreGuard>();
        builder.Services.AddSingleton<PayoutBatchRunner>();
        builder.Services.AddSingleton<BankResults>();
        builder.Services.AddSingleton<SimulatedBank>();
        builder.Services.AddSingleton<IPayoutJobs, HangfirePayoutJobs>();
        var cron = builder.Configuration["Payouts:Cron"] is { Length: > 0 } c ? c : new PayoutOptions().Cron;
        builder.Services.AddRecurringJob<ScheduledPayout>(ScheduledPayout.JobId, cron);
        return builder;
    }

    public static WebApplication MapPayouts(this WebApplication app)
    {
        app.MapPayoutEndpoints();
        app.MapPayoutPauseEndpoints();
        return app;
    }

    /// <summary>
    /// Run right after the migrations, before the job server or any request can make a batch: a database restored
    /// from a dump starts with payouts paused.
    /// </summary>
    public static Task GuardPayoutsAfterRestoreAsync(this WebApplication app) =>
        app.Services.GetRequiredService<RestoreGuard>().CheckAsync();
}
