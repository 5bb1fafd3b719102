namespace SubsidyService.Domain.Policy;

/// <summary>The kind of IP case. Member names are serialised as snake_case codes, so they are part of the API.</summary>
public enum CaseType
{
    PatentInfringement,
    Trademark,
    Copyright,
    TradeSecret,
    UnfairCompetition,
    PlantVariety,
    OtherIp,
}
