using System.ComponentModel.DataAnnotations;
namespace SubsidyService.Domain.Policy;

/// <param name="Code">The 10- or 12-digit invoice code of an older VAT invoice (8-digit number); absent for a fully digital one.</param>
/// <param name="Currency">ISO 4217; absent or CNY for a Chinese invoice. Another currency makes a foreign invoice (free-form number).</param>
/// <param name="ForeignAmount">A foreign invoice's amount in its currency; <paramref name="Amount"/> stays the yuan paid.</param>
public sealed record InvoiceInput([property: MaxLength(ClaimFactsValidator.MaxInvoiceNumberLength)] string? Number, [property: MaxLength(SubsidyService.Domain.Money.AmountInput.MaxLength)] string? Amount, string? IssuedOn, string? Code = null, string? Currency = null, [property: MaxLength(SubsidyService.Domain.Money.AmountInput.MaxLength)] string? ForeignAmount = null);
