namespace SubsidyService.Domain.Policy;

/// <summary>
/// The claimant's side in the case. Item 13 pays the 维权请求人, the party who asserted the right (the
/// plaintiff, or the requester of an administrative ruling); a defendant who won is not one.
/// Serialised as snake_case codes (plaintiff, defendant).
/// </summary>
public enum PartyRole
{
    Plaintiff,
    Defendant,
}
