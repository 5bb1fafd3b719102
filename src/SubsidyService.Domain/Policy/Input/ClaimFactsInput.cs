namespace SubsidyService.Domain.Policy;

/// <summary>
/// Claim facts exactly as the API received them: strings and nulls, nothing trusted yet. <c>partyRole</c>
/// and <c>relatedCaseNumbers</c> came later: absent, they mean a plaintiff and a single-instance case.
/// </summary>
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
    IReadOnlyList<OtherFundingInput>? OtherFunding,
    string? PartyRole = null,
    IReadOnlyList<string?>? RelatedCaseNumbers = null);
