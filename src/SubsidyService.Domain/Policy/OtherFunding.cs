namespace SubsidyService.Domain.Policy;

/// <summary>Funding for the same case declared by the applicant, from another level of government.</summary>
public sealed record OtherFunding(string Source, string Level, decimal Amount, string? Reference);
