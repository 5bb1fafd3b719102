using SubsidyService.Payouts;

namespace SubsidyService.Pages.Finance.Payouts;

/// <summary>
/// What the batch page polls while the batch is being gathered: small, and all the page needs to redraw its
/// progress bar and state. <c>finished</c> tells the page to load itself once more, with the file and the payments.
/// </summary>
public sealed record BatchProgress(string Name, string Status, string State, string Badge, int Percent, int Gathered, int Expected,
    int ClaimCount, string Total, bool Finished, string? LastError)
{
    public static BatchProgress Of(BatchRow b) => new(b.Name, b.Status, BatchText.State(b), BatchText.Badge(b), PercentOf(b), b.Gathered,
        b.Expected, b.ClaimCount, Pages.Claims.ClaimText.Money(b.TotalAmount), b.IsFinished, b.LastError);

    /// <summary>Whole percent, never 100 before the file is written.</summary>
    public static int PercentOf(BatchRow b) => b.Status == "completed" ? 100 : (int)Math.Floor(b.Progress * 100);

    public static string Text(BatchRow b) => $"{PercentOf(b)}%，已汇集 {b.Gathered:#,0} 件" + (b.Expected > 0 ? $"（共约 {b.Expected:#,0} 件）" : "");
}
