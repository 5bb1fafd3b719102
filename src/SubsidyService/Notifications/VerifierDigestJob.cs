using SubsidyService.Jobs;
using SubsidyService.Operations;

namespace SubsidyService.Notifications;

/// <summary>Working mornings at 08:30 China time: each verifier's digest of the queue, once per verifier and day.</summary>
[JobDescription("审核员待办提醒", "给每位审核员发一封当日待审申请的汇总邮件，标出等待过久的申请；同一天不重复发送。")]
public sealed class VerifierDigestJob(VerifierDigest digest, TimeProvider clock) : IRecurringJob
{
    public const string Id = "verifier-digest";

    public Task RunAsync(CancellationToken ct) => digest.SendVerifierDigestsAsync(clock.Today(), ct);
}
