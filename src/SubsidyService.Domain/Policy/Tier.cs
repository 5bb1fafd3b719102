namespace SubsidyService.Domain.Policy;

/// <summary>The cap bracket a claim falls into; each version sets the cap of each tier.</summary>
public enum Tier
{
    NaturalPerson,
    LegalPerson,
    MajorOrForeign,
}
