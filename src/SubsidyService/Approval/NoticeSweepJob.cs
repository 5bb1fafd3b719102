using SubsidyService.Jobs;

namespace SubsidyService.Approval;

/// <summary>Every ten minutes: claims whose public notice has ended move on (see <see cref="NoticeSweep"/>).</summary>
[JobDescription("公示期满处理", "把公示期已满的申请转为待拨付；公示期间有异议尚未办结的申请留在公示中，下次再看。")]
public sealed class NoticeSweepJob(NoticeSweep sweep) : IRecurringJob
{
    public const string Id = "public-notice-sweep";

    public Task RunAsync(CancellationToken ct) => sweep.RunAsync(ct);
}
