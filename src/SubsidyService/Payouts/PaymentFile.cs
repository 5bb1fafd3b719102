using System.Security.Cryptography;
using System.Text;
using SubsidyService.Operations;
using SubsidyService.Policy;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Payouts;

/// <summary>
/// The payment file the bank receives, as API.md fixes it: <c>claimId,payeeName,bankName,accountNumber,amount,reference</c>,
/// one line per payment in reference order. UTF-8 with a BOM, so that Excel shows the Chinese names.
/// </summary>
public static class PaymentFile
{
    public static readonly string[] Header = ["claimId", "payeeName", "bankName", "accountNumber", "amount", "reference"];

    public static async Task<(byte[] Bytes, string Sha256)> WriteCsvAsync(IAsyncEnumerable<PaymentRow> payments)
    {
        var text = new StringBuilder("\uFEFF").Append(Csv.Row(Header));
        await foreach (var p in payments) text.Append(Csv.Row(Fields(p)));
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text.ToString());
        return (bytes, Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant());
    }

    /// <summary>The same lines as .xlsx, every cell text (account numbers must not turn into 6.22E+18).</summary>
    public static byte[] ToXlsx(IReadOnlyList<PaymentRow> payments)
    {
        using var output = new MemoryStream();
        XlsxWriter.Write(output, "拨付清单", Header, payments.Select(Fields));
        return output.ToArray();
    }

    private static IReadOnlyList<string?> Fields(PaymentRow p) =>
        [p.ClaimId.ToString(), p.PayeeName, p.BankName, p.AccountNumber, Invariant.Money(p.Amount), p.Reference];
}
