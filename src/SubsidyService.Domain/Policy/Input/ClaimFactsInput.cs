using System.ComponentModel.DataAnnotations;
namespace SubsidyService.Domain.Policy;

/// <summary>
/// Claim facts exactly as the API received them: strings and nulls, nothing trusted yet. <c>partyRole</c>,
/// <c>relatedCaseNumbers</c>, <c>patentNumbers</c>, <c>opposingParties</c> and <c>foreignCourt</c> came later:
/// absent, they mean a plaintiff, a single-instance case, a dispute not yet identified and a mainland court.
/// </summary>
public sealed record ClaimFactsInput(
    string? ApplicantType,
    [property: MaxLength(ClaimFactsValidator.MaxNameLength)] string? Name,
    [property: MaxLength(18)] string? IdNumber,
    bool? DomicileInCounty,
    [property: MaxLength(ClaimFactsValidator.MaxCaseNumberLength)] string? CaseNumber,
    [property: MaxLength(ClaimFactsValidator.MaxCourtLength)] string? Court,
    string? CaseType,
    string? Outcome,
    string? JudgmentEffectiveDate,
    bool? ForeignRelated,
    bool? MajorImpact,
    [property: MaxLength(SubsidyService.Domain.Money.AmountInput.MaxLength)] string? AgencyFee,
    [property: MaxLength(ClaimFactsValidator.MaxInvoices)] IReadOnlyList<InvoiceInput>? Invoices,
    [property: MaxLength(ClaimFactsValidator.MaxOtherFunding)] IReadOnlyList<OtherFundingInput>? OtherFunding,
    string? PartyRole = null,
    [property: MaxLength(ClaimFactsValidator.MaxRelatedCaseNumbers)] IReadOnlyList<string?>? RelatedCaseNumbers = null,
    [property: MaxLength(ClaimFactsValidator.MaxPatentNumbers)] IReadOnlyList<string?>? PatentNumbers = null,
    [property: MaxLength(ClaimFactsValidator.MaxOpposingParties)] IReadOnlyList<string?>? OpposingParties = null,
    bool? ForeignCourt = null);
