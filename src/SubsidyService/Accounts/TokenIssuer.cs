using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;
using SubsidyService.Kernel;

namespace SubsidyService.Accounts;

/// <summary>
/// Signs a user in: opens a session row and issues a cookie or the built-in bearer scheme's token naming it.
/// Tokens are issued here rather than by the scheme because API.md's login answer carries the role beside the
/// token; they are protected with the shared Data Protection key ring, so any node accepts them.
/// </summary>
public sealed class TokenIssuer(IOptionsMonitor<BearerTokenOptions> options, SessionStore sessions, ISecurityEvents security, TimeProvider clock)
{
    public async Task<LoginResponse> IssueAsync(User user)
    {
        var o = options.Get(AccountsExtensions.BearerScheme);
        var now = clock.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + o.BearerTokenExpiration };
        var session = await sessions.StartAsync(user.Id);
        var ticket = new AuthenticationTicket(Principal(user, AccountsExtensions.BearerScheme, session), properties, AccountsExtensions.BearerScheme);
        return new LoginResponse(o.BearerTokenProtector.Protect(ticket), (long)o.BearerTokenExpiration.TotalSeconds, user.Role);
    }

    public async Task SignInCookieAsync(HttpContext http, User user)
    {
        var session = await sessions.StartAsync(user.Id);
        await http.SignInAsync(AccountsExtensions.CookieScheme, Principal(user, AccountsExtensions.CookieScheme, session));
    }

    /// <summary>Ends the session the request's cookie or token names (nothing when it names none).</summary>
    public async Task SignOutAsync(ClaimsPrincipal user)
    {
        if (Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) &&
            Guid.TryParse(user.FindFirstValue(SessionClaim), out var session))
        {
            await sessions.EndAsync(session, id);
            await security.RecordAsync(SecurityAct.SignOut, id.ToString(), actor: Actor.From(user));
        }
    }

    /// <summary>The account's security stamp when the token or cookie was issued.</summary>
    public const string StampClaim = "subsidy:stamp";

    /// <summary>The <c>user_sessions</c> row the token or cookie belongs to.</summary>
    public const string SessionClaim = "subsidy:session";

    /// <summary>Present while the account's password is one an administrator set (<see cref="PasswordChangeGate"/>).</summary>
    public const string MustChangePasswordClaim = "subsidy:must-change-password";

    private static ClaimsPrincipal Principal(User user, string scheme, Guid session) => new(new ClaimsIdentity(
    [
        .. user.MustChangePassword ? [new Claim(MustChangePasswordClaim, "true")] : Array.Empty<Claim>(),
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
        new Claim(ClaimTypes.Name, user.Username),
        new Claim(ClaimTypes.GivenName, user.DisplayName),
        new Claim(ClaimTypes.Role, user.Role),
        new Claim(StampClaim, user.SecurityStamp.ToString()),
        new Claim(SessionClaim, session.ToString()),
    ], scheme, ClaimTypes.Name, ClaimTypes.Role));
}
