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
    IReadOnlyList<OtherFunding> OtherFunding,
    PartyRole PartyRole = PartyRole.Plaintiff,
    IReadOnlyList<string>? RelatedCaseNumbers = null)
{
    /// <summary>The other instances' case numbers of the same dispute (一审, 二审, 再审), as given.</summary>
    public IReadOnlyList<string> RelatedCaseNumbers { get; init; } = RelatedCaseNumbers ?? [];

    /// <summary>Every case number of the dispute in canonical form, the effective one first; screening compares them all.</summary>
    public IReadOnlyList<string> CanonicalCaseNumbers =>
        new[] { CaseNumber }.Concat(this.RelatedCaseNumbers).Select(Screening.CaseNumber.Canonical).Distinct(StringComparer.Ordinal).ToList();
}
