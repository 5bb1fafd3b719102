using Dapper;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SubsidyService.Jobs;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Jobs;

/// <summary>Which node of a test cluster a job ran on.</summary>
public sealed record NodeName(string Value);

/// <summary>Jobs that write down where and for which occurrence they ran, in tables the tests create.</summary>
public static class TestJobs
{
    public const string CounterId = "test-counter";

    public static async Task CreateTablesAsync(string connectionString)
    {
        await using var conn = await TestPostgres.OpenAsync(connectionString);
        await conn.ExecuteAsync("""
            CREATE TABLE test_job_runs (job_id text NOT NULL, occurrence bigint, node text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp());
            CREATE TABLE test_job_attempts (key text NOT NULL, node text NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp());
            CREATE TABLE test_job_effects (key text PRIMARY KEY, node text NOT NULL);
            """);
        // As if a migration had made them: owned by the owner role, whose grants at start-up let the service's role use them.
        foreach (var table in new[] { "test_job_runs", "test_job_attempts", "test_job_effects" })
            await conn.ExecuteAsync($"ALTER TABLE {table} OWNER TO {SubsidyService.Data.DatabaseRoles.Owner}");
    }

    /// <summary>A node with short polling intervals, named, with the test jobs' services.</summary>
    public static SubsidyApp Node(string connectionString, string name, bool withCounter = false) =>
        new(connectionString,
            settings: new Dictionary<string, string?>
            {
                ["Jobs:QueuePollInterval"] = "00:00:00.2",
                ["Jobs:SchedulePollingInterval"] = "00:00:00.2",
            },
            services: s =>
            {
                s.AddSingleton(new NodeName(name));
                if (withCounter) s.AddSingleton<IRecurringJobRegistration, CounterRegistration>();
            });

    /// <summary>Every second; a second node must not make it fire twice.</summary>
    private sealed class CounterRegistration : IRecurringJobRegistration
    {
        public string Id => CounterId;
        public string Cron => "* * * * * *";
        public Type JobType => typeof(CountingJob);

        // Hangfire fills in the PerformContext when it runs the job.
        public void AddOrUpdate(IRecurringJobManager jobs, string cron, RecurringJobOptions options) =>
            jobs.AddOrUpdate<CountingJob>(Id, job => job.RunAsync(null!), cron, options);
    }
}

public sealed class CountingJob(NpgsqlDataSource db, NodeName node)
{
    public async Task RunAsync(PerformContext context)
    {
        // "Time" is the schedule occurrence a recurring job was fired for (Hangfire sets it).
        var occurrence = context.GetJobParameter<long?>("Time");
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("INSERT INTO test_job_runs (job_id, occurrence, node) VALUES (@id, @occurrence, @node)",
            new { id = context.BackgroundJob.Id, occurrence, node = node.Value });
    }
}

/// <summary>
/// Records the attempt, then (on the node named "holder") waits until its node stops; the effect is written
/// once whatever the number of attempts, as every real job must be.
/// </summary>
public sealed class HandoverJob(NpgsqlDataSource db, NodeName node)
{
    public const string Holder = "holder";

    public async Task RunAsync(string key, CancellationToken ct)
    {
        await using (var conn = await db.OpenConnectionAsync(CancellationToken.None))
            await conn.ExecuteAsync("INSERT INTO test_job_attempts (key, node) VALUES (@key, @node)", new { key, node = node.Value });
        if (node.Value == Holder) await Task.Delay(Timeout.Infinite, ct);
        await using var effect = await db.OpenConnectionAsync(ct);
        await effect.ExecuteAsync("INSERT INTO test_job_effects (key, node) VALUES (@key, @node) ON CONFLICT (key) DO NOTHING",
            new { key, node = node.Value });
    }
}
