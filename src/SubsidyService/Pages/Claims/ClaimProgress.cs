using SubsidyService.Claims;

namespace SubsidyService.Pages.Claims;

/// <summary>
/// Where a claim stands, as the applicant's step bar shows it (提交 → 审核 → 公示 → 拨付), and what the applicant must
/// do now, in one sentence. <see cref="YourTurn"/>: the claim waits for the applicant, not for the bureau.
/// </summary>
public sealed record ClaimProgress(int Current, bool Finished, bool Stopped, string Next, bool YourTurn)
{
    public static readonly IReadOnlyList<string> Steps = ["提交", "审核", "公示", "拨付"];

    /// <summary>The statuses whose amount is the bureau's decision (核定金额) rather than an estimate (测算金额).</summary>
    private static readonly HashSet<string> Decided = ["verified", "in_public_notice", "ready_for_payout", "in_payout", "paid", "payout_failed"];

    public static string AmountLabel(string status) => Decided.Contains(status) ? "核定金额" : "测算金额";

    /// <summary>A rejected claim has no amount to show: none was granted.</summary>
    public static bool ShowsAmount(string status) => status != "rejected";

    /// <summary>Null for a withdrawn claim: it is no longer on its way anywhere.</summary>
    public static ClaimProgress? Of(ClaimView c)
    {
        var review = c.ReviewDueOn is { } due
            ? $"审核人将在 {ClaimText.ChineseDate(due)} 前完成审核（审核时限 {c.ReviewWorkingDays} 个工作日）。"
            : "审核人将按顺序审核。";
        return c.Status switch
        {
            "draft" => new(0, false, false, "轮到您：请填写申请、上传必需材料，阅读承诺书后提交。", true),
            "submitted" or "under_review" => new(1, false, false, "您无需操作。" + review, false),
            "supplement_requested" => new(1, false, false, c.SupplementDueOn is { } d
                ? $"轮到您：请在 {ClaimText.ChineseDate(d)} 前补正材料并重新提交，逾期未补正的，申请可能被驳回。"
                : "轮到您：请按补正要求补正材料并重新提交。", true),
            "verified" => new(1, false, false, "您无需操作。审核已通过，等待财政局审批。", false),
            "in_public_notice" => new(2, false, false, $"您无需操作。补助已批准，正在公示，公示期至 {ClaimText.ChineseDate(c.NoticeEndsOn)}。", false),
            "ready_for_payout" or "in_payout" => new(3, false, false, "您无需操作。补助将拨付至您的收款账户。", false),
            "payout_failed" => new(3, false, false, "轮到您：拨付未成功，请核对收款账户，有误的请更正。", true),
            "paid" => new(3, true, false, "已办结：补助已拨付至您的收款账户，请注意查收。", false),
            "rejected" => new(1, true, true, "已办结：申请未获补助，理由见驳回通知书。", false),
            _ => null,
        };
    }

    /// <summary>The step's state for its class: done, current, stopped (a rejection ends the bar there) or still to come.</summary>
    public string StateOf(int step) =>
        step < Current || (step == Current && Finished && !Stopped) ? "done" : step == Current ? (Stopped ? "stopped" : "current") : "todo";
}
