using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using SubsidyService.Accounts;
using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Audit;

public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(Roles.Auditor);

        audit.MapGet("/verify", async (EventChainVerifier verifier, CancellationToken ct) => Results.Ok(await verifier.VerifyAsync(ct)))
            .Produces<ChainReport>()
            .WithSummary("Recompute every claim's hash chain and every sealed checkpoint; names what broke and counts the events not sealed yet");

        audit.MapGet("/events", async (HttpContext http, EventExport export, ClaimsPrincipal user, [FromQuery] string? from, [FromQuery] string? to,
            [FromQuery] string? identities) =>
        {
            var (range, problem) = DateRange.Parse(from, to);
            if (problem is not null) return problem;
            if (identities is not null and not "masked" and not "full")
                return Refusal.Validation("identities", "只能是 masked 或 full。");
            await export.WriteCsvAsync(http, Actor.From(user), range!, identities == "full");
            return Results.Empty;
        })
        .Produces(StatusCodes.Status200OK, contentType: "text/csv")
        .ProducesValidationProblem()
        .WithSummary("Every recorded event in the range (China dates, inclusive) as CSV, identity and account numbers masked unless identities=full; the export, and which form, is itself recorded");

        audit.MapGet("/security-events", async (HttpContext http, SecurityEventList list, [FromQuery] string? from, [FromQuery] string? to) =>
        {
            var (range, problem) = DateRange.Parse(from, to);
            if (problem is not null) return problem;
            await list.WriteCsvAsync(http, range!);
            return Results.Empty;
        })
        .Produces(StatusCodes.Status200OK, contentType: "text/csv")
        .ProducesValidationProblem()
        .WithSummary("Sign-ins, sign-outs, account, policy, budget, calendar and bar changes, payout batches, bank-result imports, " +
                     "exports and job-dashboard actions in the range as CSV: actor, role, client address, time; the export is itself recorded");
    }
}
