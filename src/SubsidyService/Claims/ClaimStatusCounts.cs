using Dapper;
using Npgsql;

namespace SubsidyService.Claims;

/// <summary>
/// How many claims are in each status, read from claim_status_counts, which triggers on claims keep exact in
/// the writing transaction (migration 0013): a few hundred rows, however many claims there are.
/// </summary>
public static class ClaimStatusCounts
{
    /// <summary>Every status with at least one claim.</summary>
    internal const string AllSql =
        "SELECT status, sum(n)::bigint AS count FROM claim_status_counts GROUP BY status HAVING sum(n) <> 0";

    /// <summary>The given statuses with at least one claim.</summary>
    internal const string OfStatusesSql =
        "SELECT status, sum(n)::bigint AS count FROM claim_status_counts WHERE status = ANY(@statuses) GROUP BY status HAVING sum(n) <> 0";

    /// <summary>How many claims are in any of the given statuses; no status: every claim.</summary>
    internal const string TotalSql =
        "SELECT coalesce(sum(n), 0)::bigint FROM claim_status_counts WHERE cardinality(@statuses) = 0 OR status = ANY(@statuses)";

    public static async Task<IReadOnlyDictionary<string, long>> AllAsync(NpgsqlConnection conn) =>
        (await conn.QueryAsync<(string Status, long Count)>(AllSql)).ToDictionary(r => r.Status, r => r.Count);

    public static async Task<IReadOnlyDictionary<string, long>> OfAsync(NpgsqlConnection conn, string[] statuses) =>
        (await conn.QueryAsync<(string Status, long Count)>(OfStatusesSql, new { statuses })).ToDictionary(r => r.Status, r => r.Count);

    public static Task<long> TotalAsync(NpgsqlConnection conn, string[] statuses) =>
        conn.ExecuteScalarAsync<long>(TotalSql, new { statuses });
}
