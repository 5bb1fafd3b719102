using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using SubsidyService.Accounts;
using SubsidyService.Domain.Policy;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

public static class ClaimEndpoints
{
    public static void MapClaimEndpoints(this IEndpointRouteBuilder app)
    {
        var claims = app.MapGroup("/api/v1/claims").WithTags("Claims").RequireAuthorization();

        claims.MapPost("/", async (HttpContext http, ClaimsPrincipal user, ClaimIntake intake) =>
        {
            if (!(await ClaimInput.ReadAsync(http)).TryGet(out var input, out var inputRefusal)) return inputRefusal.ToResult();
            var created = await intake.CreateAndReadAsync(Actor.From(user), input, http.SessionCheckToFold());
            return created.ToResult(v => Results.Created($"/api/v1/claims/{v.Id}", v));
        })
        .FoldsSessionCheck()
        .Accepts<ClaimFactsInput>("application/json")
        .Produces<ClaimView>(StatusCodes.Status201Created)
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .WithSummary("Create a claim in draft (applicant): claim facts plus bankAccount");

        claims.MapPut("/{id:guid}", async (Guid id, HttpContext http, ClaimsPrincipal user, ClaimIntake intake, ClaimReader reader) =>
        {
            if (!(await ClaimInput.ReadAsync(http)).TryGet(out var input, out var inputRefusal)) return inputRefusal.ToResult();
            var actor = Actor.From(user);
            if (!(await intake.UpdateAsync(actor, id, input)).TryGet(out _, out var updatedRefusal)) return updatedRefusal.ToResult();
            return (await reader.GetAsync(actor, id)).ToResult(Results.Ok);
        })
        .Accepts<ClaimFactsInput>("application/json")
        .Produces<ClaimView>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .WithSummary("Edit a claim in draft or supplement_requested (owner); optional expectedVersion");

        claims.MapGet("/{id:guid}", async (Guid id, HttpContext http, ClaimsPrincipal user, ClaimReader reader) =>
            (await reader.GetAsync(Actor.From(user), id, http.SessionCheckToFold())).ToResult(Results.Ok))
        .FoldsSessionCheck()
        .Produces<ClaimView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .WithSummary("A claim with its estimate, screening, permitted triggers and history");

        claims.MapGet("/", async (ClaimsPrincipal user, ClaimReader reader, [FromQuery] string? status, [FromQuery, MaxLength(100)] string? q,
                [FromQuery, Range(1, ClaimReader.MaxPage)] int? page, [FromQuery, Range(1, 100)] int? pageSize) =>
            (await reader.ListAsync(Actor.From(user), status, q, page ?? 1, pageSize ?? ClaimReader.DefaultPageSize)).ToResult(Results.Ok))
        .Produces<ClaimPage>()
        .ProducesValidationProblem()
        .WithSummary("A page of claims (applicants see only their own); status may list several, comma-separated");

        claims.MapPost("/{id:guid}/transitions", async (Guid id, HttpContext http, ClaimsPrincipal user, ClaimTransitions transitions) =>
        {
            if (!(await TransitionRequest.ReadAsync(http)).TryGet(out var request, out var requestRefusal)) return requestRefusal.ToResult();
            return (await transitions.FireAndReadAsync(Actor.From(user), id, request, http.SessionCheckToFold())).ToResult(Results.Ok);
        })
        .FoldsSessionCheck()
        .Accepts<TransitionRequest>("application/json")
        .Produces<ClaimView>()
        .ProducesValidationProblem()
        .ProducesProblem(StatusCodes.Status403Forbidden)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .ProducesProblem(StatusCodes.Status409Conflict)
        .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
        .WithSummary("Fire a workflow trigger: 409 version_conflict, 422 trigger_not_permitted, 403 for the wrong role");
    }
}
