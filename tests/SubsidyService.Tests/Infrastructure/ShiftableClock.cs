namespace SubsidyService.Tests.Infrastructure;

/// <summary>The real clock, moved forward on demand, so a test can let a day pass.</summary>
public sealed class ShiftableClock : TimeProvider
{
    public TimeSpan Shift { get; set; }
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;

    /// <summary>Moves the clock so that it reads this China time now (and runs on from there).</summary>
    public void SetChinaTime(int year, int month, int day, int hour = 10) =>
        Shift = new DateTimeOffset(year, month, day, hour, 0, 0, TimeSpan.FromHours(8)) - System.GetUtcNow();
}
