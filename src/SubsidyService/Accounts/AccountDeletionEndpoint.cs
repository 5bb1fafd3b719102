using System.Security.Claims;
using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Accounts;

/// <summary>The body of <c>DELETE /api/v1/auth/account</c>.</summary>
public sealed record DeleteAccountRequest(string? CurrentPassword);

public static class AccountDeletionEndpoint
{
    public static void MapAccountDeletionEndpoint(this IEndpointRouteBuilder app) =>
        app.MapDelete("/api/v1/auth/account", async (HttpContext http, ClaimsPrincipal user, AccountDeletion deletion) =>
            {
                var (body, problem) = await RequestBody.ReadAsync<DeleteAccountRequest>(http);
                if (problem is not null) return problem;
                var id = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
                return await deletion.DeleteAsync(id, body!.CurrentPassword, ClientAddress.Of(http)) ?? Results.NoContent();
            })
            .RequireAuthorization(Roles.Applicant)
            .WithTags("Accounts")
            .Accepts<DeleteAccountRequest>("application/json")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Delete one's own applicant account with its drafts and their evidence; refused once a claim was submitted");
}
