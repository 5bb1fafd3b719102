namespace SubsidyService.Domain.Policy;

public sealed record InvoiceInput(string? Number, string? Amount, string? IssuedOn);
