namespace SubsidyService.Jobs;

/// <summary>Configuration section <c>Jobs</c>: the Hangfire server every node runs.</summary>
public sealed class JobsOptions
{
    /// <summary>
    /// How long a fetched job stays invisible to other nodes. The timeout slides while its worker is alive, so it
    /// only bounds how soon a dead node's job is picked up again elsewhere.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Workers per node; unset: Hangfire's default (five per core, at most 20).</summary>
    public int? WorkerCount { get; set; }

    /// <summary>
    /// Connections of the job server's own pool (Hangfire's queue polls, heartbeats, locks and state changes; the jobs'
    /// own work uses the service's pool). Its workers take turns on them.
    /// </summary>
    public int MaxPoolSize { get; set; } = 3;

    /// <summary>How often an idle worker looks for an enqueued job.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How often a node looks for scheduled and recurring jobs that are due.</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Cron expressions by recurring job id, replacing the job's own schedule (<c>Jobs:Schedules:idempotency-cleanup</c>).</summary>
    public Dictionary<string, string> Schedules { get; set; } = new(StringComparer.Ordinal);

    public const string SchemaName = "hangfire";
}
