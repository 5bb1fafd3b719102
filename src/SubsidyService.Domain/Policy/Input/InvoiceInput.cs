namespace SubsidyService.Domain.Policy;

/// <param name="Code">The 10- or 12-digit invoice code of an older VAT invoice (8-digit number); absent for a fully digital one.</param>
public sealed record InvoiceInput(string? Number, string? Amount, string? IssuedOn, string? Code = null);
