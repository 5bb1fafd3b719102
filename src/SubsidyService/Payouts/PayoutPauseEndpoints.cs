using System.Security.Claims;
using SubsidyService.Accounts;
using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Payouts;

/// <summary>The payout pause: read it, pause (administrators or finance), resume (finance only: finance has reconciled with the bank).</summary>
public static class PayoutPauseEndpoints
{
    public static void MapPayoutPauseEndpoints(this IEndpointRouteBuilder app)
    {
        var pause = app.MapGroup("/api/v1/payouts").WithTags("Payouts");

        pause.MapGet("/pause", async (PayoutPause payouts) => Results.Ok(await payouts.GetAsync()))
            .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Admin, Roles.Auditor))
            .Produces<PayoutPauseView>()
            .WithSummary("Whether payouts are paused: {paused, reason, since, by} of the last pause or resume");

        Change(pause, "/pause", (payouts, actor, reason) => payouts.PauseAsync(actor, reason), [Roles.Admin, Roles.Finance],
            "Pause payouts (administrator or finance): no batch is made or started until finance resumes; {reason} required; 409 already_paused");
        Change(pause, "/resume", (payouts, actor, reason) => payouts.ResumeAsync(actor, reason), [Roles.Finance],
            "Resume payouts (finance, after reconciling the batches with the bank's statements); {reason} required; 409 not_paused");
    }

    private static void Change(RouteGroupBuilder group, string path, Func<PayoutPause, Actor, string?, Task<Outcome<PayoutPauseView>>> change,
        string[] roles, string summary) =>
        group.MapPost(path, async (HttpContext http, ClaimsPrincipal user, PayoutPause payouts) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<PayoutPauseInput>(http);
            if (problem is not null) return problem;
            return (await change(payouts, Actor.From(user), body!.Reason)).ToResult(Results.Ok);
        })
        .RequireAuthorization(p => p.RequireRole(roles))
        .Accepts<PayoutPauseInput>("application/json")
        .Produces<PayoutPauseView>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithSummary(summary);
}
