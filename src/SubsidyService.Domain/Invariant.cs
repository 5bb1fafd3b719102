using System.Globalization;
using SubsidyService.Domain.Money;

namespace SubsidyService.Domain;

/// <summary>Numbers and dates in messages are written the same whatever the server's culture.</summary>
internal static class Invariant
{
    public static string Money(decimal amount) => Yuan.Round(amount).ToString();

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Percent(decimal rate) => (rate * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
