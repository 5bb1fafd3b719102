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
    CaseOutcome Outcome,
    DateOnly JudgmentEffectiveDate,
    bool ForeignRelated,
    bool MajorImpact,
    decimal AgencyFee,
    IReadOnlyList<Invoice> Invoices,
    IReadOnlyList<OtherFunding> OtherFunding,
    PartyRole PartyRole = PartyRole.Plaintiff,
    IReadOnlyList<string>? RelatedCaseNumbers = null,
    IReadOnlyList<string>? PatentNumbers = null,
    IReadOnlyList<string>? OpposingParties = null,
    bool ForeignCourt = false)
{
    /// <summary>The other instances' case numbers of the same dispute (一审, 二审, 再审), as given.</summary>
    public IReadOnlyList<string> RelatedCaseNumbers { get; init; } = RelatedCaseNumbers ?? [];

    /// <summary>The patents asserted, canonical (<see cref="Screening.PatentNumber"/>): with an opponent, what identifies the dispute.</summary>
    public IReadOnlyList<string> PatentNumbers { get; init; } = PatentNumbers ?? [];

    /// <summary>The defendants or respondents, as given.</summary>
    public IReadOnlyList<string> OpposingParties { get; init; } = OpposingParties ?? [];

    /// <summary>Every case number of the dispute in canonical form, the effective one first; screening compares them all.</summary>
    public IReadOnlyList<string> CanonicalCaseNumbers =>
        new[] { CaseNumber }.Concat(this.RelatedCaseNumbers).Select(n => Screening.CaseNumber.Canonical(n, ForeignCourt))
            .Distinct(StringComparer.Ordinal).ToList();
}
