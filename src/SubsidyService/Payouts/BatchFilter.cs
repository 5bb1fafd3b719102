using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Payouts;

/// <summary>What the list of payout batches filters on: their statuses (none: every batch) and the China dates they were requested.</summary>
public sealed record BatchFilter(IReadOnlyList<string> Statuses, DateRange Requested)
{
    public static readonly IReadOnlyList<string> AllStatuses = ["queued", "running", "completed", "failed"];

    /// <summary>The columns the list sorts by: when requested, the total, the number of payments.</summary>
    public static readonly SortKeys Sorts = new("b.id", new Dictionary<string, string>
    {
        ["created"] = "b.requested_at",
        ["total"] = "b.total_amount",
        ["count"] = "b.claim_count",
    });

    public static Outcome<BatchFilter> Parse(string? status, string? from, string? to)
    {
        var errors = new Dictionary<string, string[]>();
        var statuses = new List<string>();
        foreach (var s in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (AllStatuses.Contains(s)) statuses.Add(s);
            else errors["status"] = [ChoiceError.Message("批次状态", s, AllStatuses) + "。"];
        }
        var range = DateRange.Parse(from?.Trim(), to?.Trim());
        foreach (var (field, messages) in range.Refusal?.Errors ?? new Dictionary<string, string[]>()) errors[field] = messages;
        return errors.Count > 0 ? Refusal.Validation(errors) : new BatchFilter(statuses, range.Value!);
    }
}
