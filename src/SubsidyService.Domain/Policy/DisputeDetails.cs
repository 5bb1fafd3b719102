namespace SubsidyService.Domain.Policy;

/// <summary>What identifies a dispute across its instances: the patents asserted (canonical) and the opponents.</summary>
public sealed record DisputeDetails(IReadOnlyList<string> PatentNumbers, IReadOnlyList<string> OpposingParties);
