namespace SubsidyService.Domain.Policy;

/// <param name="Purpose"><c>litigation_fee</c> (the default: the same kind as this subsidy) or <c>other</c>.</param>
public sealed record OtherFundingInput(string? Source, string? Level, string? Amount, string? Reference, string? Purpose = null);
