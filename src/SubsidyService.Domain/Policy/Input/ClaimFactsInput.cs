namespace SubsidyService.Domain.Policy;

/// <summary>
/// Claim facts exactly as the API received them: strings and nulls, nothing trusted yet. <c>partyRole</c>,
/// <c>relatedCaseNumbers</c>, <c>patentNumbers</c>, <c>opposingParties</c> and <c>foreignCourt</c> came later:
/// absent, they mean a plaintiff, a single-instance case, a dispute not yet identified and a mainland court.
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
    IReadOnlyList<string?>? RelatedCaseNumbers = null,
    IReadOnlyList<string?>? PatentNumbers = null,
    IReadOnlyList<string?>? OpposingParties = null,
    bool? ForeignCourt = null);
