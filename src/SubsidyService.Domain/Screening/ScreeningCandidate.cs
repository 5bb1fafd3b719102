namespace SubsidyService.Domain.Screening;

/// <summary>The claim being screened.</summary>
public sealed record ScreeningCandidate(Guid ClaimId, string ApplicantIdNumber, string CanonicalCaseNumber, IReadOnlyList<string> InvoiceDigits);
