using SubsidyService.Domain.Identity;
using SubsidyService.Domain.Screening;

namespace SubsidyService.Domain.Policy;

/// <summary>The invoices of a claim: mainland invoices by code and number, foreign ones by currency, none listed twice.</summary>
public static partial class ClaimFactsValidator
{
    private static List<Invoice> Invoices(FieldErrors e, IReadOnlyList<InvoiceInput> inputs, DateOnly today, bool stored, bool foreignRelated)
    {
        var result = new List<Invoice>();
        if (inputs.Count > MaxInvoices)
        {
            e.Add("invoices", $"发票不能超过 {MaxInvoices} 张");
            return result;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var key = $"invoices[{i}]";
            var input = inputs[i];
            if (input is null)
            {
                e.Add(key, "发票不能为空");
                continue;
            }

            if (IsForeign(input.Currency))
            {
                if (ForeignInvoice(e, key, input, today, foreignRelated) is { } foreign && Add(foreign, i))
                    result.Add(foreign);
                continue;
            }

            string? number = null;
            if (input.Number is null || !InvoiceNumber.IsValid(input.Number))
                e.Add($"{key}.number", $"发票号码须为 {InvoiceNumber.MinDigits} 至 {InvoiceNumber.MaxDigits} 位数字");
            else
                number = InvoiceNumber.Digits(input.Number);

            var code = InvoiceCode(e, key, number, input.Code, stored, out var codeOk);
            var amount = e.Money($"{key}.amount", "发票金额", input.Amount);
            var issuedOn = e.Date($"{key}.issuedOn", "开票日期", input.IssuedOn, today, required: false);
            if (number is null || amount is null || !codeOk)
                continue;

            var invoice = new Invoice(number, amount.Value, issuedOn, code);
            if (Add(invoice, i))
                result.Add(invoice);
        }

        return result;

        bool Add(Invoice invoice, int i)
        {
            if (seen.TryGetValue(invoice.Identity, out var first))
            {
                // The same invoice twice would count its amount twice in the fee base.
                if (!stored)
                    e.Add($"invoices[{i}].number", $"与第 {first + 1} 张发票（{Describe(invoice)}）重复，同一张发票只能填写一次");
                return false;
            }

            seen[invoice.Identity] = i;
            return true;
        }
    }

    private static bool IsForeign(string? currency) =>
        !string.IsNullOrWhiteSpace(currency) && !string.Equals(currency.Trim(), "CNY", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// An invoice of a foreign lawyer: numbered as its issuer pleases, in its own currency, with the yuan actually
    /// paid as <c>amount</c> (the fee base is in yuan). Only a foreign-related case has one.
    /// </summary>
    private static Invoice? ForeignInvoice(FieldErrors e, string key, InvoiceInput input, DateOnly today, bool foreignRelated)
    {
        var currency = input.Currency!.Trim().ToUpperInvariant();
        var currencyOk = currency.Length == 3 && currency.All(char.IsAsciiLetterUpper);
        if (!currencyOk)
            e.Add($"{key}.currency", "币种须为 3 个英文字母的币种代码，如 USD（美元）、EUR（欧元）");
        else if (!foreignRelated)
        {
            e.Add($"{key}.currency", "外币发票只能在涉外案件中申报：请同时勾选“涉外案件”");
            currencyOk = false;
        }

        var number = e.Text($"{key}.number", "发票号码", input.Number, MaxInvoiceNumberLength);
        if (number is not null && !number.Any(char.IsLetterOrDigit))
        {
            e.Add($"{key}.number", "发票号码须含字母或数字");
            number = null;
        }
        if (!string.IsNullOrWhiteSpace(input.Code))
            e.Add($"{key}.code", "外币发票没有发票代码");
        var amount = e.Money($"{key}.amount", "发票金额（折合人民币实际支付）", input.Amount);
        var foreignAmount = e.Money($"{key}.foreignAmount", "外币金额", input.ForeignAmount);
        var issuedOn = e.Date($"{key}.issuedOn", "开票日期", input.IssuedOn, today, required: false);
        return currencyOk && number is not null && amount is not null && foreignAmount is not null && string.IsNullOrWhiteSpace(input.Code)
            ? new Invoice(number, amount.Value, issuedOn, null, currency, foreignAmount.Value)
            : null;
    }

    /// <summary>
    /// An 8-digit number is an older invoice's and needs its 10- or 12-digit code; any other number is
    /// complete by itself and takes no code, so that a made-up code cannot make a used invoice look new.
    /// </summary>
    private static string? InvoiceCode(FieldErrors e, string key, string? number, string? raw, bool stored, out bool ok)
    {
        ok = true;
        var text = string.IsNullOrWhiteSpace(raw) ? null : raw;
        if (text is not null && !InvoiceNumber.IsValidCode(text))
        {
            e.Add($"{key}.code", "发票代码须为 10 或 12 位数字");
            ok = false;
            return null;
        }

        if (number is null)
            return text is null ? null : InvoiceNumber.Digits(text);

        if (InvoiceNumber.NeedsCode(number))
        {
            if (text is not null || stored)
                return text is null ? null : InvoiceNumber.Digits(text);
            e.Add($"{key}.code", "8 位发票号码的增值税发票须同时填写 10 或 12 位发票代码");
            ok = false;
            return null;
        }

        if (text is null)
            return null;
        e.Add($"{key}.code", "只有 8 位号码的发票填写发票代码；全电发票（20 位号码）没有发票代码");
        ok = false;
        return null;
    }

    private static string Describe(Invoice invoice) =>
        invoice.Currency is not null ? $"{invoice.Currency} 号码 {invoice.Number}" : invoice.Code is null ? $"号码 {invoice.Number}" : $"代码 {invoice.Code}、号码 {invoice.Number}";
}
