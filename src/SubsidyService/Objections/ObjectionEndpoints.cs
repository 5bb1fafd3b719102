using System.Security.Claims;
using SubsidyService.Accounts;
using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Objections;

public static class ObjectionEndpoints
{
    public const int ListLimit = 500;

    public static void MapObjectionEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/claims/{id:guid}/objections", async (Guid id, HttpContext http, ClaimsPrincipal user,
            ObjectionRecording recording, ObjectionStore store) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<ObjectionInput>(http);
            if (problem is not null) return problem;
            if (!(await recording.RecordAsync(Actor.From(user), id, body!)).TryGet(out var recorded, out var recordedRefusal)) return recordedRefusal.ToResult();
            return Results.Created($"/api/v1/objections/{recorded}", ObjectionView.Of((await store.FindAsync(recorded))!));
        })
        .WithTags("Objections")
        .RequireAuthorization(p => p.RequireRole(Roles.Verifier, Roles.Finance))
        .Accepts<ObjectionInput>("application/json")
        .Produces<ObjectionView>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .WithSummary("Record an objection received during the claim's public notice {objector?, contact?, content, receivedAt?} (verifier or finance); 422 not_in_public_notice otherwise");

        var objections = app.MapGroup("/api/v1/objections").WithTags("Objections");

        objections.MapGet("/", async (Guid? claimId, string? outcome, ObjectionStore store) =>
        {
            if (outcome is not null && !ObjectionView.Outcomes.Contains(outcome))
                return Refusal.Validation("outcome", $"outcome 须为 {string.Join("、", ObjectionView.Outcomes)} 之一。");
            return Results.Ok((await store.ListAsync(claimId, outcome, ListLimit)).Select(ObjectionView.Of));
        })
        .RequireAuthorization(p => p.RequireRole(Roles.Verifier, Roles.Finance, Roles.Auditor))
        .Produces<ObjectionView[]>()
        .ProducesValidationProblem()
        .WithSummary("Objections, newest first (at most 500), with their outcome and reply; ?claimId= for one claim's, ?outcome=open|sustained|dismissed");

        objections.MapGet("/{id:guid}", async (Guid id, ObjectionStore store) =>
            await store.FindAsync(id) is { } o ? Results.Ok(ObjectionView.Of(o)) : Refusal.NotFound("该异议").ToResult())
        .RequireAuthorization(p => p.RequireRole(Roles.Verifier, Roles.Finance, Roles.Auditor))
        .Produces<ObjectionView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .WithSummary("One objection with its outcome");

        objections.MapPost("/{id:guid}/sustain", async (Guid id, HttpContext http, ClaimsPrincipal user, ObjectionHandling handling, ObjectionStore store) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<SustainInput>(http);
            if (problem is not null) return problem;
            var handled = await handling.SustainAsync(Actor.From(user), id, body!);
            return handled.Succeeded ? Results.Ok(ObjectionView.Of((await store.FindAsync(id))!)) : handled.Refusal!.ToResult();
        })
        .RequireAuthorization(p => p.RequireRole(Roles.Verifier, Roles.Finance))
        .Accepts<SustainInput>("application/json")
        .Produces<ObjectionView>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .WithSummary("Sustain an objection {reply?}: the claim goes back to review through object (letter revoked, budget released)");

        objections.MapPost("/{id:guid}/dismiss", async (Guid id, HttpContext http, ClaimsPrincipal user, ObjectionHandling handling, ObjectionStore store) =>
        {
            var (body, problem) = await RequestBody.ReadAsync<DismissInput>(http);
            if (problem is not null) return problem;
            var handled = await handling.DismissAsync(Actor.From(user), id, body!);
            return handled.Succeeded ? Results.Ok(ObjectionView.Of((await store.FindAsync(id))!)) : handled.Refusal!.ToResult();
        })
        .RequireAuthorization(p => p.RequireRole(Roles.Verifier, Roles.Finance))
        .Accepts<DismissInput>("application/json")
        .Produces<ObjectionView>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .WithSummary("Answer an objection and dismiss it {reply} (required): the claim stays in its notice");
    }
}
