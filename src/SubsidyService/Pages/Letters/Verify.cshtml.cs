using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Npgsql;
using SubsidyService.Letters;

namespace SubsidyService.Pages.Letters;

/// <summary>
/// Where a letter's QR code leads (its number and the code printed under it), and where anyone holding a letter
/// may type its number with that code or its SHA-256: whether the letter is genuine, still in force or revoked,
/// and what it granted. A number alone is not looked up, and the page shares the API's rate limit.
/// </summary>
[EnableRateLimiting(LettersExtensions.VerifyRateLimit)]
public sealed partial class VerifyModel(NpgsqlDataSource db, SubsidyService.Letters.Signing.LetterSeal seal) : PageModel
{
    /// <summary>Letters are signed with embedded mode's own demo certificate: the page must not let them pass for the bureau's.</summary>
    public bool DemoSeal => seal.IsDemo;

    [BindProperty(SupportsGet = true)] public string? Number { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sha256 { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public LetterVerification? Result { get; private set; }
    public string? Error { get; private set; }

    /// <summary>Whether a SHA-256 was given (and so compared), not only the code.</summary>
    public bool HashGiven => !string.IsNullOrWhiteSpace(Sha256);

    public async Task OnGetAsync()
    {
        if (string.IsNullOrWhiteSpace(Number)) return;
        Number = Normalise(Number);
        var errors = LetterVerifier.Check(Number, Sha256, Code);
        if (errors.Count > 0)
        {
            Error = string.Join(" ", errors.Values.SelectMany(m => m));
            return;
        }
        Result = await LetterVerifier.VerifyAsync(db, Number, Sha256, Code);
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

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"[\[\(（【]")]
    private static partial Regex OpenBracket();

    [GeneratedRegex(@"[\]\)）】]")]
    private static partial Regex CloseBracket();
}
