using Dapper;
using Npgsql;

namespace SubsidyService.Operations;

/// <summary>One page of a list and how many rows the whole list has.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);

public static class ListPage
{
    /// <summary>Rows a staff list shows at once, as the claim lists do.</summary>
    public const int DefaultSize = 20;

    /// <summary>
    /// How far a list's total is counted: beyond it the total reads "10,000+", so that a list of a table that grows
    /// with the claims (the outbox) never counts the whole table to show a page.
    /// </summary>
    public const int CountCap = 10_000;

    public static bool IsCapped(long total) => total > CountCap;

    public static int Offset(int page, int pageSize) => (Math.Max(1, page) - 1) * pageSize;

    /// <summary>
    /// A page of <c>SELECT {columns} FROM {from} {where} ORDER BY {orderBy}</c> and the count of the list up to
    /// <see cref="CountCap"/> and one more, for
    /// the small tables' lists (batches, recoveries, mail). Every text is the owning store's fixed SQL; the
    /// user's values are in <paramref name="args"/>.
    /// </summary>
    public static async Task<ListPage<T>> ReadAsync<T>(NpgsqlConnection conn, string columns, string from, string where,
        DynamicParameters args, string orderBy, int page, int pageSize)
    {
        var total = await conn.ExecuteScalarAsync<long>($"SELECT count(*) FROM (SELECT 1 FROM {from} {where} LIMIT {CountCap + 1}) capped", args);
        args.Add("pageSize", pageSize);
        args.Add("offset", Offset(page, pageSize));
        var rows = await conn.QueryAsync<T>($"SELECT {columns} FROM {from} {where} ORDER BY {orderBy} LIMIT @pageSize OFFSET @offset", args);
        return new ListPage<T>(rows.ToList(), Math.Max(1, page), pageSize, total);
    }

    /// <summary>The whole list of <see cref="ReadAsync{T}"/>, in its order, streamed for an export.</summary>
    public static async IAsyncEnumerable<T> StreamAsync<T>(NpgsqlDataSource db, string columns, string from, string where,
        DynamicParameters args, string orderBy, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel = default)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        await foreach (var row in conn.QueryUnbufferedAsync<T>($"SELECT {columns} FROM {from} {where} ORDER BY {orderBy}", args).WithCancellation(cancel))
            yield return row;
    }
}
