using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using SubsidyService.Letters;

namespace SubsidyService.Pages.Letters;

/// <summary>
/// Where a letter's QR code leads, and where anyone may type a letter's number (and its SHA-256) by hand:
/// whether the letter is genuine, still in force or revoked, and what it granted.
/// </summary>
public sealed partial class VerifyModel(NpgsqlDataSource db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sha256 { get; set; }

    public LetterVerification? Result { get; private set; }
    public string? Error { get; private set; }

    /// <summary>Whether a SHA-256 was given (and so compared), not only a number.</summary>
    public bool HashGiven => !string.IsNullOrWhiteSpace(Sha256);

    public bool Found => Result?.ClaimId is not null;

    public async Task OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Number)) return;
        Number = Normalise(Number);
        if (Number.Length > 100)
        {
            Error = "决定书编号过长，请核对后重新输入。";
            return;
        }
        if (HashGiven && !HashPattern().IsMatch(Sha256!.Trim()))
        {
            Error = "文件指纹（SHA-256）应为 64 位十六进制字符。";
            return;
        }
        Result = await LetterEndpoints.VerifyAsync(db, Number, Sha256);
    }

    /// <summary>
    /// Numbers typed by hand: the brackets 〔〕 are hard to type, so [ ] ( ) （ ） 【 】 stand for them, and
    /// spaces are dropped.
    /// </summary>
    public static string Normalise(string number)
    {
        var s = WhiteSpace().Replace(number.Trim(), "");
        return OpenBracket().Replace(CloseBracket().Replace(s, "〕"), "〔");
    }

    [GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial Regex HashPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"[\[\(（【]")]
    private static partial Regex OpenBracket();

    [GeneratedRegex(@"[\]\)）】]")]
    private static partial Regex CloseBracket();
}
