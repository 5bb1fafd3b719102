namespace SubsidyService.Domain.Policy;

public sealed record Invoice(string Number, decimal Amount, DateOnly? IssuedOn);
