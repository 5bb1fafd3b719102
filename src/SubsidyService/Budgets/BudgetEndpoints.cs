using System.Security.Claims;
using System.Text.Json;
using SubsidyService.Accounts;
using SubsidyService.Claims;
using SubsidyService.Domain.Money;
using SubsidyService.Operations;
using SubsidyService.Policy;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Budgets;

/// <summary>API.md's budget: <c>{amount, reserved, paid, remaining}</c>, money as strings.</summary>
public sealed record BudgetView(int Year, string Amount, string Reserved, string Paid, string Remaining)
{
    public static BudgetView Of(Budget b) =>
        new(b.Year, Invariant.Money(b.Amount), Invariant.Money(b.Reserved), Invariant.Money(b.Paid), Invariant.Money(b.Remaining));
}

/// <summary>The body of <c>PUT /api/v1/budgets/{year}</c>.</summary>
public sealed record BudgetInput(string Amount);

public static class BudgetEndpoints
{
    public const int MinYear = 2000, MaxYear = 2999;

    public static void MapBudgetEndpoints(this IEndpointRouteBuilder app)
    {
        var budgets = app.MapGroup("/api/v1/budgets").WithTags("Budgets");

        budgets.MapGet("/{year:int}", async (int year, BudgetStore store) =>
        {
            if (year is < MinYear or > MaxYear) return Refusal.Validation("year", $"年度须在 {MinYear} 至 {MaxYear} 之间。");
            var budget = await store.FindAsync(year);
            return budget is null
                ? Refusal.NotFound($"{year} 年度预算").ToResult()
                : Results.Ok(BudgetView.Of(budget));
        })
        .RequireAuthorization(p => p.RequireRole(Roles.Finance, Roles.Auditor, Roles.Admin))
        .Produces<BudgetView>()
        .ProducesProblem(StatusCodes.Status404NotFound)
        .WithSummary("A fiscal year's budget: amount, reserved by approvals, paid, remaining");

        budgets.MapPut("/{year:int}", async (int year, HttpContext http, ClaimsPrincipal user, BudgetStore store, TimeProvider clock) =>
        {
            if (year is < MinYear or > MaxYear) return Refusal.Validation("year", $"年度须在 {MinYear} 至 {MaxYear} 之间。");
            var (body, problem) = await RequestBody.ReadAsync<JsonDocument>(http);
            if (problem is not null) return problem;
            using (body)
            {
                if (AmountOf(body!.RootElement) is not { } amount)
                    return Refusal.Validation("amount", "预算金额须为不超过两位小数的正数，如 \"500000.00\"。");
                var set = await store.SetAsync(year, amount, Actor.From(user).Id, clock.GetUtcNow().UtcDateTime);
                return set.ToResult(b => Results.Ok(BudgetView.Of(b)));
            }
        })
        .RequireAuthorization(Roles.Finance)
        .Accepts<BudgetInput>("application/json")
        .Produces<BudgetView>()
        .ProducesValidationProblem()
        .WithSummary("Set a fiscal year's budget (finance); it may not fall below what is reserved and paid");
    }

    /// <summary>Money as API.md writes it ("500000.00"); a JSON number is taken too, as clients send both.</summary>
    private static decimal? AmountOf(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("amount", out var a)) return null;
        var text = a.ValueKind switch
        {
            JsonValueKind.String => a.GetString(),
            JsonValueKind.Number => a.GetRawText(),
            _ => null,
        };
        return AmountInput.TryParse(text, out var value, out _) ? value.Value : null;
    }
}
