using System.Security.Claims;
using SubsidyService.Accounts;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Kernel;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Policy;

public static class PolicyEndpoints
{
    public static void MapPolicyEndpoints(this IEndpointRouteBuilder app)
    {
        var versions = app.MapGroup("/api/v1/policy-versions").WithTags("Policy");

        versions.MapGet("", async (PolicyStore store) =>
                Results.Ok((await store.StoredAsync()).Select(PolicyVersionResponse.From).ToList()))
            .AllowAnonymous()
            .Produces<List<PolicyVersionResponse>>()
            .WithSummary("Every policy version, oldest first");

        versions.MapPost("", async (HttpContext http, PolicyStore store) =>
            {
                var (body, problem) = await RequestBody.ReadAsync<PolicyVersionInput>(http);
                if (problem is not null) return problem;
                return (await AddAsync(store, body!, http.User))
                    .ToResult(created => Results.Created($"/api/v1/policy-versions/{created.Id}", PolicyVersionResponse.From(created, null)));
            })
            .RequireAuthorization(Roles.Admin)
            .Accepts<PolicyVersionInput>("application/json")
            .Produces<PolicyVersionResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithSummary("Add a policy version (admin); its dates may not overlap another version's, and it takes effect once another person confirms it");

        versions.MapPost("/{id}/confirm", async (string id, HttpContext http, PolicyStore store) =>
                (await store.ConfirmAsync(id, Actor.From(http.User).Id)).ToResult(confirmed => Results.Ok(PolicyVersionResponse.From(confirmed))))
            .RequireAuthorization(p => p.RequireRole(Roles.Admin, Roles.Finance))
            .Produces<PolicyVersionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Confirm a version another administrator added (admin or finance); from then on it is in force");

        versions.MapDelete("/{id}", async (string id, PolicyStore store) =>
                (await store.WithdrawAsync(id)).ToResult(_ => Results.NoContent()))
            .RequireAuthorization(Roles.Admin)
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Withdraw a version nobody has confirmed yet (admin)");

        versions.MapPut("/{id}/effective-to", async (string id, HttpContext http, PolicyStore store) =>
            {
                var (body, problem) = await RequestBody.ReadAsync<EffectiveToInput>(http);
                if (problem is not null) return problem;
                if (!Invariant.TryParseDate(body!.EffectiveTo, out var date))
                    return Refusal.Validation("effectiveTo", "失效日期须为 YYYY-MM-DD 格式的有效日期。");
                var (updated, refused) = await store.SetEffectiveToAsync(id, date);
                if (updated is null) return refused!.ToResult();
                return Results.Ok(PolicyVersionResponse.From((await store.StoredAsync(fresh: true)).First(v => v.Version.Id == id)));
            })
            .RequireAuthorization(Roles.Admin)
            .Accepts<EffectiveToInput>("application/json")
            .Produces<PolicyVersionResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Set a version's last day in force (admin), so that a new edition can follow it");

        app.MapPost("/api/v1/estimate", async (HttpContext http, Estimator estimator) =>
            {
                var (body, problem) = await RequestBody.ReadAsync<ClaimFactsInput>(http);
                if (problem is not null) return problem;
                return (await estimator.EstimateAsync(body!)).ToResult(Results.Ok);
            })
            .AllowAnonymous()
            .RequireRateLimiting(EstimateRateLimit.PolicyName)
            .WithTags("Policy")
            .Accepts<ClaimFactsInput>("application/json")
            .Produces<EstimateResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Estimate the subsidy for claim facts under the policy version in force on the judgment date");
    }

    public sealed record EffectiveToInput(string? EffectiveTo);

    /// <summary>Field validation, then the store's checks against the other versions: the API and the admin page both add through here.</summary>
    public static async Task<Outcome<PolicyVersion>> AddAsync(PolicyStore store, PolicyVersionInput input, ClaimsPrincipal user)
    {
        var (version, refused) = PolicyVersionValidator.Validate(input);
        if (refused is not null) return refused;
        var createdBy = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        return await store.AddAsync(version!, createdBy);
    }
}
