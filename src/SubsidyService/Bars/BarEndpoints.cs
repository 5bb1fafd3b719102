using System.Security.Claims;
using SubsidyService.Accounts;
using SubsidyService.Operations;
using SubsidyService.Kernel;

namespace SubsidyService.Bars;

/// <summary>A bar as the API shows it: the identity masked, standing or lifted, with who added and lifted it.</summary>
public sealed record BarView(Guid Id, string IdNumber, string Reason, DateOnly Until, Guid? RecoveryId, bool Active,
    string CreatedBy, DateTime CreatedAt, string? LiftedBy, DateTime? LiftedAt, string? LiftReason)
{
    public static BarView Of(BarRow b, DateOnly today) => new(b.Id, BarIdentity.Masked(b.IdNumber), b.Reason, b.UntilDate, b.RecoveryId,
        b.StandsOn(today), b.CreatedByName, b.CreatedAt, b.LiftedByName, b.LiftedAt, b.LiftReason);
}

public static class BarEndpoints
{
    public const int ListLimit = 500;

    public static void MapBarEndpoints(this IEndpointRouteBuilder app)
    {
        var bars = app.MapGroup("/api/v1/bars").WithTags("Bars");

        bars.MapPost("/", async (HttpContext http, ClaimsPrincipal user, Barring barring, TimeProvider clock) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<BarInput>(http);
            if (problem is not null) return problem;
            return (await barring.AddAsync(Actor.From(user), body!))
                .ToResult(b => Results.Created($"/api/v1/bars/{b.Id}", BarView.Of(b, clock.Today())));
        })
        .RequireAuthorization(p => p.RequireRole(Roles.Verifier, Roles.Finance))
        .Accepts<BarInput>("application/json")
        .Produces<BarView>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .WithSummary("Bar an identity (ID number or credit code) from submitting claims until a date (verifier or finance)");

        bars.MapGet("/", async (string? idNumber, BarStore store, TimeProvider clock) =>
        {
            var today = clock.Today();
            var filter = string.IsNullOrWhiteSpace(idNumber) ? null : BarIdentity.Normalise(idNumber);
            return Results.Ok((await store.ListAsync(filter, ListLimit)).Select(b => BarView.Of(b, today)));
        })
        .RequireAuthorization(p => p.RequireRole(Roles.Verifier, Roles.Finance, Roles.Auditor))
        .Produces<BarView[]>()
        .WithSummary("Bars, newest first (at most 500), standing and lifted; ?idNumber= for one identity's");

        bars.MapPost("/{id:guid}/lift", async (Guid id, HttpContext http, ClaimsPrincipal user, Barring barring, TimeProvider clock) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<LiftInput>(http);
            if (problem is not null) return problem;
            return (await barring.LiftAsync(Actor.From(user), id, body!)).ToResult(b => Results.Ok(BarView.Of(b, clock.Today())));
        })
        .RequireAuthorization(p => p.RequireRole(Roles.Verifier, Roles.Finance))
        .Accepts<LiftInput>("application/json")
        .Produces<BarView>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithSummary("Lift a bar, with the reason (verifier or finance)");
    }
}
