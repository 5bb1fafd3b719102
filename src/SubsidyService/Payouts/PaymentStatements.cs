using Dapper;
using Npgsql;
using SubsidyService.Operations;

namespace SubsidyService.Payouts;

/// <summary>
/// The statements on a batch's payments, in the caller's transaction: written when a chunk is gathered, streamed into
/// the bank file, locked and settled when the bank's results come back. The batch's own row is <see cref="PayoutStore"/>'s.
/// </summary>
public static class PaymentStatements
{
    /// <summary>
    /// One payment per claim, the payee copied from the claim's account as it is now, each with the next
    /// reference. The partial unique index refuses a second live payment for a claim, whatever the caller did.
    /// </summary>
    public static async Task<IReadOnlyList<PaymentRow>> InsertPaymentsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid batchId,
        IReadOnlyList<Guid> claimIds, DateTime now) =>
        (await conn.QueryAsync<PaymentRow>($"""
            INSERT INTO payments (id, batch_id, claim_id, reference, payee_name, bank_name, account_number, amount, state, created_at,
                                  application_number)
            SELECT gen_random_uuid(), @batchId, c.id, 'SP' || lpad(nextval('payment_reference_seq')::text, 10, '0'),
                   c.bank_account->>'accountName', c.bank_account->>'bankName', c.bank_account->>'accountNumber', c.amount, 'pending', @now,
                   c.application_number
            FROM claims c WHERE c.id = ANY(@claimIds)
            ORDER BY c.id
            RETURNING {PaymentRow.Columns}
            """, new { batchId, claimIds = claimIds.ToArray(), now }, tx)).ToList();

    /// <summary>The batch's payments in reference order (the file's order), streamed.</summary>
    public static IAsyncEnumerable<PaymentRow> PaymentsOf(NpgsqlConnection conn, Guid batchId, NpgsqlTransaction? tx = null) =>
        conn.QueryUnbufferedAsync<PaymentRow>($"SELECT {PaymentRow.Columns} FROM payments WHERE batch_id = @batchId ORDER BY reference",
            new { batchId }, tx);

    /// <summary>The batch's payments by reference, locked for a results import.</summary>
    public static async Task<Dictionary<string, PaymentRow>> LockPaymentsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid batchId) =>
        (await conn.QueryAsync<PaymentRow>($"SELECT {PaymentRow.Columns} FROM payments WHERE batch_id = @batchId FOR UPDATE",
            new { batchId }, tx)).ToDictionary(p => p.Reference, StringComparer.Ordinal);

    public static Task SettlePaymentAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, string state, string? message, DateTime now) =>
        conn.ExecuteAsync("UPDATE payments SET state = @state, bank_message = @message, settled_at = @now WHERE id = @id AND state = 'pending'",
            new { id, state, message, now }, tx);
}
