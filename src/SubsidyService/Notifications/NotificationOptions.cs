namespace SubsidyService.Notifications;

/// <summary><c>Notifications:OverdueWorkingDays</c> (the digest's overdue mark) and <c>Notifications:PollInterval</c> (how often each node looks for due mail).</summary>
public sealed class NotificationOptions
{
    public int OverdueWorkingDays { get; init; } = 5;
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    public static NotificationOptions Read(IConfiguration config)
    {
        var section = config.GetSection("Notifications");
        var overdue = section["OverdueWorkingDays"] is { Length: > 0 } o
            ? int.TryParse(o, out var n) && n >= 0 ? n : throw new InvalidOperationException($"Notifications:OverdueWorkingDays 应为非负整数，而不是“{o}”。")
            : 5;
        var poll = section["PollInterval"] is { Length: > 0 } p
            ? TimeSpan.TryParse(p, System.Globalization.CultureInfo.InvariantCulture, out var t) && t > TimeSpan.Zero ? t
                : throw new InvalidOperationException($"Notifications:PollInterval 应为正的时间间隔（如 00:00:05），而不是“{p}”。")
            : TimeSpan.FromSeconds(5);
        return new NotificationOptions { OverdueWorkingDays = overdue, PollInterval = poll };
    }
}
