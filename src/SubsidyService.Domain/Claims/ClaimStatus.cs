namespace SubsidyService.Domain.Claims;

/// <summary>Where a claim stands. Serialised as snake_case codes (under_review), so member names are part of the API.</summary>
public enum ClaimStatus
{
    Draft,
    Submitted,
    UnderReview,
    SupplementRequested,
    Verified,
    InPublicNotice,
    ReadyForPayout,
    InPayout,
    Paid,
    PayoutFailed,
    Rejected,
    Withdrawn,
}
