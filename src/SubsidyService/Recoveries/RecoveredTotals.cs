using Dapper;
using Npgsql;

namespace SubsidyService.Recoveries;

/// <summary>What came back in a period: recoveries settled by repayment or offset (a write-off recovers nothing).</summary>
public sealed record Recovered(long Count, decimal Amount);

/// <summary>The recoveries settled in a period, counted and summed by the database (read through the index on state).</summary>
public sealed class RecoveredTotals(NpgsqlDataSource db)
{
    internal const string Sql = """
        SELECT count(*) AS count, coalesce(sum(settled_amount), 0) AS amount
        FROM recoveries
        WHERE state = 'settled' AND method IN ('repaid', 'offset') AND settled_at >= @from AND settled_at < @to
        """;

    public async Task<Recovered> SettledBetweenAsync(DateTime fromUtc, DateTime toUtcExclusive, CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.QuerySingleAsync<Recovered>(new CommandDefinition(Sql, new { from = fromUtc, to = toUtcExclusive }, cancellationToken: ct));
    }
}
