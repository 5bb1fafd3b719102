using SubsidyService.Kernel;

namespace SubsidyService.Accounts;

/// <summary>
/// While an account's password is one an administrator set, its cookie leads only to the change-password page and its
/// token is refused everywhere but changing the password, signing out and asking who it is: the administrator knows
/// the password, so nothing is done under it. Changing it renews the stamp, so the claim never outlives the password.
/// </summary>
public sealed class PasswordChangeGate(RequestDelegate next)
{
    public const string PagePath = "/Account/Password";

    public static readonly Refusal Required = new(StatusCodes.Status403Forbidden, "password_change_required", "须先修改密码",
        "管理员已重置您的密码。请先修改密码（POST /api/v1/auth/password，当前密码即管理员告知的一次性密码），再使用其他功能。");

    private static readonly string[] OpenApiPaths = ["/api/v1/auth/password", "/api/v1/auth/logout", "/api/v1/auth/me"];
    private static readonly string[] OpenPagePaths = [PagePath, "/Account/Logout"];

    public async Task InvokeAsync(HttpContext http)
    {
        if (http.User.HasClaim(TokenIssuer.MustChangePasswordClaim, "true") && !IsOpen(http.Request.Path))
        {
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                await Required.ExecuteAsync(http);
                return;
            }
            http.Response.Redirect(http.Request.PathBase + PagePath);
            return;
        }
        await next(http);
    }

    private static bool IsOpen(PathString path) =>
        OpenApiPaths.Concat(OpenPagePaths).Any(p => path.Equals(p, StringComparison.OrdinalIgnoreCase));
}
