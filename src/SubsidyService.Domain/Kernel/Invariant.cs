using System.Globalization;
using SubsidyService.Domain.Money;

namespace SubsidyService.Domain.Kernel;

/// <summary>
/// API.md's number conventions (money "5000.00", rates "0.50", dates YYYY-MM-DD), the same in the API, on pages
/// and in the domain's messages whatever the server's culture.
/// </summary>
public static class Invariant
{
    public static string Money(decimal amount) => Yuan.Round(amount).ToString();

    public static string Rate(decimal rate) => rate.ToString("0.00##", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The one reading of a YYYY-MM-DD date, wherever one is typed, configured or imported (no trimming: callers trim where a form may pad).</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    public static string Percent(decimal rate) => (rate * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
