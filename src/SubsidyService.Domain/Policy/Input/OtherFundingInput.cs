namespace SubsidyService.Domain.Policy;

public sealed record OtherFundingInput(string? Source, string? Level, string? Amount, string? Reference);
