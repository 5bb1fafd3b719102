using System.Globalization;
using System.Reflection;
using System.Resources;
using Hangfire.Dashboard.Resources;

namespace SubsidyService.Jobs.Dashboard;

/// <summary>
/// The dashboard's words in Chinese. Hangfire 1.8 ships a "zh" translation that lacks a few of its newer strings (the
/// storage-time footer, the succeeded list's duration and latency, the job's parameters…), which would show in English
/// among the Chinese. Its strings are read through one public <see cref="ResourceManager"/>; the service puts its
/// own in front of it, answering those keys for Chinese and passing everything else through.
/// </summary>
public sealed class SupplementedStrings(ResourceManager inner) : ResourceManager
{
    /// <summary>The keys Hangfire's own "zh" resources leave out or leave in English (1.8.25), in the dashboard's wording.</summary>
    public static readonly IReadOnlyDictionary<string, string> Chinese = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AwaitingJobsPage_Table_Since"] = "等待自",
        ["Common_NotAvailable"] = "无",
        ["RecurringJobsPage_Table_Cron"] = "执行计划",
        ["ServersPage_Active"] = "在线",
        ["DeletedJobsPage_Table_Exception"] = "异常",
        ["JobDetailsPage_Parameters"] = "参数",
        ["LayoutPage_Footer_StorageTime"] = "存储时间：",
        ["LayoutPage_Footer_TimeIsOutOfSync"] = "应用服务器时间与存储时间不一致",
        ["Metrics_SQLServer_ActiveTransactions"] = "活动事务",
        ["Metrics_SQLServer_DataFilesSize"] = "数据文件已用（MB）",
        ["Metrics_SQLServer_LogFilesSize"] = "日志文件已用（MB）",
        ["Metrics_SQLServer_SchemaVersion"] = "架构版本",
        ["SucceededJobsPage_Table_Duration"] = "耗时",
        ["SucceededJobsPage_Table_Latency"] = "等待时长",
    };

    public ResourceManager Inner { get; } = inner;

    public override string? GetString(string name, CultureInfo? culture)
    {
        if ((culture ?? CultureInfo.CurrentUICulture).TwoLetterISOLanguageName == "zh" && Chinese.TryGetValue(name, out var text))
            return text;
        return Inner.GetString(name, culture);
    }

    public override string? GetString(string name) => GetString(name, null);

    public override object? GetObject(string name, CultureInfo? culture) => Inner.GetObject(name, culture);

    public override ResourceSet? GetResourceSet(CultureInfo culture, bool createIfNotExists, bool tryParents) =>
        Inner.GetResourceSet(culture, createIfNotExists, tryParents);

    private static readonly Lock Gate = new();

    /// <summary>
    /// Puts the supplement in front of Hangfire's strings, once per process (several hosts share one in the tests).
    /// The field is the generated resource class's cache; should a later Hangfire rename it, this fails at start-up
    /// rather than leaving the dashboard half in English unnoticed.
    /// </summary>
    public static void Install()
    {
        lock (Gate)
        {
            var current = Strings.ResourceManager;
            if (current is SupplementedStrings) return;
            var field = typeof(Strings).GetField("resourceMan", BindingFlags.NonPublic | BindingFlags.Static)
                ?? throw new InvalidOperationException("Hangfire's dashboard strings have no resourceMan field: check the supplement against this Hangfire version.");
            field.SetValue(null, new SupplementedStrings(current));
        }
    }
}
