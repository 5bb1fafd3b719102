using System.Net;
using System.Net.Http.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Approval;

/// <summary>The budget and the letter numbers under many approvals at once.</summary>
public sealed class ApprovalConcurrencyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static int Year => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;

    /// <summary>
    /// Copies one verified claim (as the API made it) under new ids and case numbers: approval reads only
    /// the claim's own row, so the copies are as good as claims verified one by one, and far quicker to make.
    /// </summary>
    private async Task<Guid[]> VerifiedClaimsAsync(ApprovalSetup s, int count)
    {
        var template = await s.VerifiedAsync();
        await using var conn = await TestPostgres.OpenAsync(fixture.App.ConnectionString);
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        await conn.ExecuteAsync("""
            INSERT INTO claims (id, applicant_id, status, version, facts, bank_account, applicant_type, applicant_name, id_number,
                                case_number, canonical_case_number, policy_version, amount, verified_by, verified_at, verification,
                                created_at, updated_at, submitted_at)
            SELECT n.id, c.applicant_id, c.status, c.version, c.facts, c.bank_account, c.applicant_type, c.applicant_name, c.id_number,
                   c.case_number || n.ord, c.canonical_case_number || n.ord, c.policy_version, c.amount, c.verified_by, c.verified_at,
                   c.verification, c.created_at, c.updated_at, c.submitted_at
            FROM claims c, unnest(@ids) WITH ORDINALITY AS n(id, ord)
            WHERE c.id = @template
            """, new { ids, template = template.Id() });
        return ids;
    }

    [Fact]
    public async Task A_thousand_concurrent_approvals_against_a_budget_for_five_hundred_approve_exactly_five_hundred()
    {
        var s = await ApprovalSetup.StartAsync(fixture.App);
        var ids = await VerifiedClaimsAsync(s, 1000);
        await using var conn = await TestPostgres.OpenAsync(fixture.App.ConnectionString);
        var version = await conn.ExecuteScalarAsync<int>("SELECT version FROM claims WHERE id = @id", new { id = ids[0] });
        var reservedBefore = await conn.ExecuteScalarAsync<decimal?>("SELECT reserved FROM budgets WHERE year = @Year", new { Year }) ?? 0m;
        await s.SetBudgetAsync(Year, (reservedBefore + 500 * 4000m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));

        // All at once: the service, not the test, keeps the queue on the budget row from emptying the connection pool.
        var responses = await Task.WhenAll(ids.Select(id => Task.Run(() => ClaimApi.FireAsync(s.Finance, id, version, "approve"))));

        var others = responses.Where(r => r.StatusCode is not (HttpStatusCode.OK or HttpStatusCode.Conflict)).ToList();
        others.Should().BeEmpty("a burst of approvals waits its turn; it is never answered with an error");
        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(500);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(500);
        var budget = await s.BudgetAsync(Year);
        budget.GetProperty("remaining").GetString().Should().Be("0.00");
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claims WHERE id = ANY(@ids) AND status = 'in_public_notice'", new { ids }))
            .Should().Be(500);
        await s.BudgetShouldAgreeWithItsClaimsAsync(Year);
        await LetterNumbersShouldHaveNoGapAsync(conn);
    }

    [Fact]
    public async Task A_hundred_concurrent_approvals_of_one_claim_approve_it_once()
    {
        var s = await ApprovalSetup.StartAsync(fixture.App);
        var claim = await s.VerifiedAsync();
        await using var conn = await TestPostgres.OpenAsync(fixture.App.ConnectionString);
        var reserved = await conn.ExecuteScalarAsync<decimal?>("SELECT reserved + paid FROM budgets WHERE year = @Year", new { Year }) ?? 0m;
        await s.SetBudgetAsync(Year, (reserved + 1_000_000m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(() => ClaimApi.FireAsync(s.Finance, claim, "approve"))));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        responses.Where(r => r.StatusCode != HttpStatusCode.OK).Select(r => r.StatusCode).Should().OnlyContain(c => c == HttpStatusCode.Conflict);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM letters WHERE claim_id = @id", new { id = claim.Id() })).Should().Be(1);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events WHERE claim_id = @id AND trigger = 'approve'", new { id = claim.Id() }))
            .Should().Be(1);
        await s.BudgetShouldAgreeWithItsClaimsAsync(Year);
        await LetterNumbersShouldHaveNoGapAsync(conn);
    }

    /// <summary>Each year's letters are numbered 1..n, each number once.</summary>
    private static async Task LetterNumbersShouldHaveNoGapAsync(Npgsql.NpgsqlConnection conn)
    {
        var years = await conn.QueryAsync<(int Year, long Count, int Max, long Distinct)>(
            "SELECT year, count(*), max(seq), count(DISTINCT seq) FROM letters GROUP BY year");
        foreach (var y in years)
        {
            y.Distinct.Should().Be(y.Count, "no number is used twice");
            y.Max.Should().Be((int)y.Count, "no number is skipped");
        }
        (await conn.ExecuteScalarAsync<int>("SELECT max(last_seq) FROM letter_sequences WHERE year = @Year", new { Year }))
            .Should().Be(await conn.ExecuteScalarAsync<int>("SELECT max(seq) FROM letters WHERE year = @Year", new { Year }));
    }
}
