namespace SubsidyService.Domain.Screening;

/// <summary>Another live claim (submitted, not rejected or withdrawn) to screen against, with every case number of its dispute.</summary>
public sealed record LiveClaimRow(Guid ClaimId, string ApplicantIdNumber, IReadOnlyList<string> CaseNumbers, IReadOnlyList<string> Invoices)
{
    public LiveClaimRow(Guid claimId, string applicantIdNumber, string caseNumber, IReadOnlyList<string> invoices)
        : this(claimId, applicantIdNumber, [caseNumber], invoices)
    {
    }

    /// <summary>The account that submitted it: only one's own earlier claim refuses a submission.</summary>
    public Guid AccountId { get; init; }

    /// <summary>The patents asserted, canonical.</summary>
    public IReadOnlyList<string> PatentNumbers { get; init; } = [];

    public IReadOnlyList<string> OpposingParties { get; init; } = [];
}
