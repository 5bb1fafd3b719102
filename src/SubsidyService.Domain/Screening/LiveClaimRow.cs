namespace SubsidyService.Domain.Screening;

/// <summary>Another live claim (not rejected or withdrawn) to screen against.</summary>
public sealed record LiveClaimRow(Guid ClaimId, string ApplicantIdNumber, string CanonicalCaseNumber, IReadOnlyList<string> InvoiceDigits);
