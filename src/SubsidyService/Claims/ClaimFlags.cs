namespace SubsidyService.Claims;

/// <summary>A row of <c>screening_flags</c>.</summary>
public sealed class FlagRow
{
    public Guid Id { get; init; }
    public Guid ClaimId { get; init; }
    public string Code { get; init; } = "";
    public string Detail { get; init; } = "";
    public Guid? MatchedClaimId { get; init; }
    public Guid? MatchedRegisterRowId { get; init; }
    public DateTime RaisedAt { get; init; }
    public string? Resolution { get; init; }
    public Guid? ResolvedBy { get; init; }
    public DateTime? ResolvedAt { get; init; }
    public string? ResolutionReason { get; init; }

    public bool IsUnresolved => Resolution is null;
}

public static class FlagCodes
{
    public const string SharedCase = "shared_case";
    public const string ExternalFundingMatch = "external_funding_match";
    public const string IdentityConflict = "identity_conflict";
    public const string SameDispute = "same_dispute";
    public const string DomicileUnverified = "domicile_unverified";

    /// <summary>The applicant gave a new account after a failed payment: a verifier confirms it before the payment is retried.</summary>
    public const string BankAccountChanged = "bank_account_changed";
}
