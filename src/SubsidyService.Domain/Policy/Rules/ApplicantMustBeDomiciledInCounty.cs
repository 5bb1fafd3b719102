namespace SubsidyService.Domain.Policy;

public sealed class ApplicantMustBeDomiciledInCounty : IEligibilityRule
{
    public string Clause => Item13.Domicile;

    public Reason? Check(ClaimFacts facts, PolicyVersion version, EvaluationContext ctx, Tier? tier) =>
        facts.DomicileInCounty
            ? null
            : new Reason(
                ReasonCode.NotDomiciled,
                facts.ApplicantType == ApplicantType.NaturalPerson
                    ? "申请人户籍地不在本县"
                    : "申请人注册地不在本县");
}
