namespace SubsidyService.Jobs;

/// <summary>
/// A schedule in Chinese (China time), for the forms the service's own jobs use; anything else is shown as the
/// expression itself, so a configured schedule is never described wrongly.
/// </summary>
public static class CronText
{
    public static string Describe(string cron)
    {
        var f = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (f.Length != 5) return Raw(cron);
        var (minute, hour, day, month, weekday) = (f[0], f[1], f[2], f[3], f[4]);
        if (day != "*" || month != "*") return Raw(cron);
        var days = weekday switch
        {
            "*" => "每天",
            "1-5" => "每个工作日（周一至周五）",
            _ => null,
        };
        if (days is null) return Raw(cron);
        if (hour == "*" && weekday == "*")
        {
            if (minute == "*") return "每分钟";
            if (minute.StartsWith("*/", StringComparison.Ordinal) && int.TryParse(minute[2..], out var every)) return $"每 {every} 分钟";
            if (int.TryParse(minute, out var m) && m is >= 0 and < 60) return m == 0 ? "每小时整点" : $"每小时第 {m} 分";
            return Raw(cron);
        }
        return int.TryParse(hour, out var h) && h is >= 0 and < 24 && int.TryParse(minute, out var min) && min is >= 0 and < 60
            ? $"{days} {h:00}:{min:00}"
            : Raw(cron);
    }

    private static string Raw(string cron) => $"按计划“{cron}”（北京时间）";
}
