using SubsidyService.Domain.Policy;

namespace SubsidyService.Claims;

/// <summary>Workflow:PublicNoticeWorkingDays, when set, overrides the policy version's notice period.</summary>
public sealed class WorkflowSettings(IConfiguration config)
{
    public int PublicNoticeWorkingDays(PolicyVersion version) =>
        config.GetValue<int?>("Workflow:PublicNoticeWorkingDays") ?? version.PublicNoticeWorkingDays;
}
