using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Reports;

/// <summary>
/// A report's period: China dates, both ends inclusive. Left out, it is the current calendar year (one end given,
/// the other is that end's year's first or last day); <c>to</c> before <c>from</c>, or more than
/// <see cref="MaxYears"/> years, or a date outside the years 2000 to 2999, is a 400 naming the field.
/// </summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    public const int MaxYears = 10;
    public static readonly DateOnly Earliest = new(2000, 1, 1), Latest = new(2999, 12, 31);

    public DateTime FromUtc => Range.FromUtc!.Value;
    public DateTime ToUtcExclusive => Range.ToUtcExclusive!.Value;

    /// <summary>The year whose budget the report shows: the year the period ends in.</summary>
    public int BudgetYear => To.Year;

    private DateRange Range => new(From, To);

    public static Outcome<ReportPeriod> Parse(string? from, string? to, DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        return Parse(from, to, today, errors) is { } period ? period : Refusal.Validation(errors);
    }

    /// <summary>The period, or null with each bad end named under its field in <paramref name="errors"/>.</summary>
    private static ReportPeriod? Parse(string? from, string? to, DateOnly today, Dictionary<string, string[]> errors)
    {
        const string fromField = "from", toField = "to";
        var range = DateRange.Parse(from, to, fromField, toField, errors);
        if (errors.Count > 0) return null;
        foreach (var (date, field) in new[] { (range.From, fromField), (range.To, toField) })
            if (date is { } d && (d < Earliest || d > Latest)) errors[field] = [$"日期须在 {Earliest.Year} 年至 {Latest.Year} 年之间。"];
        if (errors.Count > 0) return null;
        var f = range.From ?? new DateOnly((range.To ?? today).Year, 1, 1);
        var t = range.To ?? new DateOnly(f.Year, 12, 31);
        if (t < f) errors[toField] = ["截止日期不能早于起始日期。"];
        else if (t > f.AddYears(MaxYears)) errors[toField] = [$"统计期间不能超过 {MaxYears} 年。"];
        return errors.Count > 0 ? null : new ReportPeriod(f, t);
    }
}
