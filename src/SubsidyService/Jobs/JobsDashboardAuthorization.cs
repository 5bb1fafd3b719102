using Hangfire.Dashboard;
using SubsidyService.Accounts;

namespace SubsidyService.Jobs;

/// <summary>
/// Who may open the job dashboard at /jobs: admins, who may act, and finance, who may only look
/// (<see cref="IsReadOnly"/>). Anyone else signed in gets 403; the endpoint's own authorization has already
/// sent anonymous visitors to the sign-in page.
/// </summary>
public sealed class JobsDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context)
    {
        var user = context.GetHttpContext().User;
        return user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Finance);
    }

    public static bool IsReadOnly(DashboardContext context) => !context.GetHttpContext().User.IsInRole(Roles.Admin);
}
