using Dapper;
using Npgsql;
using SubsidyService.Operations;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Budgets;

/// <summary>A fiscal year's budget as API.md shows it; remaining = amount − reserved − paid.</summary>
public sealed record Budget(int Year, decimal Amount, decimal Reserved, decimal Paid)
{
    public decimal Remaining => Amount - Reserved - Paid;
}

/// <summary>What one claim holds of a budget.</summary>
public sealed record BudgetEntry(Guid ClaimId, int Year, decimal Amount, string State, DateTime ReservedAt, DateTime? SettledAt);

/// <summary>
/// The SQL of budgets and their entries. The figures on a budget row move only together with an entry, in
/// the caller's transaction and under the budget row's lock, so they always equal the sums of the entries.
/// </summary>
public sealed class BudgetStore(NpgsqlDataSource db, ISecurityEvents security)
{
    public async Task<Budget?> FindAsync(int year)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QuerySingleOrDefaultAsync<Budget>("SELECT year, amount, reserved, paid FROM budgets WHERE year = @year", new { year });
    }

    /// <summary>Sets a year's amount; it may not fall below what is already reserved or paid.</summary>
    public async Task<Outcome<Budget>> SetAsync(int year, decimal amount, Guid by, DateTime now)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var current = await conn.QuerySingleOrDefaultAsync<Budget>(
            "SELECT year, amount, reserved, paid FROM budgets WHERE year = @year FOR UPDATE", new { year }, tx);
        if (current is not null && amount < current.Reserved + current.Paid)
            return Refusal.Validation("amount",
                $"预算不能低于已占用的金额 {Format(current.Reserved + current.Paid)} 元（已预留 {Format(current.Reserved)}，已拨付 {Format(current.Paid)}）。");
        var budget = await conn.QuerySingleAsync<Budget>("""
            INSERT INTO budgets (year, amount, updated_at, updated_by) VALUES (@year, @amount, @now, @by)
            ON CONFLICT (year) DO UPDATE SET amount = excluded.amount, updated_at = excluded.updated_at, updated_by = excluded.updated_by
            RETURNING year, amount, reserved, paid
            """, new { year, amount, now, by }, tx);
        await tx.CommitAsync();
        await security.RecordAsync(SecurityAct.BudgetSet, year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            $"预算由 {(current is null ? "未设" : Format(current.Amount) + " 元")} 改为 {Format(amount)} 元");
        return budget;
    }

    /// <summary>Seeds a year's budget when it has none (the demo).</summary>
    public async Task EnsureAsync(int year, decimal amount, DateTime now)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("INSERT INTO budgets (year, amount, updated_at) VALUES (@year, @amount, @now) ON CONFLICT DO NOTHING",
            new { year, amount, now });
    }

    /// <summary>
    /// The year's budget row, locked, in the caller's batch: the first step of reserving a claim's amount in the
    /// approving transaction, so that two approvals cannot both take the last of it.
    /// </summary>
    public static SqlBatch.Pending<Budget?> Lock(SqlBatch batch, int year) =>
        batch.Read("SELECT year, amount, reserved, paid FROM budgets WHERE year = @budgetYear FOR UPDATE", new { budgetYear = year },
            grid => grid.ReadSingleOrDefaultAsync<Budget?>());

    /// <summary>
    /// The reservation on the row <see cref="Lock"/> read (and still holds): the refusal, or the
    /// reservation's writes added to <paramref name="writes"/> and the budget as they leave it.
    /// </summary>
    public static Outcome<Budget> Reserve(SqlBatch writes, Budget? locked, Guid claimId, int year, decimal amount, DateTime now)
    {
        if (locked is null)
            return new Refusal(409, "insufficient_budget", "预算不足", $"尚未设置 {year} 年度补助预算，请先设置预算再批准。");
        if (locked.Remaining < amount)
            return new Refusal(409, "insufficient_budget", "预算不足",
                $"{year} 年度预算剩余 {Format(locked.Remaining)} 元，不足以批准本申请的 {Format(amount)} 元。");
        writes.Execute("""
            INSERT INTO budget_entries (claim_id, year, amount, state, reserved_at) VALUES (@budgetClaimId, @budgetYear, @budgetAmount, 'reserved', @budgetNow)
            ON CONFLICT (claim_id) DO UPDATE SET year = excluded.year, amount = excluded.amount, state = 'reserved',
                reserved_at = excluded.reserved_at, settled_at = NULL
            """, new { budgetClaimId = claimId, budgetYear = year, budgetAmount = amount, budgetNow = now });
        writes.Execute("UPDATE budgets SET reserved = reserved + @budgetAmount WHERE year = @budgetYear", new { budgetYear = year, budgetAmount = amount });
        return locked with { Reserved = locked.Reserved + amount };
    }

    /// <summary>Gives a claim's reservation back (objection, rejection, send-back); nothing when it holds none.</summary>
    public static Task<BudgetEntry?> ReleaseAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid claimId, DateTime now) =>
        SettleAsync(conn, tx, claimId, "released", "reserved = reserved - @Amount", now);

    /// <summary>A paid claim's reservation becomes spending.</summary>
    public static Task<BudgetEntry?> MarkPaidAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid claimId, DateTime now) =>
        SettleAsync(conn, tx, claimId, "paid", "reserved = reserved - @Amount, paid = paid + @Amount", now);

    private static async Task<BudgetEntry?> SettleAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid claimId, string state, string figures, DateTime now)
    {
        var entry = await conn.QuerySingleOrDefaultAsync<BudgetEntry>("""
            UPDATE budget_entries SET state = @state, settled_at = @now WHERE claim_id = @claimId AND state = 'reserved'
            RETURNING claim_id AS claimid, year, amount, state, reserved_at AS reservedat, settled_at AS settledat
            """, new { claimId, state, now }, tx);
        if (entry is not null)
            await conn.ExecuteAsync($"UPDATE budgets SET {figures} WHERE year = @Year", entry, tx);
        return entry;
    }

    public async Task<IReadOnlyList<BudgetEntry>> EntriesAsync(int year, string? state, int limit)
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<BudgetEntry>("""
            SELECT claim_id AS claimid, year, amount, state, reserved_at AS reservedat, settled_at AS settledat FROM budget_entries
            WHERE year = @year AND (@state::text IS NULL OR state = @state)
            ORDER BY reserved_at DESC LIMIT @limit
            """, new { year, state, limit })).ToList();
    }

    private static string Format(decimal amount) => Invariant.Money(amount);
}
