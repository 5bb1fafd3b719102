using System.Text;
using SubsidyService.Operations;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Payouts;

/// <summary>
/// The batch's payments for people (the clerk who checks them, a bank counter that keys them in): Chinese headers,
/// the amount as a number Excel sums, the account number as text. Beside <see cref="PaymentFile"/>, whose English
/// layout API.md fixes for the bank's systems; the bank's results may come back under either header.
/// </summary>
public static class PaymentList
{
    public static readonly string[] Header = ["申请编号", "户名", "开户行", "账号", "金额", "业务参考号"];

    /// <summary>UTF-8 with a BOM so that Excel reads the Chinese; cells that a spreadsheet would run as formulas are quoted by <see cref="Csv"/>.</summary>
    public static byte[] ToCsv(IEnumerable<PaymentRow> payments)
    {
        var text = new StringBuilder("\uFEFF").Append(Csv.Row(Header));
        foreach (var p in payments)
            text.Append(Csv.Row([ApplicationNumber(p), p.PayeeName, p.BankName, p.AccountNumber, Invariant.Money(p.Amount), p.Reference]));
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
    }

    /// <summary>Every cell text but the amount, a number (account numbers must not turn into 6.22E+18).</summary>
    public static byte[] ToXlsx(IEnumerable<PaymentRow> payments)
    {
        using var output = new MemoryStream();
        var rows = payments.Select(p => (IReadOnlyList<object?>)[ApplicationNumber(p), p.PayeeName, p.BankName, p.AccountNumber, p.Amount, p.Reference]);
        XlsxWriter.WriteAsync(output, [new XlsxSheet("拨付清单", Header, rows.ToAsyncEnumerable())]).GetAwaiter().GetResult();
        return output.ToArray();
    }

    /// <summary>How people refer to the claim: its 受理编号 (every paid claim was submitted, so has one; the id for safety).</summary>
    private static string ApplicationNumber(PaymentRow p) => p.ApplicationNumber ?? p.ClaimId.ToString();
}
