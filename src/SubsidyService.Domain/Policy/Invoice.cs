using SubsidyService.Domain.Screening;

namespace SubsidyService.Domain.Policy;

/// <param name="Number">The invoice number's digits (a foreign invoice's number as written).</param>
/// <param name="Code">The invoice code's digits for an older VAT invoice (8-digit number); null for a fully digital one.</param>
/// <param name="Amount">In yuan, what was paid: the fee base is in yuan whatever the invoice's currency.</param>
/// <param name="Currency">A foreign invoice's currency (ISO 4217); null for a Chinese invoice.</param>
public sealed record Invoice(string Number, decimal Amount, DateOnly? IssuedOn, string? Code = null, string? Currency = null, decimal? ForeignAmount = null)
{
    /// <summary>What makes two invoices the same one (code and number), as screening compares them.</summary>
    public string Identity => Currency is null ? InvoiceNumber.Identity(Code, Number) : InvoiceNumber.ForeignIdentity(Currency, Number);
}
