using Dapper;
using Npgsql;

namespace SubsidyService.Budgets;

/// <summary>One month of a budget year: what approvals reserved (and still hold or paid out) and what was paid.</summary>
public sealed record BudgetMonth(int Month, decimal Approved, decimal Paid);

/// <summary>A budget year's amount (null when none was set) and its use month by month (China time).</summary>
public sealed record BudgetYearUse(int Year, decimal? Amount, IReadOnlyList<BudgetMonth> Months);

/// <summary>
/// A budget's use over its year from its entries: an entry counts as approved in the month it was reserved (unless its
/// approval was undone and the reservation released) and as paid in the month it was settled. Read through the index
/// on (year, state); twelve rows come back.
/// </summary>
public sealed class BudgetUse(NpgsqlDataSource db)
{
    internal const string Sql = """
        WITH e AS (
            SELECT amount, state,
                   extract(month FROM (reserved_at AT TIME ZONE 'UTC') + interval '8 hours')::int AS reserved_month,
                   extract(month FROM (settled_at AT TIME ZONE 'UTC') + interval '8 hours')::int AS settled_month
            FROM budget_entries WHERE year = @year AND state IN ('reserved', 'paid'))
        SELECT m AS month,
               coalesce(sum(e.amount) FILTER (WHERE e.reserved_month = m), 0) AS approved,
               coalesce(sum(e.amount) FILTER (WHERE e.state = 'paid' AND e.settled_month = m), 0) AS paid
        FROM generate_series(1, 12) AS m LEFT JOIN e ON e.reserved_month = m OR e.settled_month = m
        GROUP BY m ORDER BY m
        """;

    public async Task<BudgetYearUse> OfYearAsync(int year, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var amount = await conn.ExecuteScalarAsync<decimal?>(new CommandDefinition("SELECT amount FROM budgets WHERE year = @year", new { year }, cancellationToken: ct));
        var months = (await conn.QueryAsync<BudgetMonth>(new CommandDefinition(Sql, new { year }, cancellationToken: ct))).ToList();
        return new BudgetYearUse(year, amount, months);
    }
}
