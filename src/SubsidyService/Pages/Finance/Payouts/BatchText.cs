namespace SubsidyService.Pages.Finance.Payouts;

/// <summary>How batches are named on the finance pages.</summary>
public static class BatchText
{
    public static string Status(string status) => status switch
    {
        "queued" => "排队中",
        "running" => "执行中",
        "completed" => "已完成",
        "failed" => "失败",
        _ => status,
    };

    /// <summary>The status badge's style, reusing the claim statuses' colours.</summary>
    public static string Badge(string status) => status switch
    {
        "completed" => "st-paid",
        "failed" => "st-payout_failed",
        _ => "st-in_payout",
    };

    public static string Origin(string origin) => origin == "schedule" ? "定时" : "手动";
}
