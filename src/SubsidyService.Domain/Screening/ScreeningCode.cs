namespace SubsidyService.Domain.Screening;

public enum ScreeningCode
{
    DuplicateClaim,
    InvoiceReused,
    SharedCase,
    ExternalFundingMatch,
    IdentityConflict,
    SameDispute,
    DomicileUnverified,
}
