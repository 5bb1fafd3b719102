using SubsidyService.Payouts;

namespace SubsidyService.Pages.Finance.Payouts;

/// <summary>How batches are named on the finance pages.</summary>
public static class BatchText
{
    /// <summary>A stored status as the list's filter names it: "completed" only says the file was written.</summary>
    public static string Status(string status) => status switch
    {
        "queued" => "排队中",
        "running" => "汇集中",
        "completed" => "文件已生成",
        "failed" => "失败",
        _ => status,
    };

    /// <summary>
    /// Where the batch stands for people: a written file is not money paid, so a completed batch says it waits for
    /// the bank until every payment in it has been answered.
    /// </summary>
    public static string State(BatchRow b) => b switch
    {
        { Status: "completed", ClaimCount: 0 } => "已完成（无待拨付申请）",
        { Status: "completed", PendingCount: 0 } => "已回单",
        { Status: "completed" } when b.PendingCount < b.ClaimCount => "部分回单",
        { Status: "completed" } => "文件已生成，待银行回单",
        _ => Status(b.Status),
    };

    /// <summary>The state's badge, reusing the claim statuses' colours.</summary>
    public static string Badge(BatchRow b) => b switch
    {
        { Status: "completed", PendingCount: 0 } => "st-paid",
        { Status: "failed" } => "st-payout_failed",
        _ => "st-in_payout",
    };

    public static string Origin(string origin) => origin == "schedule" ? "定时" : "手动";
}
