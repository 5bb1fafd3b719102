using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using SubsidyService.Operations;
using SubsidyService.Kernel;

namespace SubsidyService.Accounts;

/// <summary>The body of <c>POST /api/v1/auth/password</c>.</summary>
public sealed record ChangePasswordRequest([property: MaxLength(128)] string? CurrentPassword, [property: MaxLength(128)] string? NewPassword);

/// <summary>Ending sessions: one's own everywhere, by a new password, or an administrator's for any account.</summary>
public static class SessionEndpoints
{
    public static void MapSessionEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/v1/auth").WithTags("Accounts").RequireAuthorization();

        auth.MapPost("/logout", async (ClaimsPrincipal user, TokenIssuer tokens) =>
        {
            await tokens.SignOutAsync(user);
            return Results.NoContent();
        })
        .Produces(StatusCodes.Status204NoContent)
        .WithSummary("Sign out: this token stops working on every node");

        auth.MapPost("/logout-all", async (ClaimsPrincipal user, UserStore users, ISecurityEvents security) =>
        {
            await users.RenewStampAsync(IdOf(user));
            await security.RecordAsync(SecurityAct.SessionsRevoked, IdOf(user).ToString());
            return Results.NoContent();
        })
        .Produces(StatusCodes.Status204NoContent)
        .WithSummary("Revoke every token and cookie of this account, on every node");

        auth.MapPost("/password", async (HttpContext http, ClaimsPrincipal user, AccountService accounts) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<ChangePasswordRequest>(http);
            if (problem is not null) return problem;
            var refused = await accounts.ChangePasswordAsync(IdOf(user), body!.CurrentPassword, body.NewPassword);
            return refused ?? Results.NoContent();
        })
        .Accepts<ChangePasswordRequest>("application/json")
        .Produces(StatusCodes.Status204NoContent)
        .ProducesValidationProblem()
        .WithSummary("Change the password; every earlier token and cookie stops working");

        var admin = app.MapGroup("/api/v1/users/{id:guid}").WithTags("Accounts").RequireAuthorization(Roles.Admin);
        admin.MapPost("/disable", async (Guid id, HttpContext http, AccountAdministration administration) =>
                await administration.DisableAsync(Actor.From(http.User), id) ?? Results.NoContent())
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Disable an account (admin): it can no longer sign in and its sessions end at once; never one's own, never the last administrator");
        admin.MapPost("/enable", async (Guid id, HttpContext http, AccountAdministration administration) =>
                await administration.EnableAsync(Actor.From(http.User), id) ?? Results.NoContent())
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Enable a disabled account again (admin)");
        admin.MapPost("/unlock", async (Guid id, UserStore users, LoginThrottle throttle, ISecurityEvents security) =>
        {
            if (await users.FindAsync(id) is not { } user) return Refusal.NotFound("该用户");
            await throttle.ClearAsync(user.Username);
            return await Recorded(security, SecurityAct.AccountUnlocked, id);
        })
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Clear the delays failed sign-ins put on an account, from every address (admin)");
    }

    private static async Task<IResult> Recorded(ISecurityEvents security, SecurityAct act, Guid account)
    {
        await security.RecordAsync(act, account.ToString());
        return Results.NoContent();
    }

    private static Guid IdOf(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
