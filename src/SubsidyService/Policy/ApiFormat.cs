using System.Globalization;
using SubsidyService.Domain.Money;

namespace SubsidyService.Policy;

/// <summary>API.md's number conventions: money "5000.00" and rates "0.50", whatever the server's culture.</summary>
public static class ApiFormat
{
    public static string Money(decimal amount) => Yuan.Round(amount).ToString();

    public static string Rate(decimal rate) => rate.ToString("0.00##", CultureInfo.InvariantCulture);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
