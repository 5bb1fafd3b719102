namespace SubsidyService.Domain.Claims;

/// <summary>Who acts. System is the scheduler; Auditor and Admin read and administer but fire no trigger.</summary>
public enum Role
{
    Applicant,
    Verifier,
    Finance,
    Auditor,
    Admin,
    System,
}
