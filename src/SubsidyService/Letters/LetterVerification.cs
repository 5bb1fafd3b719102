using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Npgsql;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Letters;

/// <summary>
/// API.md's <c>{valid, number, amount, issuedAt, revoked}</c>: what anyone holding a letter may learn about it.
/// Never the claim's id nor staff's words (a revocation's reason): the number is public, the letter's holder is not.
/// An unknown number and a wrong code or fingerprint answer alike, so numbers cannot be probed.
/// </summary>
public sealed record LetterVerification(bool Valid, string Number, string? Amount, DateTime? IssuedAt, bool Revoked,
    string? Kind = null, DateTime? RevokedAt = null);

public static partial class LetterVerifier
{
    /// <summary>The query's problems, by field; empty when it may be looked up. A number alone is not enough.</summary>
    public static Dictionary<string, string[]> Check(string? number, string? sha256, string? code)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(number)) errors["number"] = ["请填写决定书编号。"];
        else if (number.Trim().Length > 100) errors["number"] = ["决定书编号过长，请核对后重新输入。"];
        var hashGiven = !string.IsNullOrWhiteSpace(sha256);
        var codeGiven = !string.IsNullOrWhiteSpace(code);
        if (!hashGiven && !codeGiven)
            errors["code"] = ["请填写决定书二维码下方印的核验码，或文件指纹（SHA-256）：仅凭编号不予核验。"];
        if (hashGiven && !HashPattern().IsMatch(sha256!.Trim()))
            errors["sha256"] = ["文件指纹（SHA-256）应为 64 位十六进制字符。"];
        if (codeGiven && LetterNumbers.NormaliseCode(code!).Length is not 10)
            errors["code"] = ["核验码应为 10 位字母或数字（如 7K3QD-M9X2P）。"];
        return errors;
    }

    /// <summary>Looks the letter up; call only with a query <see cref="Check"/> passed.</summary>
    public static async Task<LetterVerification> VerifyAsync(NpgsqlDataSource db, string number, string? sha256, string? code)
    {
        number = number.Trim();
        await using var conn = await db.OpenConnectionAsync();
        var letter = await LetterStore.FindAsync(conn, number);
        var proven = letter is not null &&
            (string.IsNullOrWhiteSpace(sha256) || SameText(sha256.Trim().ToLowerInvariant(), letter.Sha256)) &&
            (string.IsNullOrWhiteSpace(code) || SameText(LetterNumbers.NormaliseCode(code), LetterNumbers.NormaliseCode(LetterNumbers.VerificationCode(letter.Id))));
        if (!proven) return new LetterVerification(false, number, null, null, false);
        return new LetterVerification(true, letter!.Number, Invariant.Money(letter.Amount), letter.IssuedAt, letter.RevokedAt is not null,
            letter.Kind, letter.RevokedAt);
    }

    private static bool SameText(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(a), Encoding.UTF8.GetBytes(b));

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex HashPattern();
}
