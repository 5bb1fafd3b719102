using SubsidyService.Jobs;

namespace SubsidyService.Approval;

/// <summary>Every ten minutes: claims whose public notice has ended move on (see <see cref="NoticeSweep"/>).</summary>
public sealed class NoticeSweepJob(NoticeSweep sweep) : IRecurringJob
{
    public const string Id = "public-notice-sweep";

    public Task RunAsync(CancellationToken ct) => sweep.RunAsync(ct);
}
