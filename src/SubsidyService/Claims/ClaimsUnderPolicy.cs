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
}
