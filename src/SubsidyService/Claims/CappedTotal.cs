namespace SubsidyService.Claims;

/// <summary>
/// A page's total when filters other than the status are set (no counts table can answer those): the count
/// stops once it has found <see cref="Cap"/> and one more, so a broad search does not count the whole table
/// for its total; a total above the cap means "more than the cap", and the pages say so.
/// </summary>
public static class CappedTotal
{
    public const int Cap = Operations.ListPage.CountCap;

    /// <summary>The count of the claims <paramref name="where"/> finds (over claims c), stopping at Cap + 1.</summary>
    internal static string Sql(string where) => $"SELECT count(*) FROM (SELECT 1 FROM claims c {where} LIMIT {Cap + 1}) capped";

    public static bool IsCapped(long total) => total > Cap;
}
