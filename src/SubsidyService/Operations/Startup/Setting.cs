using System.Globalization;
using System.Net;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Operations.Startup;

/// <summary>
/// One configuration key the service reads, with the form its value must take. A key ending in <c>:*</c> stands
/// for each child of a section (an array's items, a dictionary's values).
/// </summary>
public sealed record Setting(string Key, string Expected, Func<string, bool> IsValid)
{
    public bool Matches(string path) => Key.EndsWith(":*", StringComparison.Ordinal)
        ? path.StartsWith(Key[..^1], StringComparison.OrdinalIgnoreCase) && path.Length > Key.Length - 1 && !path[(Key.Length - 1)..].Contains(':')
        : string.Equals(path, Key, StringComparison.OrdinalIgnoreCase);

    public static Setting Text(string key) => new(key, "文本", _ => true);

    public static Setting Bool(string key) => new(key, "true 或 false", v => bool.TryParse(v, out _));

    public static Setting Int(string key, long min, long max = long.MaxValue) =>
        new(key, max == long.MaxValue ? $"不小于 {min} 的整数" : $"{min} 至 {max} 的整数",
            v => long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max);

    public static Setting Fraction(string key) => new(key, "0 至 1 的小数（如 0.05）",
        v => decimal.TryParse(v, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d is >= 0 and <= 1);

    public static Setting Duration(string key) => new(key, "正的时间间隔 [d.]hh:mm:ss（如 00:05:00）",
        v => TimeSpan.TryParse(v, CultureInfo.InvariantCulture, out var t) && t > TimeSpan.Zero);

    public static Setting OneOf(string key, params string[] values) => new(key, string.Join("、", values) + " 之一",
        v => values.Contains(v.Trim(), StringComparer.OrdinalIgnoreCase));

    public static Setting Date(string key) => new(key, "日期 YYYY-MM-DD",
        v => Invariant.TryParseDate(v.Trim(), out _));

    public static Setting Cron(string key) => new(key, "cron 表达式（5 段：分 时 日 月 周，如 0 2 * * 1-5）", CronSyntax.IsValid);

    public static Setting Url(string key) => new(key, "http:// 或 https:// 开头的完整网址", IsHttpUrl);

    /// <summary>Kestrel's list: several addresses separated by ';', a host of * or + meaning every interface.</summary>
    public static Setting Urls(string key) => new(key, "以 ; 分隔的 http(s)://主机:端口 地址",
        v => v.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .All(u => IsHttpUrl(u.Replace("://*", "://0.0.0.0").Replace("://+", "://0.0.0.0"))));

    public static Setting Address(string key) => new(key, "IP 地址（如 10.0.0.5）", v => IPAddress.TryParse(v.Trim(), out _));

    public static Setting Network(string key) => new(key, "CIDR 网段（如 10.0.0.0/8）", v => IPNetwork.TryParse(v.Trim(), out _));

    public static Setting ExistingFile(string key) => new(key, "存在的文件路径", File.Exists);

    private static bool IsHttpUrl(string v) =>
        Uri.TryCreate(v.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttp || u.Scheme == Uri.UriSchemeHttps);
}
