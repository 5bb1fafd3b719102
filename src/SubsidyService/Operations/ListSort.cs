using SubsidyService.Kernel;

namespace SubsidyService.Operations;

/// <summary>
/// The columns one list may be sorted by, as its "sort" parameter names them ("amount", or "-amount" for
/// largest first), each mapped to a fixed SQL expression: text from a query string picks a key and never
/// reaches the SQL itself. The tie-breaker (a unique column) keeps pages from overlapping.
/// </summary>
public sealed class SortKeys(string tieBreaker, IReadOnlyDictionary<string, string> columns)
{
    public IReadOnlyCollection<string> Keys => columns.Keys.ToList();

    /// <summary>A sort from its text; blank is the list's own order (null), an unknown key is refused naming the field.</summary>
    public Outcome<ListSort?> Parse(string? text)
    {
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s)) return (ListSort?)null;
        var descending = s.StartsWith('-');
        var key = descending ? s[1..] : s;
        return columns.TryGetValue(key, out var column)
            ? new ListSort(key, descending, $"{column} {(descending ? "DESC" : "ASC")} NULLS LAST, {tieBreaker}")
            : Refusal.Validation("sort", $"无法按“{s}”排序，可用的排序为 {string.Join("、", columns.Keys)}（前加 - 为倒序）。");
    }
}

/// <summary>A sort a <see cref="SortKeys"/> accepted; only it makes one, so <see cref="OrderBy"/> holds only its fixed SQL.</summary>
public sealed class ListSort
{
    internal ListSort(string key, bool descending, string orderBy) => (Key, Descending, OrderBy) = (key, descending, orderBy);

    public string Key { get; }
    public bool Descending { get; }

    /// <summary>The ORDER BY list: the column (empty values last either way), then the tie-breaker.</summary>
    public string OrderBy { get; }

    public string Text => (Descending ? "-" : "") + Key;
}
