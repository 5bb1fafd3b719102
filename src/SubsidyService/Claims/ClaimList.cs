using Npgsql;
using SubsidyService.Operations;

namespace SubsidyService.Claims;

/// <summary>
/// The claim lists' one stack, under both the role lists (<see cref="ClaimReader.ListAsync"/>) and the staff's
/// (<see cref="ClaimSearch"/>): a <see cref="ClaimFilter"/>'s WHERE, a page of it as <see cref="ListPage{T}"/>, and its total.
/// </summary>
internal static class ClaimList
{
    public const string From = "claims c";

    /// <summary>
    /// A page of the claims the filter finds and their total: from the counts table when only statuses narrow every
    /// claim, otherwise counted, up to <see cref="ListPage.CountCap"/> and one more when <paramref name="capTotal"/>
    /// (a page's search) or exactly (the API's clients page to the end by it).
    /// </summary>
    public static async Task<ListPage<T>> PageAsync<T>(NpgsqlConnection conn, string columns, ClaimFilter filter, string orderBy,
        int page, int pageSize, bool capTotal)
    {
        var (where, args) = filter.ToSql();
        long? known = filter.OnlyStatuses ? await ClaimStatusCounts.TotalAsync(conn, filter.Statuses.ToArray()) : null;
        return await ListPage.ReadAsync<T>(conn, columns, From, where, args, orderBy, page, pageSize, known, exact: !capTotal);
    }

    /// <summary>Every claim the filter finds, in the list's order, read as it is written out (an export streams, it is not paged).</summary>
    public static IAsyncEnumerable<T> StreamAsync<T>(NpgsqlDataSource db, string columns, ClaimFilter filter, string orderBy,
        CancellationToken cancel = default)
    {
        var (where, args) = filter.ToSql();
        return ListPage.StreamAsync<T>(db, columns, From, where, args, orderBy, cancel);
    }

    /// <summary>The SQL of one page, as <see cref="PageAsync{T}"/> runs it (the query-plan tests explain it).</summary>
    internal static (string Sql, Dapper.DynamicParameters Args) PageSql(string columns, ClaimFilter filter, string orderBy)
    {
        var (where, args) = filter.ToSql();
        return (ListPage.PageSql(columns, From, where, orderBy), args);
    }
}
