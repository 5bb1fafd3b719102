using SubsidyService.Domain.Money;
using SubsidyService.Domain.Policy;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Policy;

/// <summary>
/// The API shape of an <see cref="Evaluation"/> (API.md "Estimate"), in one place so that the estimate
/// endpoint, the estimate page and a claim's <c>estimate</c> member cannot drift apart. Money is a
/// two-decimal string, the rate "0.50", codes snake_case; <c>amountInWords</c> and <c>trace</c> are
/// additions for pages and letters.
/// </summary>
public sealed record EstimateResponse(
    bool Eligible,
    string? Tier,
    string Rate,
    string FeeBase,
    string UncappedAmount,
    string? Cap,
    string Amount,
    string AmountInWords,
    bool CapApplied,
    IReadOnlyList<EstimateReason> Reasons,
    IReadOnlyList<EstimateTraceStep> Trace,
    string PolicyVersion)
{
    public static EstimateResponse From(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return new EstimateResponse(
            evaluation.Eligible,
            evaluation.Tier is { } tier ? EnumCodes.ToCode(tier) : null,
            Invariant.Rate(evaluation.Rate),
            Invariant.Money(evaluation.FeeBase),
            Invariant.Money(evaluation.UncappedAmount),
            evaluation.Cap is { } cap ? Invariant.Money(cap) : null,
            Invariant.Money(evaluation.Amount),
            ChineseAmount.Format(Yuan.Round(evaluation.Amount).Value),
            evaluation.CapApplied,
            evaluation.Reasons.Select(r => new EstimateReason(EnumCodes.ToCode(r.Code), r.Message)).ToList(),
            evaluation.Trace.Select(t => new EstimateTraceStep(t.Step, t.Clause)).ToList(),
            evaluation.PolicyVersion) { PolicyTitle = evaluation.PolicyTitle ?? evaluation.PolicyVersion };
    }

    /// <summary>The policy version as people call it, "2023年版（第十三项）".</summary>
    public string PolicyTitle { get; init; } = "";
}

public sealed record EstimateReason(string Code, string Message);

/// <summary>One step of the reckoning and the words of item 13 it applies (empty when it quotes nothing).</summary>
public sealed record EstimateTraceStep(string Step, string Clause);
