using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Approval;

/// <summary>The people of an approval and claims brought to <c>verified</c> through the API.</summary>
public sealed class ApprovalSetup(SubsidyApp app)
{
    public HttpClient Applicant { get; private set; } = null!;
    public HttpClient Verifier { get; private set; } = null!;
    public HttpClient Finance { get; private set; } = null!;
    public HttpClient Auditor { get; private set; } = null!;

    public static async Task<ApprovalSetup> StartAsync(SubsidyApp app)
    {
        var setup = new ApprovalSetup(app);
        setup.Applicant = (await app.ClientAsAsync(Roles.Applicant)).Client;
        setup.Verifier = (await app.ClientAsAsync(Roles.Verifier)).Client;
        setup.Finance = (await app.ClientAsAsync(Roles.Finance)).Client;
        setup.Auditor = (await app.ClientAsAsync(Roles.Auditor)).Client;
        return setup;
    }

    /// <summary>A natural person's claim for fee 8000.00: 4000.00 once verified.</summary>
    public async Task<JsonElement> VerifiedAsync(Action<Dictionary<string, object?>>? change = null)
    {
        var claim = await ClaimApi.MustFireAsync(Applicant, await ClaimApi.CreateAsync(Applicant, change), "submit");
        return await ClaimApi.MustFireAsync(Verifier, await ClaimApi.MustFireAsync(Verifier, claim, "start_review"), "verify");
    }

    public async Task SetBudgetAsync(int year, string amount)
    {
        var response = await Finance.PutAsJsonAsync($"/api/v1/budgets/{year}", new { amount });
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonElement> BudgetAsync(int year)
    {
        var response = await Finance.GetAsync($"/api/v1/budgets/{year}");
        response.EnsureSuccessStatusCode();
        return await ClaimApi.JsonAsync(response);
    }

    /// <summary>
    /// The budget's figures equal the sums over its claims' entries, and every reserved entry belongs to a
    /// claim whose approval stands (in notice, ready for payout or in payout).
    /// </summary>
    public async Task BudgetShouldAgreeWithItsClaimsAsync(int year)
    {
        await using var conn = await TestPostgres.OpenAsync(app.ConnectionString);
        var figures = await conn.QuerySingleAsync<(decimal Amount, decimal Reserved, decimal Paid)>(
            "SELECT amount, reserved, paid FROM budgets WHERE year = @year", new { year });
        var sums = await conn.QuerySingleAsync<(decimal Reserved, decimal Paid)>("""
            SELECT coalesce(sum(amount) FILTER (WHERE state = 'reserved'), 0), coalesce(sum(amount) FILTER (WHERE state = 'paid'), 0)
            FROM budget_entries WHERE year = @year
            """, new { year });
        figures.Reserved.Should().Be(sums.Reserved, "reserved equals the sum of the reserved entries");
        figures.Paid.Should().Be(sums.Paid, "paid equals the sum of the paid entries");
        (figures.Reserved + figures.Paid).Should().BeLessThanOrEqualTo(figures.Amount);
        var stray = await conn.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM budget_entries e JOIN claims c ON c.id = e.claim_id
            WHERE e.year = @year AND e.state = 'reserved' AND c.status NOT IN ('in_public_notice', 'ready_for_payout', 'in_payout', 'payout_failed')
            """, new { year });
        stray.Should().Be(0, "only a standing approval holds a reservation");
    }
}
