namespace SubsidyService.Domain.Policy;

/// <summary>The facts a claim is judged on, already validated (see <see cref="ClaimFactsValidator"/>).</summary>
public sealed record ClaimFacts(
    ApplicantType ApplicantType,
    string Name,
    string IdNumber,
    bool DomicileInCounty,
    string CaseNumber,
    string Court,
    CaseType CaseType,
    Outcome Outcome,
    DateOnly JudgmentEffectiveDate,
    bool ForeignRelated,
    bool MajorImpact,
    decimal AgencyFee,
    IReadOnlyList<Invoice> Invoices,
    IReadOnlyList<OtherFunding> OtherFunding);
