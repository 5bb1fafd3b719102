namespace SubsidyService.Domain.Policy;

/// <summary>Why a claim is ineligible. Serialised as snake_case codes and used as rejection reason codes.</summary>
public enum ReasonCode
{
    NotDomiciled,
    NotWon,
    CaseTypeNotCovered,
    NoInvoice,
    DuplicateFunding,
    OutsideApplicationWindow,
    NotRightsHolder,
    NoPolicyInForce,
    ApplicantTypeNotCovered,
}
