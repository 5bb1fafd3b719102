using Hangfire;

namespace SubsidyService.Jobs;

/// <summary>
/// Puts every registered recurring job in place at start-up, on every node: AddOrUpdate is idempotent and
/// Hangfire keeps one definition per id, so nodes starting together agree, and a changed schedule takes effect
/// with the first node of a deploy.
/// </summary>
public sealed class RecurringJobSchedule(
    IEnumerable<IRecurringJobRegistration> registrations,
    IRecurringJobManager jobs,
    RecurringJobCatalog catalog,
    ILogger<RecurringJobSchedule> logger) : IHostedService
{
    /// <summary>Schedules are read in China time, the county's (cron "0 2 * * *" is 02:00 there).</summary>
    public static readonly TimeZoneInfo TimeZone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var china) ? china : TimeZoneInfo.Utc;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var registration in registrations)
        {
            var cron = catalog.CronOf(registration);
            registration.AddOrUpdate(jobs, cron, new RecurringJobOptions { TimeZone = TimeZone });
            logger.LogInformation("Recurring job {Id} scheduled: {Cron}", registration.Id, cron);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
