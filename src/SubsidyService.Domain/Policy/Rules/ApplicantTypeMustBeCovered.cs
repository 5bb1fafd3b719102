using SubsidyService.Domain.Identity;

namespace SubsidyService.Domain.Policy;

/// <summary>
/// Item 13 pays natural persons, enterprises and (in the higher tier) institutions. A credit code of another
/// category (机关, 社会组织, 农民专业合作社, …) is a registrant none of these describe, whatever the form declared.
/// </summary>
public sealed class ApplicantTypeMustBeCovered : IEligibilityRule
{
    public string Clause => Item13.Domicile;

    public Reason? Check(ClaimFacts facts, PolicyVersion version, EvaluationContext ctx, Tier? tier) =>
        facts.ApplicantType == ApplicantType.NaturalPerson ||
        Registrant.CategoryOf(facts.IdNumber) is RegistrantCategory.Enterprise or RegistrantCategory.Institution
            ? null
            : new Reason(ReasonCode.ApplicantTypeNotCovered,
                "统一社会信用代码表明申请人既不是企业也不是事业单位（如机关、社会组织、农民专业合作社），不属于本项补助对象");
}
