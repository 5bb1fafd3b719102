using SubsidyService.Domain.Policy;

namespace SubsidyService.Domain.Tests.Policy;

/// <summary>Claim facts for tests: an eligible domiciled natural person's won patent case unless changed with `with`.</summary>
internal static class Facts
{
    public static readonly DateOnly JudgmentDate = new(2024, 6, 1);
    public static readonly EvaluationContext Ctx = new(new DateOnly(2024, 7, 1));

    public static ClaimFacts Eligible(
        ApplicantType applicant = ApplicantType.NaturalPerson,
        decimal fee = 8_000.00m,
        decimal? invoices = null) =>
        new(
            ApplicantType: applicant,
            Name: applicant == ApplicantType.NaturalPerson ? "张三" : "某某科技有限公司",
            IdNumber: applicant == ApplicantType.NaturalPerson ? "11010519491231002X" : "91350100M000100Y43",
            DomicileInCounty: true,
            CaseNumber: "(2024)浙02民初123号",
            Court: "宁波市中级人民法院",
            CaseType: CaseType.PatentInfringement,
            Outcome: CaseOutcome.Won,
            JudgmentEffectiveDate: JudgmentDate,
            ForeignRelated: false,
            MajorImpact: false,
            AgencyFee: fee,
            Invoices: [new Invoice("12345678", invoices ?? fee, JudgmentDate)],
            OtherFunding: []);

    public static Evaluation Evaluate(ClaimFacts facts, EvaluationContext? ctx = null) =>
        PolicyEvaluator.Evaluate(facts, PolicyVersion.Default, ctx ?? Ctx);
}
