namespace SubsidyService.Operations;

/// <summary>
/// The county keeps China Standard Time (UTC+8, no daylight saving): "today" for a judgment date or a
/// working-day count is the date there, not on the server's clock.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(this TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);

    public static DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset).DateTime);

    public static string Format(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(Offset).ToString("yyyy-MM-dd HH:mm");
}
