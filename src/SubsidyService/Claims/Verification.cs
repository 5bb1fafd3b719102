namespace SubsidyService.Claims;

/// <summary>
/// What the verifier settled on verification: the bureau's designation of major impact and foreign
/// relation with its basis in words, and a fee base lowered where the evidence supports less than was declared.
/// </summary>
public sealed record Verification(bool MajorImpact, bool ForeignRelated, decimal? FeeBaseLimit, string? DesignationBasis = null);
