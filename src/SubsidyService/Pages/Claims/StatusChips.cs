namespace SubsidyService.Pages.Claims;

/// <summary>The counts above a list, one per status filter, each a link to the list filtered so; the active one marked.</summary>
public sealed record StatusChips(IReadOnlyList<(string Value, string Name, long Count)> Items, string? Active, ListLinks Links, string Parameter = "status")
{
    /// <summary>The counts were counted only up to <see cref="Operations.ListPage.CountCap"/>: a larger one reads "10,000+".</summary>
    public bool Capped { get; init; }

    public string Text(long count) => ClaimText.Total(count, Capped);

    public static StatusChips Of(IEnumerable<(string Value, string Name)> filters, IReadOnlyDictionary<string, long> counts, string? active, ListLinks links) =>
        new(filters.Select(f => (f.Value, f.Name, Count(f.Value, counts))).ToList(), active ?? "", links);

    /// <summary>A filter value may list several statuses ("submitted,under_review"); blank counts every status.</summary>
    private static long Count(string value, IReadOnlyDictionary<string, long> counts) => value.Length == 0
        ? counts.Values.Sum()
        : value.Split(',').Sum(s => counts.TryGetValue(s, out var n) ? n : 0);
}
