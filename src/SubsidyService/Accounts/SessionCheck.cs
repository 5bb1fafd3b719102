using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using SubsidyService.Operations;
using SubsidyService.Kernel;

namespace SubsidyService.Accounts;

/// <summary>
/// Checks each signed-in request's session row and stamp (a primary-key read), so that a token or cookie
/// fails on its very next request on any node once it is signed out, past its absolute lifetime, idle too long
/// (staff), or revoked by logout everywhere, a password change or an administrator disabling the account.
/// </summary>
public sealed class SessionCheck(RequestDelegate next, SessionStore sessions)
{
    public async Task InvokeAsync(HttpContext http)
    {
        // A request with an idempotency key may be answered from the stored response before its endpoint runs: it is
        // checked here, as every request outside the folding endpoints is.
        if (http.User.Identity?.IsAuthenticated == true && SessionCheckFolding.Folds(http) &&
            !http.Request.Headers.ContainsKey(Operations.Idempotency.IdempotencyKey.Header) &&
            DeferredSessionCheck.For(sessions, http.User) is { } deferred)
        {
            // The endpoint's first batch carries the check, and its filter answers 401 if the session is not open.
            http.Features.Set(deferred);
            await next(http);
            return;
        }
        if (http.User.Identity?.IsAuthenticated == true && !await IsOpenAsync(http.User))
        {
            if (http.Request.Path.StartsWithSegments("/api"))
            {
                await Refusal.Unauthorized("token_revoked", "登录已失效（已退出、超时或在别处修改了密码、账户已停用），请重新登录。").ExecuteAsync(http);
                return;
            }
            await http.SignOutAsync(AccountsExtensions.CookieScheme);
            http.Response.Redirect(http.Request.PathBase + "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(http.Request.PathBase + http.Request.Path + http.Request.QueryString));
            return;
        }
        await next(http);
    }

    private async Task<bool> IsOpenAsync(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) &&
        Guid.TryParse(user.FindFirstValue(TokenIssuer.StampClaim), out var stamp) &&
        Guid.TryParse(user.FindFirstValue(TokenIssuer.SessionClaim), out var session) &&
        await sessions.IsOpenAsync(session, id, stamp);
}
