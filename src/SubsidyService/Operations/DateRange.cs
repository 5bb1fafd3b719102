using System.Globalization;
using SubsidyService.Kernel;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Operations;

/// <summary>A range of China dates from query strings or forms, both ends optional and inclusive.</summary>
public sealed record DateRange(DateOnly? From, DateOnly? To)
{
    public DateTime? FromUtc => From is { } d ? Start(d) : null;
    public DateTime? ToUtcExclusive => To is { } d ? Start(d.AddDays(1)) : null;

    public static Outcome<DateRange> Parse(string? from, string? to)
    {
        var errors = new Dictionary<string, string[]>();
        var range = Parse(from, to, "from", "to", errors);
        return errors.Count > 0 ? Refusal.Validation(errors) : range;
    }

    /// <summary>
    /// The range, with each bad end named under its field in <paramref name="errors"/> (a form names its fields
    /// its own way, and checks other fields beside these, so every problem is reported at once).
    /// </summary>
    public static DateRange Parse(string? from, string? to, string fromField, string toField, IDictionary<string, string[]> errors)
    {
        var f = Date(from, fromField, "起始日期", errors);
        var t = Date(to, toField, "截止日期", errors);
        if (f is { } a && t is { } b && b < a) errors[toField] = ["截止日期不能早于起始日期。"];
        return new DateRange(f, t);
    }

    private static DateOnly? Date(string? text, string field, string label, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!Invariant.TryParseDate(text.Trim(), out var d))
            errors[field] = [$"{label}须为 YYYY-MM-DD，如 2026-01-31。"];
        // The ends become instants in China time: year 1 or 9999 would fall outside what a timestamp can hold.
        else if (d.Year is < 1900 or > 2999)
            errors[field] = [$"{label}须在 1900 年至 2999 年之间。"];
        else
            return d;
        return null;
    }

    private static DateTime Start(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset).UtcDateTime;
}
