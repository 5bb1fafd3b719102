using SubsidyService.Domain.Identity;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Letters.Tests;

/// <summary>Letters as the approval and rejection will ask for them, with a real evaluation behind the figures.</summary>
public static class LetterSamples
{
    public const string BaseUrl = "https://subsidy.county.example";
    public const string Authority = "县市场监督管理局（知识产权局）";
    public static readonly DateOnly IssuedOn = new(2026, 11, 23);

    public static string CompanyCode { get; } = "91330102MA2B3C4D5" + UnifiedSocialCreditCode.CheckCharacter("91330102MA2B3C4D5");

    /// <summary>An enterprise's patent case with a 30,000 fee: capped at the legal-person tier's 10,000.</summary>
    public static LetterContent Approval(int sequence = 1)
    {
        var facts = new ClaimFacts(ApplicantType.Enterprise, "宁波明远新材料科技有限公司", CompanyCode, true, "(2026)浙02民初1234号", "浙江省宁波市中级人民法院",
            CaseType.PatentInfringement, CaseOutcome.Won, new DateOnly(2026, 6, 18), false, false, 30_000.00m,
            [new Invoice("33021234", 30_000.00m, new DateOnly(2026, 3, 2))], []);
        var evaluation = PolicyEvaluator.Evaluate(facts, PolicyVersion.Default, new EvaluationContext(IssuedOn));
        if (!evaluation.Eligible) throw new InvalidOperationException("the sample must be eligible");

        var number = LetterNumbers.Format("县知补", IssuedOn.Year, sequence);
        return new LetterContent(LetterKind.Approval, number, IssuedOn, Authority, facts.Name,
            LetterNumbers.VerificationUrl(BaseUrl, number),
            Approval: new ApprovalDetails(facts.Name, facts.IdNumber, facts.CaseNumber, ["(2026)浙民终567号"], facts.Court,
                facts.JudgmentEffectiveDate, facts.AgencyFee, evaluation.FeeBase, evaluation.Rate, evaluation.Tier!.Value,
                evaluation.Cap, evaluation.Amount, evaluation.Trace, evaluation.PolicyTitle!, new DateOnly(2026, 11, 30)),
            ApplicationNumber: "2026-000123");
    }

    public static LetterContent Rejection(int sequence = 2)
    {
        var number = LetterNumbers.Format("县知补", IssuedOn.Year, sequence);
        return new LetterContent(LetterKind.Rejection, number, IssuedOn, Authority, "张明",
            LetterNumbers.VerificationUrl(BaseUrl, number),
            Rejection: new RejectionDetails("张明", "33010219800101123" + ResidentIdNumber.CheckCharacter("33010219800101123"),
                "(2026)浙02民初88号", "not_won", "案件结果不属于胜诉", "判决书载明驳回原告全部诉讼请求，申请人未胜诉。"),
            ApplicationNumber: "2026-000124");
    }

    /// <summary>A recovery of a company's 10,000 paid: another level's funding for the same case came to light.</summary>
    public static LetterContent RecoveryNotice(int sequence = 3, string? phone = "0574-87654321", string? undertaking = "2026-1",
        string? applicationNumber = "2026-000123")
    {
        var number = LetterNumbers.Format("县知补", IssuedOn.Year, sequence);
        return new LetterContent(LetterKind.RecoveryNotice, number, IssuedOn, Authority, "宁波明远新材料科技有限公司",
            LetterNumbers.VerificationUrl(BaseUrl, number),
            Recovery: new RecoveryDetails("宁波明远新材料科技有限公司", CompanyCode, "(2026)浙02民初1234号", 10_000.00m, 6_000.50m,
                "同一案件已获其他各级政府同类资助或奖励", "经核对省级知识产权资助名单，该案已于2026年9月获省级维权资助。", undertaking,
                new DateOnly(2026, 12, 23), phone),
            ApplicationNumber: applicationNumber);
    }
}
