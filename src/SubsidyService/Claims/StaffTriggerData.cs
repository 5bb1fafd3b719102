using System.ComponentModel.DataAnnotations;
using SubsidyService.Domain.Kernel;
using SubsidyService.Domain.Money;
using SubsidyService.Domain.Payments;
using SubsidyService.Domain.Policy;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary><c>data</c> of <c>submit</c>: <c>{undertakingAccepted}</c>, the applicant's acceptance of the undertaking (承诺书).</summary>
public sealed record SubmitData(bool? UndertakingAccepted) : TriggerData
{
    internal static SubmitData Read(JsonFields f) => new(f.Bool("undertakingAccepted"));
}

/// <summary>
/// <c>data</c> of <c>verify</c>: <c>{majorImpact?, foreignRelated?, designationBasis?, feeBase?}</c>. The higher tier
/// is the bureau's designation, never the applicant's declaration: an absent designation is false, and a
/// designation needs its basis in words. The fee base may only be lowered.
/// </summary>
public sealed record VerifyData(bool? MajorImpact, bool? ForeignRelated, string? FeeBase, [property: MaxLength(VerifyData.MaxBasisLength)] string? DesignationBasis = null) : TriggerData
{
    public const string FeeBaseShape = "核定费用基数须为金额字符串，如 \"8000.00\"。";
    public const int MaxBasisLength = 500;

    internal static VerifyData Read(JsonFields f) =>
        new(f.Bool("majorImpact"), f.Bool("foreignRelated"), f.Text("feeBase", FeeBaseShape), f.Text("designationBasis"));

    /// <summary>What verifying with these settings settles for this claim's facts; a fee base above the declared one is refused.</summary>
    public Outcome<Verification> ToVerification(ClaimFacts facts)
    {
        var errors = new Dictionary<string, string[]>();
        decimal? feeBaseLimit = null;
        if (FeeBase is not null)
        {
            var declared = Math.Min(facts.AgencyFee, facts.Invoices.Sum(i => i.Amount));
            if (!AmountInput.TryParse(FeeBase, out var value, out var error))
                errors["data.feeBase"] = [$"核定费用基数：{error}。"];
            else if (value.Value > declared)
                errors["data.feeBase"] = [$"核定费用基数只能调低，不能超过申报的 {Invariant.Money(declared)} 元。"];
            else
                feeBaseLimit = value.Value;
        }
        var designated = MajorImpact == true || ForeignRelated == true;
        var basis = string.IsNullOrWhiteSpace(DesignationBasis) ? null : DesignationBasis.Trim();
        if (designated && basis is null)
            errors["data.designationBasis"] = ["认定为重大影响或涉外案件须写明认定依据，如“一方当事人为境外企业”“入选省高院年度典型案例”。"];
        else if (basis?.Length > MaxBasisLength)
            errors["data.designationBasis"] = [$"认定依据不能超过 {MaxBasisLength} 个字符。"];
        if (errors.Count > 0) return Refusal.Validation(errors);
        return new Verification(MajorImpact ?? false, ForeignRelated ?? false, feeBaseLimit, designated ? basis : null);
    }
}

/// <summary><c>data</c> of <c>request_supplement</c>: <c>{defects?}</c>, the checklist items the applicant is to put right.</summary>
public sealed record SupplementRequestData([property: MaxLength(SupplementDefects.MaxItems)] IReadOnlyList<string> Defects) : TriggerData
{
    public static readonly string Shape =
        $"补正事项须为不超过 {SupplementDefects.MaxItems} 项的文本列表，每项 1 至 {SupplementDefects.MaxItemLength} 个字符。";

    internal static SupplementRequestData Read(JsonFields f) => new(f.Texts("defects", Shape) ?? []);

    public Outcome<IReadOnlyList<string>> Checked() =>
        Defects.Count > SupplementDefects.MaxItems || Defects.Any(d => d.Trim().Length is 0 or > SupplementDefects.MaxItemLength)
            ? Refusal.Validation("data.defects", Shape)
            : Defects.Select(d => d.Trim()).ToList();
}

/// <summary><c>data</c> of <c>resolve_screening</c>: <c>{code, decision: confirm|dismiss}</c>.</summary>
public sealed record ScreeningResolutionData(string? Code, string? Decision) : TriggerData
{
    internal static ScreeningResolutionData Read(JsonFields f) => new(f.Text("code"), f.Text("decision"));
}

/// <summary><c>data</c> of <c>correct_bank_account</c>: the payee account that replaces the one a payment failed on.</summary>
public sealed record BankAccountCorrectionData(string? BankName, string? AccountName, string? AccountNumber) : TriggerData
{
    internal static BankAccountCorrectionData Read(JsonFields f) => new(f.Text("bankName"), f.Text("accountName"), f.Text("accountNumber"));

    public BankAccountInput ToInput() => new(BankName, AccountName, AccountNumber);
}

/// <summary>
/// <c>data</c> of <c>add_dispute_details</c>: <c>{patentNumbers, opposingParties}</c>, what a claim stored before these
/// fields existed lacks; checked as on a claim (<see cref="Domain.Policy.ClaimFactsValidator.Dispute"/>).
/// </summary>
public sealed record DisputeDetailsData(IReadOnlyList<string>? PatentNumbers, IReadOnlyList<string>? OpposingParties) : TriggerData
{
    public const string Shape = "须为文本列表。";

    internal static DisputeDetailsData Read(JsonFields f) => new(f.Texts("patentNumbers", Shape), f.Texts("opposingParties", Shape));
}

/// <summary>
/// <c>data</c> of <c>settle_recovery</c>: which recovery, and how finance settled it
/// (<c>{recoveryId, method, amount?, reference?, note}</c>); the Recoveries feature checks its values.
/// </summary>
public sealed record SettleRecoveryData(Guid? RecoveryId, string? Method, string? Amount, string? Reference, string? Note) : TriggerData
{
    public const string AmountShape = "金额须为大于 0、不超过两位小数的数，如 \"4000.00\"。";

    internal static SettleRecoveryData Read(JsonFields f) =>
        new(f.Id("recoveryId"), f.Text("method"), f.TextOrNumber("amount", AmountShape), f.Text("reference"), f.Text("note"));
}
