using System.Globalization;
using SubsidyService.Kernel;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Calendar;

/// <summary>A year's schedule as typed: every date YYYY-MM-DD in that year, none both a holiday and a make-up working day.</summary>
public static class CalendarInput
{
    public const int MinYear = 2000, MaxYear = 2100, MaxDays = 366;

    public static Outcome<CalendarYear> Check(int year, CalendarBody body)
    {
        var errors = new Dictionary<string, string[]>();
        if (year is < MinYear or > MaxYear) errors["year"] = [$"年份须在 {MinYear} 至 {MaxYear} 之间。"];
        else if (body.Year is { } y && y != year) errors["year"] = [$"请求体中的年份 {y} 与地址中的 {year} 不一致。"];
        var holidays = Dates("holidays", body.Holidays, year, errors);
        var makeUps = Dates("makeUpWorkingDays", body.MakeUpWorkingDays, year, errors);
        foreach (var both in holidays.Intersect(makeUps))
            errors.TryAdd("makeUpWorkingDays", [$"{both:yyyy-MM-dd} 不能既是节假日又是调休上班日。"]);
        if (errors.Count > 0) return Refusal.Validation(errors);
        return new CalendarYear(year, holidays.Order().ToList(), makeUps.Order().ToList());
    }

    private static HashSet<DateOnly> Dates(string field, IReadOnlyList<string?>? texts, int year, Dictionary<string, string[]> errors)
    {
        var dates = new HashSet<DateOnly>();
        if (texts is null) return dates;
        if (texts.Count > MaxDays)
        {
            errors[field] = [$"至多 {MaxDays} 个日期。"];
            return dates;
        }
        for (var i = 0; i < texts.Count; i++)
        {
            if (!Invariant.TryParseDate(texts[i]?.Trim(), out var d))
                errors[$"{field}[{i}]"] = [$"“{texts[i]}”不是 YYYY-MM-DD 格式的日期。"];
            else if (d.Year != year)
                errors[$"{field}[{i}]"] = [$"{d:yyyy-MM-dd} 不在 {year} 年。"];
            else dates.Add(d);
        }
        return dates;
    }

    /// <summary>One date a line (or separated by commas or spaces), as the admin page's text areas hold them.</summary>
    public static IReadOnlyList<string?> Lines(string? text) =>
        (text ?? "").Split(['\n', '\r', ',', '，', ' ', '\t', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
