namespace SubsidyService.Domain.Policy;

/// <summary>Claim facts exactly as the API received them: strings and nulls, nothing trusted yet.</summary>
public sealed record ClaimFactsInput(
    string? ApplicantType,
    string? Name,
    string? IdNumber,
    bool? DomicileInCounty,
    string? CaseNumber,
    string? Court,
    string? CaseType,
    string? Outcome,
    string? JudgmentEffectiveDate,
    bool? ForeignRelated,
    bool? MajorImpact,
    string? AgencyFee,
    IReadOnlyList<InvoiceInput>? Invoices,
    IReadOnlyList<OtherFundingInput>? OtherFunding);
