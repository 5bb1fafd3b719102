using SubsidyService.Claims;

namespace SubsidyService.Pages.Claims;

/// <summary>Previous/next links for a page of claims, keeping the list's filter in the query. The query key is "p": Razor Pages keeps "page" for itself.</summary>
public sealed record Pager(ClaimPage Claims, string Path, IReadOnlyDictionary<string, string?> Query)
{
    public int Pages => (int)Math.Max(1, (Claims.Total + Claims.PageSize - 1) / Claims.PageSize);

    public string Link(int page) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString(Path,
            Query.Where(q => !string.IsNullOrEmpty(q.Value)).Append(new("p", page.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
