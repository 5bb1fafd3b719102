namespace SubsidyService.Tests.Infrastructure;

/// <summary>The real clock, moved forward on demand, so a test can let a day pass.</summary>
public sealed class ShiftableClock : TimeProvider
{
    public TimeSpan Shift { get; set; }
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Shift;
}
