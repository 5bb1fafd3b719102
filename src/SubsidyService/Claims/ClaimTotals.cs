using Dapper;
using Npgsql;

namespace SubsidyService.Claims;

/// <summary>One group of the claims submitted in a period: how many, their amounts, how many were approved and paid.</summary>
public sealed record ClaimTotal(string Dimension, string? Key, long Count, decimal Amount, long ApprovedCount, decimal ApprovedAmount,
    long PaidCount, decimal PaidAmount);

/// <summary>
/// The claims first submitted in a period, counted and summed by status, tier, case type, applicant type and month of
/// submission (China time), in one GROUP BY GROUPING SETS statement: the database reads the period's claims through
/// the index on submitted_at and sends back a few dozen rows, whatever the number of claims.
/// </summary>
public sealed class ClaimTotals(NpgsqlDataSource db)
{
    /// <summary>The statuses of a claim whose approval stands or was paid out.</summary>
    public static readonly string[] Approved = ["in_public_notice", "ready_for_payout", "in_payout", "paid", "payout_failed"];

    internal const string Sql = """
        SELECT CASE WHEN GROUPING(status) = 0 THEN 'status' WHEN GROUPING(tier) = 0 THEN 'tier'
                    WHEN GROUPING(case_type) = 0 THEN 'caseType' WHEN GROUPING(applicant_type) = 0 THEN 'applicantType'
                    WHEN GROUPING(month) = 0 THEN 'month' ELSE 'total' END AS dimension,
               coalesce(status, tier, case_type, applicant_type, month) AS key,
               count(*) AS count, coalesce(sum(amount), 0) AS amount,
               count(*) FILTER (WHERE approved) AS approvedcount, coalesce(sum(amount) FILTER (WHERE approved), 0) AS approvedamount,
               count(*) FILTER (WHERE status = 'paid') AS paidcount, coalesce(sum(amount) FILTER (WHERE status = 'paid'), 0) AS paidamount
        FROM (SELECT status, tier, facts->>'caseType' AS case_type, applicant_type, amount, status = ANY(@approved) AS approved,
                     to_char((submitted_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM') AS month
              FROM claims
              WHERE submitted_at >= @from AND submitted_at < @to) c
        GROUP BY GROUPING SETS ((status), (tier), (case_type), (applicant_type), (month), ())
        """;

    public async Task<IReadOnlyList<ClaimTotal>> SubmittedBetweenAsync(DateTime fromUtc, DateTime toUtcExclusive, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return (await conn.QueryAsync<ClaimTotal>(new CommandDefinition(Sql, new { from = fromUtc, to = toUtcExclusive, approved = Approved },
            cancellationToken: ct))).ToList();
    }
}
