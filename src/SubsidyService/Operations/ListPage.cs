using System.Text.Json.Serialization;
using Dapper;
using Npgsql;

namespace SubsidyService.Operations;

/// <summary>One page of a list and how many rows the whole list has.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total)
{
    /// <summary>
    /// The total was counted only up to <see cref="ListPage.CountCap"/> and one more (a search), so a larger one reads
    /// "10,000+" and the last page is not known; an exact total (a list by status, the API's) leaves this false.
    /// </summary>
    [JsonIgnore]
    public bool CountedToCap { get; init; }

    /// <summary>The same page with each row shown as <typeparamref name="TOut"/>.</summary>
    public ListPage<TOut> Select<TOut>(Func<T, TOut> map) =>
        new(Items.Select(map).ToList(), Page, PageSize, Total) { CountedToCap = CountedToCap };
}

/// <summary>
/// Every paged list's SQL: <c>SELECT {columns} FROM {from} {where} ORDER BY {orderBy}</c>, a page of it and its total.
/// Every text is the owning store's fixed SQL; the user's values are in the arguments.
/// </summary>
public static class ListPage
{
    /// <summary>Rows a list shows at once.</summary>
    public const int DefaultSize = 20;

    /// <summary>
    /// How far a search's total is counted: beyond it the total reads "10,000+", so that a broad search, or a list
    /// of a table that grows with the claims (the outbox), never counts the whole table to show a page.
    /// </summary>
    public const int CountCap = 10_000;

    public static bool IsCapped(long total) => total > CountCap;

    public static int Offset(int page, int pageSize) => (Math.Max(1, page) - 1) * pageSize;

    /// <summary>One page of the list, from @offset and @pageSize (<see cref="ReadAsync{T}"/> adds them).</summary>
    public static string PageSql(string columns, string from, string where, string orderBy) =>
        $"SELECT {columns} FROM {from} {where} ORDER BY {orderBy} LIMIT @pageSize OFFSET @offset";

    /// <summary>The whole list in its order, for an export.</summary>
    public static string AllSql(string columns, string from, string where, string orderBy) =>
        $"SELECT {columns} FROM {from} {where} ORDER BY {orderBy}";

    /// <summary>The list's total; capped, it stops once it has found <see cref="CountCap"/> and one more.</summary>
    public static string CountSql(string from, string where, bool capped) => capped
        ? $"SELECT count(*) FROM (SELECT 1 FROM {from} {where} LIMIT {CountCap + 1}) capped"
        : $"SELECT count(*) FROM {from} {where}";

    /// <summary>
    /// A page of the list and its total: <paramref name="total"/> when the caller knows it (from a counts table), or
    /// else counted, up to the cap unless <paramref name="exact"/>.
    /// </summary>
    public static async Task<ListPage<T>> ReadAsync<T>(NpgsqlConnection conn, string columns, string from, string where,
        DynamicParameters args, string orderBy, int page, int pageSize, long? total = null, bool exact = false)
    {
        var counted = total ?? await conn.ExecuteScalarAsync<long>(CountSql(from, where, capped: !exact), args);
        args.Add("pageSize", pageSize);
        args.Add("offset", Offset(page, pageSize));
        var rows = await conn.QueryAsync<T>(PageSql(columns, from, where, orderBy), args);
        return new ListPage<T>(rows.ToList(), Math.Max(1, page), pageSize, counted) { CountedToCap = total is null && !exact };
    }

    /// <summary>The whole list of <see cref="ReadAsync{T}"/>, in its order, streamed for an export.</summary>
    public static async IAsyncEnumerable<T> StreamAsync<T>(NpgsqlDataSource db, string columns, string from, string where,
        DynamicParameters args, string orderBy, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancel = default)
    {
        await using var conn = await db.OpenConnectionAsync(cancel);
        await foreach (var row in conn.QueryUnbufferedAsync<T>(AllSql(columns, from, where, orderBy), args).WithCancellation(cancel))
            yield return row;
    }
}
