using Hangfire;
using Microsoft.AspNetCore.OpenApi;
using SubsidyService.Jobs;
using SubsidyService.Operations.Idempotency;

// In the Operations namespace, which Program.cs already imports, so wiring it in is one line each.
namespace SubsidyService.Operations;

public static class IdempotencyExtensions
{
    public static WebApplicationBuilder AddIdempotency(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<IdempotencyOptions>().Bind(builder.Configuration.GetSection("Idempotency"));
        builder.Services.AddSingleton<IdempotencyStore>();
        builder.Services.AddSingleton<SharedPolls>();
        builder.Services.AddSingleton<SubsidyService.Kernel.IAccountErasure, IdempotencyErasure>();
        builder.Services.AddRecurringJob<IdempotencyCleanupJob>(IdempotencyCleanupJob.Id, Cron.Hourly());
        builder.Services.ConfigureAll<OpenApiOptions>(o => o.AddOperationTransformer<IdempotencyKeyHeader>());
        return builder;
    }

    /// <summary>After UseAuthentication/UseAuthorization: a key belongs to the caller, who must be known.</summary>
    public static WebApplication UseIdempotency(this WebApplication app)
    {
        app.UseMiddleware<IdempotencyMiddleware>();
        return app;
    }
}
