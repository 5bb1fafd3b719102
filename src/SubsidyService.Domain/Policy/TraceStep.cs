namespace SubsidyService.Domain.Policy;

/// <summary>One step of the reckoning, in Chinese with its numbers, and the words of item 13 it applies.</summary>
public sealed record TraceStep(string Step, string Clause);
