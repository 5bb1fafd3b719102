using SubsidyService.Domain.Policy;

namespace SubsidyService.Claims;

/// <summary>Workflow:PublicNoticeWorkingDays, when set, overrides the policy version's notice period.</summary>
public sealed class WorkflowSettings(IConfiguration config)
{
    public const int DefaultReviewWorkingDays = 20;

    /// <summary>The review time limit (审核时限) the service guide promises: policy versions carry none, so it is a setting.</summary>
    public int ReviewWorkingDays => config.GetValue<int?>("Workflow:ReviewWorkingDays") ?? DefaultReviewWorkingDays;

    public int PublicNoticeWorkingDays(PolicyVersion version) =>
        config.GetValue<int?>("Workflow:PublicNoticeWorkingDays") ?? version.PublicNoticeWorkingDays;
}
