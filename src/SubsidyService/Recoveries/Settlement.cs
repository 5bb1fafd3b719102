using SubsidyService.Domain.Kernel;
using SubsidyService.Claims;
using SubsidyService.Domain.Money;
using SubsidyService.Operations;
using SubsidyService.Kernel;

namespace SubsidyService.Recoveries;

/// <summary>
/// How finance says a recovery was settled: <c>{method, amount?, reference?, note}</c>, checked from the settle
/// endpoint's body (fields named plainly) and from a transition's <c>data</c> (fields named <c>data.…</c>).
/// </summary>
public sealed record Settlement(Guid? RecoveryId, string Method, decimal? Amount, string? Reference, string Note)
{
    public static readonly IReadOnlyDictionary<string, string> Methods = new Dictionary<string, string>
    {
        ["repaid"] = "申请人已缴回国库",
        ["offset"] = "从其他应付款项中抵扣",
        ["written_off"] = "经批准核销",
    };

    public const int MaxNoteLength = 2000;
    public const int MaxReferenceLength = 100;

    /// <summary>The settlement's values checked; <paramref name="prefix"/> names the fields as the caller sent them.</summary>
    public static Outcome<Settlement> From(SettleRecoveryData d, string prefix)
    {
        var errors = new Dictionary<string, string[]>();
        if (d.Method is null || !Methods.ContainsKey(d.Method))
            errors[prefix + "method"] = [ChoiceError.Message("追回方式", d.Method, Methods.Select(m => $"{m.Key}（{m.Value}）")) + "。"];
        decimal? amount = null;
        if (d.Amount is not null)
        {
            if (AmountInput.TryParse(d.Amount, out var parsed, out var amountError)) amount = parsed.Value;
            else errors[prefix + "amount"] = [$"追回金额：{amountError}。"];
        }
        if (d.Reference?.Length > MaxReferenceLength) errors[prefix + "reference"] = [$"凭证号不能超过 {MaxReferenceLength} 个字符。"];
        if (d.Note is null) errors[prefix + "note"] = ["请说明追回情况（note）。"];
        else if (d.Note.Length > MaxNoteLength) errors[prefix + "note"] = [$"说明不能超过 {MaxNoteLength} 个字符。"];
        return errors.Count > 0 ? Refusal.Validation(errors) : new Settlement(d.RecoveryId, d.Method!, amount, d.Reference, d.Note!);
    }
}
