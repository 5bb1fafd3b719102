using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using SubsidyService.Operations;
using SubsidyService.Kernel;

namespace SubsidyService.Accounts;

/// <summary>
/// Checks each signed-in request's stamp against the account's current one (a primary-key read), so that a
/// revoked token or cookie fails on its very next request on any node: after logout everywhere, a password
/// change or an administrator disabling the account.
/// </summary>
public sealed class SecurityStampCheck(RequestDelegate next, UserStore users)
{
    public async Task InvokeAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true && !await IsCurrentAsync(http.User))
        {
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                await Refusal.Unauthorized("token_revoked", "登录凭据已失效（已在别处退出、修改了密码或账户已停用），请重新登录。").ExecuteAsync(http);
                return;
            }
            await http.SignOutAsync(AccountsExtensions.CookieScheme);
            http.Response.Redirect("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(http.Request.Path + http.Request.QueryString));
            return;
        }
        await next(http);
    }

    private async Task<bool> IsCurrentAsync(ClaimsPrincipal user)
    {
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ||
            !Guid.TryParse(user.FindFirstValue(TokenIssuer.StampClaim), out var stamp))
            return false;
        return await users.StampAsync(id) is { Disabled: false } current && current.Stamp == stamp;
    }
}
