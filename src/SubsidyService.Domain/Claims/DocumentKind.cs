namespace SubsidyService.Domain.Claims;

/// <summary>What a document on a claim is evidence of (API.md's <c>kind</c>, snake_case).</summary>
public enum DocumentKind
{
    /// <summary>The judgment (or ruling) the claim rests on.</summary>
    Judgment,

    /// <summary>The contract with the agency whose fee is subsidised.</summary>
    AgencyContract,

    /// <summary>The agency fee's invoices.</summary>
    Invoice,

    /// <summary>Proof that the fee was paid (a bank slip): an invoice alone does not show money left the applicant.</summary>
    PaymentProof,

    /// <summary>The applicant's identity: ID card or business licence.</summary>
    IdProof,

    /// <summary>A certificate that the judgment took effect (生效证明); optional by default.</summary>
    EffectProof,

    Other,
}
