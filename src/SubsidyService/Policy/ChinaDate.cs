namespace SubsidyService.Policy;

/// <summary>The county's calendar day: a judgment "today" in China is not in the future at 01:00 Beijing time.</summary>
public static class ChinaDate
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Offset).DateTime);
}
