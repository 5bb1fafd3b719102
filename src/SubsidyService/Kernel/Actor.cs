using System.Security.Claims;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Kernel;

/// <summary>Who is acting, as the workflow and the event log need it.</summary>
public sealed record Actor(Guid Id, string Username, string DisplayName, Role Role)
{
    public static Actor From(ClaimsPrincipal user)
    {
        var role = EnumCodes.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var r) ? r : throw new InvalidOperationException("signed-in user without a known role");
        return new Actor(
            Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!),
            user.Identity?.Name ?? "",
            user.FindFirstValue(ClaimTypes.GivenName) ?? user.Identity?.Name ?? "",
            role);
    }

    public bool IsStaff => Role is not Role.Applicant;

    /// <summary>How the actor is named in history: display name and username.</summary>
    public string Label => $"{DisplayName}（{Username}）";

    /// <summary>An applicant who deleted the account: the log names the act by the account's id, with no name.</summary>
    public static Actor Deleted(Guid id) => new(id, "已注销", "申请人", Role.Applicant);

    public static readonly Actor System = new(Guid.Empty, "system", "系统", Role.System);
}
