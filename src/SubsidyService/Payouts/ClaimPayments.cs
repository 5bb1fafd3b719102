using Dapper;
using Npgsql;

namespace SubsidyService.Payouts;

/// <summary>A claim's latest payment, for the period exports (the account number in full: the caller masks it).</summary>
public sealed record ClaimPayment(Guid ClaimId, string Reference, string BankName, string AccountNumber, decimal Amount, string State,
    DateTime CreatedAt, DateTime? SettledAt);

/// <summary>The latest payment of each of some claims (a failed payment retried has two), by the index on claim_id.</summary>
public static class ClaimPayments
{
    internal const string Sql = """
        SELECT DISTINCT ON (claim_id) claim_id AS claimid, reference, bank_name AS bankname, account_number AS accountnumber,
               amount, state, created_at AS createdat, settled_at AS settledat
        FROM payments
        WHERE claim_id = ANY(@ids)
        ORDER BY claim_id, created_at DESC
        """;

    public static async Task<IReadOnlyDictionary<Guid, ClaimPayment>> LatestOfAsync(NpgsqlConnection conn, Guid[] ids) =>
        (await conn.QueryAsync<ClaimPayment>(Sql, new { ids })).ToDictionary(p => p.ClaimId);
}
