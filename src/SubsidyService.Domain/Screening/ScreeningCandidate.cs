namespace SubsidyService.Domain.Screening;

/// <summary>The claim being screened.</summary>
/// <param name="CaseNumbers">Every case number of the dispute (the effective instance and the related ones).</param>
/// <param name="Invoices">Invoice identities as <see cref="InvoiceNumber.Identity"/> gives them (code and number).</param>
public sealed record ScreeningCandidate(Guid ClaimId, string ApplicantIdNumber, IReadOnlyList<string> CaseNumbers, IReadOnlyList<string> Invoices)
{
    public ScreeningCandidate(Guid claimId, string applicantIdNumber, string caseNumber, IReadOnlyList<string> invoices)
        : this(claimId, applicantIdNumber, [caseNumber], invoices)
    {
    }

    /// <summary>The submitting account.</summary>
    public Guid AccountId { get; init; }

    /// <summary>The patents asserted, canonical.</summary>
    public IReadOnlyList<string> PatentNumbers { get; init; } = [];

    public IReadOnlyList<string> OpposingParties { get; init; } = [];
}
