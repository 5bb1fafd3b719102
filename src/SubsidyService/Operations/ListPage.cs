namespace SubsidyService.Operations;

/// <summary>One page of a list and how many rows the whole list has.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, long Total);

public static class ListPage
{
    /// <summary>Rows a staff list shows at once, as the claim lists do.</summary>
    public const int DefaultSize = 20;

    public static int Offset(int page, int pageSize) => (Math.Max(1, page) - 1) * pageSize;
}
