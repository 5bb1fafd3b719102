using SubsidyService.Domain.Identity;
using SubsidyService.Domain.Screening;

namespace SubsidyService.Domain.Policy;

/// <summary>
/// Turns raw API input into <see cref="ClaimFacts"/> or names every bad field (POLICY.md "Input that is
/// refused outright"). Pure: today is passed in, for the judgment date and the ID number's birth date.
/// </summary>
public static class ClaimFactsValidator
{
    public const int MaxNameLength = 100;
    public const int MaxCourtLength = 200;
    public const int MaxCaseNumberLength = 64;
    public const int MaxInvoices = 50;
    public const int MaxOtherFunding = 20;
    public const int MaxFundingTextLength = 200;
    public const int MaxRelatedCaseNumbers = 10;

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
        var domicile = e.Flag("domicileInCounty", "是否户籍地或注册地在本县", input.DomicileInCounty);
        var caseNumber = e.Text("caseNumber", "案号", input.CaseNumber, MaxCaseNumberLength);
        var court = e.Text("court", "审理法院", input.Court, MaxCourtLength);
        var caseType = e.Enum<CaseType>("caseType", "案件类型", input.CaseType);
        var outcome = e.Enum<Outcome>("outcome", "案件结果", input.Outcome);
        var judgmentDate = e.Date("judgmentEffectiveDate", "判决生效日期", input.JudgmentEffectiveDate, today);
        var agencyFee = e.Money("agencyFee", "维权代理费", input.AgencyFee);
        var invoices = Invoices(e, input.Invoices ?? [], today, stored);
        var otherFunding = OtherFunding(e, input.OtherFunding ?? []);
        var partyRole = input.PartyRole is null ? PartyRole.Plaintiff : e.Enum<PartyRole>("partyRole", "当事人地位", input.PartyRole);
        var related = RelatedCaseNumbers(e, caseNumber, input.RelatedCaseNumbers ?? []);

        if (e.Count > 0)
            return new ValidationResult<ClaimFacts>(null, e.ToDictionary());

        var facts = new ClaimFacts(
            applicantType!.Value, name!, idNumber!, domicile!.Value, caseNumber!, court!, caseType!.Value, outcome!.Value,
            judgmentDate!.Value, input.ForeignRelated ?? false, input.MajorImpact ?? false, agencyFee!.Value, invoices, otherFunding,
            partyRole!.Value, related);
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
            e.Add("idNumber", "居民身份证号码无效：须为 18 位且通过 GB 11643 校验，出生日期须真实有效");
            return null;
        }

        if (type != ApplicantType.NaturalPerson && !UnifiedSocialCreditCode.IsValid(id))
        {
            e.Add("idNumber", "统一社会信用代码无效：须为 18 位且通过 GB 32100 校验");
            return null;
        }

        return id;
    }

    private static List<Invoice> Invoices(FieldErrors e, IReadOnlyList<InvoiceInput> inputs, DateOnly today, bool stored)
    {
        var result = new List<Invoice>();
        if (inputs.Count > MaxInvoices)
        {
            e.Add("invoices", $"发票不能超过 {MaxInvoices} 张");
            return result;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var key = $"invoices[{i}]";
            var input = inputs[i];
            if (input is null)
            {
                e.Add(key, "发票不能为空");
                continue;
            }

            string? number = null;
            if (input.Number is null || !InvoiceNumber.IsValid(input.Number))
                e.Add($"{key}.number", $"发票号码须为 {InvoiceNumber.MinDigits} 至 {InvoiceNumber.MaxDigits} 位数字");
            else
                number = InvoiceNumber.Digits(input.Number);

            var code = InvoiceCode(e, key, number, input.Code, stored, out var codeOk);
            var amount = e.Money($"{key}.amount", "发票金额", input.Amount);
            var issuedOn = e.Date($"{key}.issuedOn", "开票日期", input.IssuedOn, today, required: false);
            if (number is null || amount is null || !codeOk)
                continue;

            var invoice = new Invoice(number, amount.Value, issuedOn, code);
            if (seen.TryGetValue(invoice.Identity, out var first))
            {
                // The same invoice twice would count its amount twice in the fee base.
                if (!stored)
                    e.Add($"{key}.number", $"与第 {first + 1} 张发票（{Describe(invoice)}）重复，同一张发票只能填写一次");
                continue;
            }

            seen[invoice.Identity] = i;
            result.Add(invoice);
        }

        return result;
    }

    /// <summary>
    /// An 8-digit number is an older invoice's and needs its 10- or 12-digit code; any other number is
    /// complete by itself and takes no code, so that a made-up code cannot make a used invoice look new.
    /// </summary>
    private static string? InvoiceCode(FieldErrors e, string key, string? number, string? raw, bool stored, out bool ok)
    {
        ok = true;
        var text = string.IsNullOrWhiteSpace(raw) ? null : raw;
        if (text is not null && !InvoiceNumber.IsValidCode(text))
        {
            e.Add($"{key}.code", "发票代码须为 10 或 12 位数字");
            ok = false;
            return null;
        }

        if (number is null)
            return text is null ? null : InvoiceNumber.Digits(text);

        if (InvoiceNumber.NeedsCode(number))
        {
            if (text is not null || stored)
                return text is null ? null : InvoiceNumber.Digits(text);
            e.Add($"{key}.code", "8 位发票号码的增值税发票须同时填写 10 或 12 位发票代码");
            ok = false;
            return null;
        }

        if (text is null)
            return null;
        e.Add($"{key}.code", "只有 8 位号码的发票填写发票代码；全电发票（20 位号码）没有发票代码");
        ok = false;
        return null;
    }

    private static string Describe(Invoice invoice) =>
        invoice.Code is null ? $"号码 {invoice.Number}" : $"代码 {invoice.Code}、号码 {invoice.Number}";

    /// <summary>The other instances of the dispute; each must differ from the effective case number and from each other.</summary>
    private static List<string> RelatedCaseNumbers(FieldErrors e, string? caseNumber, IReadOnlyList<string?> inputs)
    {
        var result = new List<string>();
        if (inputs.Count > MaxRelatedCaseNumbers)
        {
            e.Add("relatedCaseNumbers", $"关联案号不能超过 {MaxRelatedCaseNumbers} 个");
            return result;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (caseNumber is not null)
            seen.Add(CaseNumber.Canonical(caseNumber));
        for (var i = 0; i < inputs.Count; i++)
        {
            var key = $"relatedCaseNumbers[{i}]";
            var number = e.Text(key, "关联案号", inputs[i], MaxCaseNumberLength);
            if (number is null)
                continue;
            if (!seen.Add(CaseNumber.Canonical(number)))
            {
                e.Add(key, "关联案号与本案案号或另一关联案号相同");
                continue;
            }

            result.Add(number);
        }

        return result;
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
            if (source is not null && level is not null && amount is not null)
                result.Add(new OtherFunding(source, level, amount.Value, reference));
        }

        return result;
    }
}
