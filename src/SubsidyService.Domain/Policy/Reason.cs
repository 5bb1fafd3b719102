namespace SubsidyService.Domain.Policy;

public sealed record Reason(ReasonCode Code, string Message);
