using SubsidyService.Jobs;

namespace SubsidyService.Accounts;

/// <summary>Daily: forgets sign-in throttle rows untouched for a day, so names tried at random do not pile up.</summary>
public sealed class LoginThrottlePurgeJob(LoginThrottle throttle) : IRecurringJob
{
    public const string Id = "login-throttle-purge";

    public Task RunAsync(CancellationToken ct) => throttle.PurgeAsync();
}
