using Hangfire;
using Hangfire.PostgreSql;
using Npgsql;
using SubsidyService.Data;

namespace SubsidyService.Jobs;

/// <summary>
/// Hangfire's store in the service's own database (schema <c>hangfire</c>, installed by the migrations:
/// <see cref="JobSchema"/>). Built when first asked for, which is after <see cref="Database.StartAsync"/>: an
/// embedded server's address is only known once it has started.
/// </summary>
public static class JobStorageFactory
{
    public static JobStorage Create(IServiceProvider services)
    {
        var database = services.GetRequiredService<Database>();
        var options = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<JobsOptions>>().Value;
        return new PostgreSqlStorage(new DataSourceConnectionFactory(database.CreatePool("jobs", options.MaxPoolSize)), new PostgreSqlStorageOptions
        {
            SchemaName = JobsOptions.SchemaName,
            PrepareSchemaIfNecessary = false,
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = options.InvisibilityTimeout,
            QueuePollInterval = options.QueuePollInterval,
        });
    }

    /// <summary>
    /// Hangfire's connections come from a small pool of their own (Jobs:MaxPoolSize, "SubsidyService jobs" in
    /// pg_stat_activity): its workers each poll the queue, and on the service's pool they kept a connection apiece
    /// open; here they take turns, and a busy job server cannot starve requests of connections either.
    /// </summary>
    private sealed class DataSourceConnectionFactory(NpgsqlDataSource pool) : IConnectionFactory
    {
        public NpgsqlConnection GetOrCreateConnection() => pool.CreateConnection();
    }
}
