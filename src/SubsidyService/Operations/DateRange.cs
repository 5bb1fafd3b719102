using System.Globalization;
using SubsidyService.Kernel;

namespace SubsidyService.Operations;

/// <summary>A range of China dates from query strings, both ends optional and inclusive.</summary>
public sealed record DateRange(DateOnly? From, DateOnly? To)
{
    public DateTime? FromUtc => From is { } d ? Start(d) : null;
    public DateTime? ToUtcExclusive => To is { } d ? Start(d.AddDays(1)) : null;

    public static Outcome<DateRange> Parse(string? from, string? to)
    {
        if (!TryDate(from, out var f)) return Refusal.Validation("from", "起始日期须为 YYYY-MM-DD。");
        if (!TryDate(to, out var t)) return Refusal.Validation("to", "截止日期须为 YYYY-MM-DD。");
        if (f is { } a && t is { } b && b < a) return Refusal.Validation("to", "截止日期不能早于起始日期。");
        return new DateRange(f, t);
    }

    private static bool TryDate(string? s, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrEmpty(s)) return true;
        if (!DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return false;
        date = d;
        return true;
    }

    private static DateTime Start(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).UtcDateTime;
}
