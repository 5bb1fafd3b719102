using System.Diagnostics;
using Hangfire;
using Hangfire.States;
using Hangfire.Storage.Monitoring;

namespace SubsidyService.Tests.Infrastructure;

/// <summary>Runs a node's jobs now, instead of waiting for their schedule, and waits for the outcome.</summary>
public static class Jobs
{
    /// <summary>Enqueues the recurring job now (as the dashboard's "trigger now" does) and waits until it has run.</summary>
    public static async Task RunRecurringJobAsync(this SubsidyApp app, string recurringJobId, TimeSpan? timeout = null)
    {
        var jobId = app.Service<IRecurringJobManagerV2>().TriggerJob(recurringJobId)
            ?? throw new InvalidOperationException($"No recurring job '{recurringJobId}' is registered.");
        await app.WaitForJobAsync(jobId, timeout);
    }

    /// <summary>Waits until the background job has succeeded; fails the test with the job's error otherwise.</summary>
    public static async Task<JobDetailsDto> WaitForJobAsync(this SubsidyApp app, string jobId, TimeSpan? timeout = null)
    {
        var monitoring = app.Service<JobStorage>().GetMonitoringApi();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var details = monitoring.JobDetails(jobId);
            var latest = details?.History.FirstOrDefault();
            if (latest?.StateName == SucceededState.StateName) return details!;
            // A failed job is retried later: Failed, then Scheduled again.
            var failure = details?.History.FirstOrDefault(h => h.StateName == FailedState.StateName);
            if (failure is not null)
                throw new Xunit.Sdk.XunitException($"Job {jobId} failed: {failure.Data["ExceptionMessage"]}\n{failure.Data["ExceptionDetails"]}");
            if (waited.Elapsed > (timeout ?? TimeSpan.FromSeconds(30)))
                throw new Xunit.Sdk.XunitException($"Job {jobId} did not finish in time (state {latest?.StateName ?? "none"}).");
            await Task.Delay(50);
        }
    }
}
