namespace SubsidyService.Notifications;

/// <summary>
/// When a message the server refused is tried again: 80 s after the first failure, three times longer after
/// each next one (80 s, 4 min, 12 min, 36 min, 1.8 h, 5.4 h, 16.2 h: about 24 h in all), and after the
/// eighth failed try it is dead and waits for an administrator.
/// </summary>
public static class Backoff
{
    public const int MaxAttempts = 8;
    private static readonly TimeSpan First = TimeSpan.FromSeconds(80);

    /// <returns>The wait before the next try, or null when <paramref name="failedAttempts"/> tries are all it gets.</returns>
    public static TimeSpan? After(int failedAttempts) =>
        failedAttempts >= MaxAttempts ? null : First * Math.Pow(3, failedAttempts - 1);
}
