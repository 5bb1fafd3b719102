using System.Globalization;

namespace SubsidyService.Letters;

/// <summary>How figures and dates are written on letters, whatever the server's culture.</summary>
public static class LetterFormat
{
    /// <summary>10000m → 10,000.00</summary>
    public static string Money(decimal amount) =>
        Math.Round(amount, 2, MidpointRounding.AwayFromZero).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>0.5m → 50%</summary>
    public static string Percent(decimal rate) => (rate * 100m).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>2026-11-23 → 2026年11月23日, Arabic numerals as GB/T 9704-2012 writes dates.</summary>
    public static string Date(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");
}
