using SubsidyService.Jobs;

namespace SubsidyService.Operations.Retention;

public static class RetentionExtensions
{
    /// <summary>The nightly purge; each feature registers its own <see cref="IRetentionPurge"/> beside its tables.</summary>
    public static WebApplicationBuilder AddRetention(this WebApplicationBuilder builder)
    {
        builder.Services.AddRecurringJob<DataPurgeJob>(DataPurgeJob.Id, "40 3 * * *");
        return builder;
    }
}
