using SubsidyService.Jobs;
using SubsidyService.Operations;

namespace SubsidyService.Notifications;

/// <summary>Working mornings at 08:30 China time: each verifier's digest of the queue, once per verifier and day.</summary>
public sealed class VerifierDigestJob(VerifierDigest digest, TimeProvider clock) : IRecurringJob
{
    public const string Id = "verifier-digest";

    public Task RunAsync(CancellationToken ct) => digest.SendVerifierDigestsAsync(clock.Today(), ct);
}
