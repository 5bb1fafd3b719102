using System.Text.RegularExpressions;

namespace SubsidyService.Operations.Logging;

/// <summary>What no log line may carry in clear: identity numbers and credit codes, bank account numbers.</summary>
public static partial class LogMasking
{
    public static string Mask(string text) => Sensitive().Replace(text, "***");

    // 15- to 18-character identity numbers and credit codes; runs of 12 to 30 digits (account numbers). A hyphen
    // counts as part of a word so that the groups of a GUID or a date are left alone.
    [GeneratedRegex(@"(?<![0-9A-Za-z-])(?:[0-9A-Za-z]{15,18}|[0-9]{12,30})(?![0-9A-Za-z-])")]
    private static partial Regex Sensitive();
}
