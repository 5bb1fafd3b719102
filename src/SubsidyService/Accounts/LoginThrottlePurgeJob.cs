using SubsidyService.Jobs;

namespace SubsidyService.Accounts;

/// <summary>Daily: forgets sign-in throttle rows untouched for a day, so names tried at random do not pile up.</summary>
[JobDescription("登录限制记录清理", "清除一天以上未再出现的登录失败计数，免得随意尝试的用户名越积越多；正在受限的账户不受影响。")]
public sealed class LoginThrottlePurgeJob(LoginThrottle throttle) : IRecurringJob
{
    public const string Id = "login-throttle-purge";

    public Task RunAsync(CancellationToken ct) => throttle.PurgeAsync();
}
