using SubsidyService.Domain.Screening;

namespace SubsidyService.Domain.Policy;

/// <param name="Number">The invoice number's digits.</param>
/// <param name="Code">The invoice code's digits for an older VAT invoice (8-digit number); null for a fully digital one.</param>
public sealed record Invoice(string Number, decimal Amount, DateOnly? IssuedOn, string? Code = null)
{
    /// <summary>What makes two invoices the same one (code and number), as screening compares them.</summary>
    public string Identity => InvoiceNumber.Identity(Code, Number);
}
