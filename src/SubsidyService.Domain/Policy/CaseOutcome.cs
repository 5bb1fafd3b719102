namespace SubsidyService.Domain.Policy;

/// <summary>How the case ended. Settled is a mediated or agreed end, not a judgment win.</summary>
public enum CaseOutcome
{
    Won,
    PartiallyWon,
    Lost,
    Settled,
    Withdrawn,
}
