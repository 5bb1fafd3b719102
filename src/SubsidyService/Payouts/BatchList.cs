using Dapper;
using Npgsql;
using SubsidyService.Operations;

namespace SubsidyService.Payouts;

/// <summary>The finance bureau's list of payout batches: counted by status, filtered, sorted and paged in PostgreSQL.</summary>
public sealed class BatchList(NpgsqlDataSource db)
{
    /// <summary>
    /// A page of the batches the filter keeps, newest first unless a sort is given (payout_batches_requested serves
    /// that order; a batch is made once a working day, so the other sorts and the filters read few rows).
    /// </summary>
    public async Task<ListPage<BatchRow>> PageAsync(BatchFilter filter, ListSort? sort, int page, int pageSize)
    {
        var (where, args) = Where(filter);
        await using var conn = await db.OpenConnectionAsync();
        return await ListPage.ReadAsync<BatchRow>(conn, BatchRow.Columns, "payout_batches b", where, args, OrderOf(sort), page, pageSize);
    }

    /// <summary>Every batch the filter keeps, in the list's order, read as it is written out.</summary>
    public IAsyncEnumerable<BatchRow> ExportAsync(BatchFilter filter, ListSort? sort, CancellationToken cancel = default)
    {
        var (where, args) = Where(filter);
        return ListPage.StreamAsync<BatchRow>(db, BatchRow.Columns, "payout_batches b", where, args, OrderOf(sort), cancel);
    }

    /// <summary>How many batches are in each status (those with none are left out).</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountsAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<(string Status, long Count)>("SELECT status, count(*) FROM payout_batches GROUP BY status"))
            .ToDictionary(r => r.Status, r => r.Count);
    }

    private static string OrderOf(ListSort? sort) => sort?.OrderBy ?? "b.requested_at DESC, b.id DESC";

    private static (string Where, DynamicParameters Args) Where(BatchFilter filter) => ("""
        WHERE (cardinality(@statuses) = 0 OR b.status = ANY(@statuses))
          AND (@from::timestamptz IS NULL OR b.requested_at >= @from)
          AND (@to::timestamptz IS NULL OR b.requested_at < @to)
        """, new DynamicParameters(new { statuses = filter.Statuses.ToArray(), from = filter.Requested.FromUtc, to = filter.Requested.ToUtcExclusive }));
}
