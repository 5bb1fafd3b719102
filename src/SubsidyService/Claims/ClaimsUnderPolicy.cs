using Dapper;
using Npgsql;
using SubsidyService.Policy;

namespace SubsidyService.Claims;

/// <summary>The claims' answer to the policy feature: how late a judgment a version still has to cover.</summary>
public sealed class ClaimsUnderPolicy(NpgsqlDataSource db) : IClaimsUnderPolicy
{
    public async Task<DateOnly?> LatestJudgmentDateAsync(string policyVersionId)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<DateOnly?>(
            "SELECT max((facts->>'judgmentEffectiveDate')::date) FROM claims WHERE policy_version = @id", new { id = policyVersionId });
    }

    // A scan of the claims' facts: only an administrator adding a back-dated policy version asks, a few times a year.
    public async Task<int> CountJudgedBetweenAsync(DateOnly from, DateOnly? to)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteScalarAsync<int>("""
            SELECT count(*) FROM claims
            WHERE (facts->>'judgmentEffectiveDate')::date >= @from::date
              AND (@to::date IS NULL OR (facts->>'judgmentEffectiveDate')::date <= @to::date)
            """, new { from = from.ToDateTime(TimeOnly.MinValue), to = to?.ToDateTime(TimeOnly.MinValue) });
    }
}
