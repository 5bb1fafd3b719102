using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SubsidyService.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Policy;

namespace SubsidyService.Pages;

/// <summary>The public start page: the policy in brief, the four steps, and the materials to have ready (一次告知).</summary>
public sealed class IndexModel(PolicyStore policies, WorkflowSettings workflow, IConfiguration config, TimeProvider clock) : PageModel
{
    /// <summary>The review time limit (审核时限) of the version in force today, the one a claim submitted now is given.</summary>
    public int ReviewWorkingDays { get; private set; } = PolicyVersion.DefaultReviewWorkingDays;

    /// <summary>Authority:ConsultationPhone; the guide names the bureau instead when it is unset.</summary>
    public string? ConsultationPhone => config["Authority:ConsultationPhone"] is { Length: > 0 } p ? p.Trim() : null;

    /// <summary>The notice period of the version in force today, as a claim decided now would get it.</summary>
    public int NoticeWorkingDays { get; private set; } = 5;

    public async Task<IActionResult> OnGetAsync()
    {
        if (User.Identity?.IsAuthenticated == true) return Redirect(PagesExtensions.HomeOf(User.FindFirstValue(ClaimTypes.Role)));
        if (await policies.InForceAsync(clock.Today()) is { } version)
        {
            NoticeWorkingDays = workflow.PublicNoticeWorkingDays(version);
            ReviewWorkingDays = version.ReviewWorkingDays;
        }
        return Page();
    }
}
