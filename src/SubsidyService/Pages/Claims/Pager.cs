using SubsidyService.Operations;

namespace SubsidyService.Pages.Claims;

/// <summary>
/// Previous/next links for a page of a list, keeping the list's filter in the query. The query key is "p": Razor
/// Pages keeps "page" for itself. <see cref="Unit"/> counts the rows as the list names them (件, 个, 封).
/// </summary>
public sealed record Pager(int Page, int PageSize, long Total, string Path, IReadOnlyDictionary<string, string?> Query, string Unit = "件")
{
    /// <summary>A pager for a list with page numbers and an exact total (accounts, the public notice, a batch's payments).</summary>
    public static Pager For(int page, int pageSize, long total, string path, IReadOnlyDictionary<string, string?> query, string unit = "件") =>
        new(page, pageSize, total, path, query, unit);

    public static Pager For<T>(ListPage<T> page, string path, IReadOnlyDictionary<string, string?> query, string unit = "件") =>
        new(page.Page, page.PageSize, page.Total, path, query, unit) { CapApplies = page.CountedToCap };

    /// <summary>The total is a search's, counted only up to the cap: the last page is not known, so there is always a next one.</summary>
    public bool Capped => ListPage.IsCapped(Total) && CapApplies;

    /// <summary>The total was counted up to the cap (a search); exact totals (lists by status, accounts, the notice) leave this false.</summary>
    public bool CapApplies { get; init; }

    public int Pages => (int)Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasNext => Capped || Page < Pages;

    public string Link(int page) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Path,
            Query.Where(q => q.Value is not null).Append(new("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
