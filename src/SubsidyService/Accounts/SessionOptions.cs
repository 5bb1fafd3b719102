namespace SubsidyService.Accounts;

/// <summary>
/// <c>Sessions:AbsoluteLifetime</c> (default 8 h): no cookie or token outlives it, however it slides;
/// <c>Sessions:StaffIdleTimeout</c> (default 30 min): a staff session unused this long ends.
/// </summary>
public sealed class SessionOptions
{
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(8);
    public TimeSpan StaffIdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How stale <c>last_seen_at</c> may get before a request writes it again: one write a minute per session at most.</summary>
    public static readonly TimeSpan TouchEvery = TimeSpan.FromMinutes(1);
}
