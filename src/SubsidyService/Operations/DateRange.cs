using System.Globalization;

namespace SubsidyService.Operations;

/// <summary>A range of China dates from query strings, both ends optional and inclusive.</summary>
public sealed record DateRange(DateOnly? From, DateOnly? To)
{
    public DateTime? FromUtc => From is { } d ? Start(d) : null;
    public DateTime? ToUtcExclusive => To is { } d ? Start(d.AddDays(1)) : null;

    public static bool TryParse(string? from, string? to, out DateRange range, out IResult? problem)
    {
        range = new DateRange(null, null);
        problem = null;
        if (!TryDate(from, out var f)) problem = Problems.Validation("from", "起始日期须为 YYYY-MM-DD。");
        else if (!TryDate(to, out var t)) problem = Problems.Validation("to", "截止日期须为 YYYY-MM-DD。");
        else if (f is { } a && t is { } b && b < a) problem = Problems.Validation("to", "截止日期不能早于起始日期。");
        else range = new DateRange(f, t);
        return problem is null;
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
