using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.Extensions.Options;

namespace SubsidyService.Accounts;

/// <summary>
/// Issues the built-in bearer scheme's tokens ourselves, because API.md's login answer carries the
/// role beside the token. The token is protected with the shared Data Protection key ring, so any
/// node accepts it.
/// </summary>
public sealed class TokenIssuer(IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock)
{
    public LoginResponse Issue(User user)
    {
        var o = options.Get(AccountsExtensions.BearerScheme);
        var now = clock.GetUtcNow();
        var properties = new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + o.BearerTokenExpiration };
        var ticket = new AuthenticationTicket(Principal(user, AccountsExtensions.BearerScheme), properties, AccountsExtensions.BearerScheme);
        return new LoginResponse(o.BearerTokenProtector.Protect(ticket), (long)o.BearerTokenExpiration.TotalSeconds, user.Role);
    }

    /// <summary>The account's security stamp when the token or cookie was issued.</summary>
    public const string StampClaim = "subsidy:stamp";

    public static ClaimsPrincipal Principal(User user, string scheme) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()),
        new Claim(ClaimTypes.Name, user.Username),
        new Claim(ClaimTypes.GivenName, user.DisplayName),
        new Claim(ClaimTypes.Role, user.Role),
        new Claim(StampClaim, user.SecurityStamp.ToString()),
    ], scheme, ClaimTypes.Name, ClaimTypes.Role));
}
