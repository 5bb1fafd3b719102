using SubsidyService.Domain.Identity;
using SubsidyService.Domain.Screening;

namespace SubsidyService.Domain.Policy;

/// <summary>
/// Turns raw API input into <see cref="ClaimFacts"/> or names every bad field (POLICY.md "Input that is
/// refused outright"). Pure: today is passed in, for the judgment date and the ID number's birth date.
/// </summary>
public static partial class ClaimFactsValidator
{
    public const int MaxNameLength = 100;
    public const int MaxCourtLength = 200;
    public const int MaxCaseNumberLength = 64;
    public const int MaxInvoices = 50;
    public const int MaxOtherFunding = 20;
    public const int MaxFundingTextLength = 200;
    public const int MaxRelatedCaseNumbers = 10;
    public const int MaxPatentNumbers = 10;
    public const int MaxOpposingParties = 10;
    public const int MaxInvoiceNumberLength = 64;

    /// <param name="stored">
    /// True for facts read back from the database: they were valid when written, under rules that may
    /// since have grown stricter (an 8-digit invoice without its code, one invoice listed twice), and
    /// must still load. Such an invoice keeps no code; a repeated one is dropped, never counted twice.
    /// </param>
    public static ValidationResult<ClaimFacts> Validate(ClaimFactsInput input, DateOnly today, bool stored = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        var e = new FieldErrors();

        var applicantType = e.Enum<ApplicantType>("applicantType", "申请人类型", input.ApplicantType);
        var name = e.Text("name", "申请人名称", input.Name, MaxNameLength);
        var idNumber = IdNumber(e, applicantType, input.IdNumber, today);
        var domicile = e.Flag("domicileInCounty", "户籍地或注册地在本县", input.DomicileInCounty);
        var foreignCourt = ForeignCourt(e, input.ForeignCourt, input.ForeignRelated);
        var caseNumber = CaseNumberOf(e, "caseNumber", "案号", input.CaseNumber, foreignCourt, stored);
        var court = e.Text("court", "审理法院", input.Court, MaxCourtLength);
        var caseType = e.Enum<CaseType>("caseType", "案件类型", input.CaseType);
        var outcome = e.Enum<CaseOutcome>("outcome", "案件结果", input.Outcome);
        var judgmentDate = e.Date("judgmentEffectiveDate", "判决生效日期", input.JudgmentEffectiveDate, today);
        var agencyFee = e.Money("agencyFee", "维权代理费", input.AgencyFee);
        var invoices = Invoices(e, input.Invoices ?? [], today, stored, input.ForeignRelated ?? false);
        var otherFunding = OtherFunding(e, input.OtherFunding ?? []);
        var partyRole = input.PartyRole is null ? PartyRole.Plaintiff : e.Enum<PartyRole>("partyRole", "申请人在本案中的地位", input.PartyRole);
        var related = RelatedCaseNumbers(e, caseNumber, input.RelatedCaseNumbers ?? [], foreignCourt, stored);
        var patents = PatentNumbers(e, input.PatentNumbers ?? []);
        var opponents = OpposingParties(e, input.OpposingParties ?? []);
        CheckCategory(e, applicantType, idNumber);

        if (e.Count > 0)
            return new ValidationResult<ClaimFacts>(null, e.ToDictionary());

        var facts = new ClaimFacts(
            applicantType!.Value, name!, idNumber!, domicile!.Value, caseNumber!, court!, caseType!.Value, outcome!.Value,
            judgmentDate!.Value, input.ForeignRelated ?? false, input.MajorImpact ?? false, agencyFee!.Value, invoices, otherFunding,
            partyRole!.Value, related, patents, opponents, foreignCourt);
        return new ValidationResult<ClaimFacts>(facts, e.ToDictionary());
    }

    /// <summary>Which standard applies depends on the applicant type; without a valid type it cannot be checked.</summary>
    private static string? IdNumber(FieldErrors e, ApplicantType? type, string? raw, DateOnly today)
    {
        var id = e.Text("idNumber", "证件号码", raw, 18)?.ToUpperInvariant();
        if (id is null || type is null)
            return id;

        if (type == ApplicantType.NaturalPerson && !ResidentIdNumber.IsValid(id, today))
        {
            e.Add("idNumber", "居民身份证号码不正确：请核对 18 位号码（最后一位可能是 X），其中的出生日期须真实");
            return null;
        }

        if (type != ApplicantType.NaturalPerson && !UnifiedSocialCreditCode.IsValid(id))
        {
            e.Add("idNumber", "统一社会信用代码不正确：请按营业执照或登记证书核对 18 位代码");
            return null;
        }

        return id;
    }

    /// <summary>
    /// What a credit code says the registrant is must agree with the declared type, since the type decides the
    /// cap: a sole trader (92) is no legal person and applies with the operator's own ID number. A category that
    /// is neither enterprise nor institution passes here and is answered by the evaluation (applicant_type_not_covered).
    /// </summary>
    private static void CheckCategory(FieldErrors e, ApplicantType? type, string? idNumber)
    {
        if (type is null or ApplicantType.NaturalPerson || idNumber is null)
            return;
        switch (Registrant.CategoryOf(idNumber))
        {
            case RegistrantCategory.SoleTrader:
                e.Add("idNumber", "该统一社会信用代码属于个体工商户（92 开头），个体工商户不是法人：请由经营者本人以自然人身份、用本人居民身份证号码申请");
                break;
            case RegistrantCategory.Enterprise when type == ApplicantType.Institution:
                e.Add("applicantType", "统一社会信用代码（91 开头）表明申请人为企业，申请人类型应选择“企业”");
                break;
            case RegistrantCategory.Institution when type == ApplicantType.Enterprise:
                e.Add("applicantType", "统一社会信用代码（12 开头）表明申请人为事业单位，申请人类型应选择“事业单位”");
                break;
        }
    }

    /// <summary>
    /// On a claim (not an estimate) a patent case names its dispute: the patents and the opponents are what
    /// tell a second instance of one dispute from another dispute, since instances carry unrelated case numbers.
    /// </summary>
    public static IReadOnlyDictionary<string, string[]> ClaimRequirements(ClaimFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var e = new FieldErrors();
        if (facts.CaseType == CaseType.PatentInfringement)
        {
            if (facts.PatentNumbers.Count == 0)
                e.Add("patentNumbers", "专利侵权案件须填写涉案专利号（至少 1 个）：同一纠纷的一审、二审案号各不相同，补助按纠纷只发放一次，以专利号和对方当事人识别同一纠纷");
            if (facts.OpposingParties.Count == 0)
                e.Add("opposingParties", "专利侵权案件须填写对方当事人（被告或被请求人，至少 1 个），用于识别同一纠纷");
        }
        return e.ToDictionary();
    }

    private static List<OtherFunding> OtherFunding(FieldErrors e, IReadOnlyList<OtherFundingInput> inputs)
    {
        var result = new List<OtherFunding>();
        if (inputs.Count > MaxOtherFunding)
        {
            e.Add("otherFunding", $"其他资助不能超过 {MaxOtherFunding} 项");
            return result;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var key = $"otherFunding[{i}]";
            var input = inputs[i];
            if (input is null)
            {
                e.Add(key, "其他资助不能为空");
                continue;
            }

            var source = e.Text($"{key}.source", "资助来源", input.Source, MaxFundingTextLength);
            var level = e.Text($"{key}.level", "资助层级", input.Level, MaxFundingTextLength);
            var amount = e.Money($"{key}.amount", "资助金额", input.Amount, allowZero: true);
            var reference = e.Text($"{key}.reference", "资助文号", input.Reference, MaxFundingTextLength, required: false);
            var purpose = input.Purpose is null ? FundingPurpose.LitigationFee : e.Enum<FundingPurpose>($"{key}.purpose", "资助用途", input.Purpose);
            if (source is not null && level is not null && amount is not null && purpose is not null)
                result.Add(new OtherFunding(source, level, amount.Value, reference, purpose.Value));
        }

        return result;
    }
}
