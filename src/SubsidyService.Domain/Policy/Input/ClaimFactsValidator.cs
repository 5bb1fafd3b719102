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
        var domicile = e.Flag("domicileInCounty", "是否户籍地或注册地在本县", input.DomicileInCounty);
        var foreignCourt = ForeignCourt(e, input.ForeignCourt, input.ForeignRelated);
        var caseNumber = CaseNumberOf(e, "caseNumber", "案号", input.CaseNumber, foreignCourt, stored);
        var court = e.Text("court", "审理法院", input.Court, MaxCourtLength);
        var caseType = e.Enum<CaseType>("caseType", "案件类型", input.CaseType);
        var outcome = e.Enum<Outcome>("outcome", "案件结果", input.Outcome);
        var judgmentDate = e.Date("judgmentEffectiveDate", "判决生效日期", input.JudgmentEffectiveDate, today);
        var agencyFee = e.Money("agencyFee", "维权代理费", input.AgencyFee);
        var invoices = Invoices(e, input.Invoices ?? [], today, stored, input.ForeignRelated ?? false);
        var otherFunding = OtherFunding(e, input.OtherFunding ?? []);
        var partyRole = input.PartyRole is null ? PartyRole.Plaintiff : e.Enum<PartyRole>("partyRole", "当事人地位", input.PartyRole);
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

    /// <summary>A judgment of a court outside mainland China; only a foreign-related case has one.</summary>
    private static bool ForeignCourt(FieldErrors e, bool? foreignCourt, bool? foreignRelated)
    {
        if (foreignCourt != true)
            return false;
        if (foreignRelated != true)
            e.Add("foreignCourt", "境外法院的判决只能在涉外案件中申报：请同时勾选“涉外案件”");
        return true;
    }

    /// <summary>
    /// A mainland number must parse (year, court, case type, serial), or it could not be compared with the same
    /// case typed another way; a foreign court's is free-form. Stored numbers loaded before this rule still load.
    /// </summary>
    private static string? CaseNumberOf(FieldErrors e, string key, string label, string? raw, bool foreignCourt, bool stored)
    {
        var number = e.Text(key, label, raw, MaxCaseNumberLength);
        if (number is null || foreignCourt || stored || CaseNumber.IsMainland(number))
            return number;
        e.Add(key, $"{label}“{number}”无法识别：应为“（年份）法院代字 案件类型代字 序号 号”，如（2025）浙02民初7781号");
        return null;
    }

    /// <summary>Each patent's check character is verified, so that a typo cannot hide the same dispute.</summary>
    private static List<string> PatentNumbers(FieldErrors e, IReadOnlyList<string?> inputs)
    {
        var result = new List<string>();
        if (inputs.Count > MaxPatentNumbers)
        {
            e.Add("patentNumbers", $"专利号不能超过 {MaxPatentNumbers} 个");
            return result;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var key = $"patentNumbers[{i}]";
            var text = e.Text(key, "专利号", inputs[i], 32);
            if (text is null)
                continue;
            if (PatentNumber.Canonical(text) is not { } canonical)
                e.Add(key, $"专利号“{text}”无效：应为 8 或 12 位数字加校验位（如 ZL202010123456.2），且校验位须正确");
            else if (result.Contains(canonical))
                e.Add(key, "专利号重复");
            else
                result.Add(canonical);
        }

        return result;
    }

    private static List<string> OpposingParties(FieldErrors e, IReadOnlyList<string?> inputs)
    {
        var result = new List<string>();
        if (inputs.Count > MaxOpposingParties)
        {
            e.Add("opposingParties", $"对方当事人不能超过 {MaxOpposingParties} 个");
            return result;
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            if (e.Text($"opposingParties[{i}]", "对方当事人名称", inputs[i], MaxNameLength) is { } name)
                result.Add(name);
        }

        return result;
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

    private static List<Invoice> Invoices(FieldErrors e, IReadOnlyList<InvoiceInput> inputs, DateOnly today, bool stored, bool foreignRelated)
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

            if (IsForeign(input.Currency))
            {
                if (ForeignInvoice(e, key, input, today, foreignRelated) is { } foreign && Add(foreign, i))
                    result.Add(foreign);
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
            if (Add(invoice, i))
                result.Add(invoice);
        }

        return result;

        bool Add(Invoice invoice, int i)
        {
            if (seen.TryGetValue(invoice.Identity, out var first))
            {
                // The same invoice twice would count its amount twice in the fee base.
                if (!stored)
                    e.Add($"invoices[{i}].number", $"与第 {first + 1} 张发票（{Describe(invoice)}）重复，同一张发票只能填写一次");
                return false;
            }

            seen[invoice.Identity] = i;
            return true;
        }
    }

    private static bool IsForeign(string? currency) =>
        !string.IsNullOrWhiteSpace(currency) && !string.Equals(currency.Trim(), "CNY", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An invoice of a foreign lawyer: numbered as its issuer pleases, in its own currency, with the yuan actually
    /// paid as <c>amount</c> (the fee base is in yuan). Only a foreign-related case has one.
    /// </summary>
    private static Invoice? ForeignInvoice(FieldErrors e, string key, InvoiceInput input, DateOnly today, bool foreignRelated)
    {
        var currency = input.Currency!.Trim().ToUpperInvariant();
        var currencyOk = currency.Length == 3 && currency.All(char.IsAsciiLetterUpper);
        if (!currencyOk)
            e.Add($"{key}.currency", "币种须为 3 位字母的 ISO 4217 代码，如 USD、EUR");
        else if (!foreignRelated)
        {
            e.Add($"{key}.currency", "外币发票只能在涉外案件中申报：请同时勾选“涉外案件”");
            currencyOk = false;
        }

        var number = e.Text($"{key}.number", "发票号码", input.Number, MaxInvoiceNumberLength);
        if (number is not null && !number.Any(char.IsLetterOrDigit))
        {
            e.Add($"{key}.number", "发票号码须含字母或数字");
            number = null;
        }
        if (!string.IsNullOrWhiteSpace(input.Code))
            e.Add($"{key}.code", "外币发票没有发票代码");
        var amount = e.Money($"{key}.amount", "发票金额（折合人民币实际支付）", input.Amount);
        var foreignAmount = e.Money($"{key}.foreignAmount", "外币金额", input.ForeignAmount);
        var issuedOn = e.Date($"{key}.issuedOn", "开票日期", input.IssuedOn, today, required: false);
        return currencyOk && number is not null && amount is not null && foreignAmount is not null && string.IsNullOrWhiteSpace(input.Code)
            ? new Invoice(number, amount.Value, issuedOn, null, currency, foreignAmount.Value)
            : null;
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
        invoice.Currency is not null ? $"{invoice.Currency} 号码 {invoice.Number}" : invoice.Code is null ? $"号码 {invoice.Number}" : $"代码 {invoice.Code}、号码 {invoice.Number}";

    /// <summary>The other instances of the dispute; each must differ from the effective case number and from each other.</summary>
    private static List<string> RelatedCaseNumbers(FieldErrors e, string? caseNumber, IReadOnlyList<string?> inputs, bool foreignCourt, bool stored)
    {
        var result = new List<string>();
        if (inputs.Count > MaxRelatedCaseNumbers)
        {
            e.Add("relatedCaseNumbers", $"关联案号不能超过 {MaxRelatedCaseNumbers} 个");
            return result;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (caseNumber is not null)
            seen.Add(CaseNumber.Canonical(caseNumber, foreignCourt));
        for (var i = 0; i < inputs.Count; i++)
        {
            var key = $"relatedCaseNumbers[{i}]";
            // The other instances may have been heard at home although the effective judgment is foreign.
            var number = e.Text(key, "关联案号", inputs[i], MaxCaseNumberLength);
            if (number is null)
                continue;
            if (!foreignCourt && !stored && !CaseNumber.IsMainland(number))
            {
                e.Add(key, $"关联案号“{number}”无法识别：应为“（年份）法院代字 案件类型代字 序号 号”，如（2025）浙民终112号");
                continue;
            }
            if (!seen.Add(CaseNumber.Canonical(number, foreignCourt)))
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
            var purpose = input.Purpose is null ? FundingPurpose.LitigationFee : e.Enum<FundingPurpose>($"{key}.purpose", "资助用途", input.Purpose);
            if (source is not null && level is not null && amount is not null && purpose is not null)
                result.Add(new OtherFunding(source, level, amount.Value, reference, purpose.Value));
        }

        return result;
    }
}
