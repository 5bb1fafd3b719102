using SubsidyService.Domain.Kernel;
using SubsidyService.Domain.Screening;
using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Recoveries;

/// <summary>What the list of recoveries filters on: open or settled (null: both), and text found in the applicant's name or the case number.</summary>
public sealed record RecoveryFilter(string? State, string? Text)
{
    public static readonly IReadOnlyList<string> States = ["proposed", "open", "settled", "dismissed"];

    public const int MaxTextLength = 100;

    /// <summary>The columns the list sorts by: when the recovery was opened, the amount to recover.</summary>
    public static readonly SortKeys Sorts = new("r.id", new Dictionary<string, string>
    {
        ["opened"] = "r.opened_at",
        ["amount"] = "r.amount",
    });

    /// <summary>The text as a case number compares (full-width brackets, spaces and case do not matter).</summary>
    public string? CanonicalText => Text is null ? null : CaseNumber.Canonical(Text);

    public static Outcome<RecoveryFilter> Parse(string? state, string? q)
    {
        var errors = new Dictionary<string, string[]>();
        var s = string.IsNullOrWhiteSpace(state) ? null : state.Trim();
        if (s is not null && !States.Contains(s)) errors["state"] = [ChoiceError.Message("追回状态", s, States) + "。"];
        var text = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (text?.Length > MaxTextLength) errors["q"] = [$"搜索词不能超过 {MaxTextLength} 个字符。"];
        return errors.Count > 0 ? Refusal.Validation(errors) : new RecoveryFilter(s, text);
    }
}
