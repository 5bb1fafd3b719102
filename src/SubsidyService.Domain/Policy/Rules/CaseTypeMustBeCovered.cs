namespace SubsidyService.Domain.Policy;

/// <summary>A case type is covered exactly when some tier takes it; the tier rule already decided that.</summary>
public sealed class CaseTypeMustBeCovered : IEligibilityRule
{
    public string Clause => Item13.WinningClaimant;

    public Reason? Check(ClaimFacts facts, PolicyVersion version, EvaluationContext ctx, Tier? tier)
    {
        if (tier is not null)
            return null;

        var regular = string.Join("、", version.RegularCaseTypes.Order().Select(ChineseNames.Of));
        return new Reason(
            ReasonCode.CaseTypeNotCovered,
            $"{ChineseNames.Of(facts.ApplicantType)}的{ChineseNames.Of(facts.CaseType)}案件不在补助范围内：" +
            $"一般补助限于{regular}案件，其他知识产权案件仅补助胜诉的涉外或具有重大影响案件中的企事业单位");
    }
}
