using Npgsql;

namespace SubsidyService.Payouts;

/// <summary>A batch every payment of which the bank has answered: the totals finance is told about.</summary>
public sealed record BatchSettled(Guid BatchId, DateTime SettledAt, int Count, decimal TotalAmount,
    int SucceededCount, decimal SucceededAmount, int FailedCount, decimal FailedAmount)
{
    /// <summary>How people name the batch in mail: the first eight characters of its id, upper-cased.</summary>
    public string Number => BatchId.ToString("N")[..8].ToUpperInvariant();
}

/// <summary>
/// What the payouts tell people, inside the transaction that made it so. Payouts owns the question; the
/// Notifications feature answers it (as Registers answers Claims' <c>IFundingRegister</c>), so money code never
/// depends on how mail is written.
/// </summary>
public interface IPayoutNotices
{
    /// <summary>Once per batch and person, however often it is called.</summary>
    Task BatchSettledAsync(NpgsqlConnection conn, NpgsqlTransaction tx, BatchSettled batch);
}
