using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.WebUtilities;

namespace SubsidyService.Pages.Claims;

/// <summary>
/// The links of a list page that keep its filter: a column header that sorts by it (again: the other way),
/// and the CSV export of what the list shows. The sort travels in the query as "sort" ("amount", "-amount").
/// </summary>
public sealed record ListLinks(string Path, IReadOnlyDictionary<string, string?> Filter, string? Sort)
{
    /// <summary>A sortable header cell: ▲ ascending, ▼ descending, aria-sort for screen readers.</summary>
    public HtmlString Th(string label, string key, string? cssClass = null, bool descendingFirst = false)
    {
        var current = Sort?.TrimStart('-') == key;
        var descending = current && Sort!.StartsWith('-');
        var next = current ? (descending ? key : "-" + key) : (descendingFirst ? "-" + key : key);
        var aria = current ? (descending ? "descending" : "ascending") : "none";
        var arrow = current ? (descending ? " ▼" : " ▲") : "";
        var title = current ? (descending ? "当前从大到小（从晚到早），点击改为正序" : "当前正序，点击改为倒序") : "点击按此列排序";
        var cls = string.Join(" ", new[] { cssClass, current ? "sorted" : null }.Where(c => c is not null));
        return new HtmlString(
            $"<th{(cls.Length > 0 ? $" class=\"{cls}\"" : "")} aria-sort=\"{aria}\"><a class=\"sort\" href=\"{Encode(Link(next))}\" title=\"{title}\">{Encode(label)}{arrow}</a></th>");
    }

    /// <summary>The list as it is filtered and sorted now, as CSV.</summary>
    public string Csv => Url(Filter.Append(new("sort", Sort)).Append(new("handler", "Csv")));

    /// <summary>The list with another filter value (the status counts' links), sorted as now.</summary>
    public string With(string key, string? value) =>
        Url(Filter.Where(f => f.Key != key).Append(new(key, value)).Append(new("sort", Sort)));

    private string Link(string sort) => Url(Filter.Append(new("sort", sort)));

    private string Url(IEnumerable<KeyValuePair<string, string?>> query) =>
        QueryHelpers.AddQueryString(Path, query.Where(q => q.Value is not null));

    private static string Encode(string s) => WebUtility.HtmlEncode(s);

    /// <summary>A file name for an export: what the list is, and the China date it was taken.</summary>
    public static string FileName(string what, DateOnly today) =>
        $"{what}-{today.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.csv";
}
