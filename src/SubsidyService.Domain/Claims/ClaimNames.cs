namespace SubsidyService.Domain.Claims;

/// <summary>Chinese names of statuses, triggers and roles for messages, history and diagrams.</summary>
public static class ClaimNames
{
    public static string Of(ClaimStatus value) => value switch
    {
        ClaimStatus.Draft => "草稿",
        ClaimStatus.Submitted => "已提交",
        ClaimStatus.UnderReview => "审核中",
        ClaimStatus.SupplementRequested => "待补正",
        ClaimStatus.Verified => "已核实",
        ClaimStatus.InPublicNotice => "公示中",
        ClaimStatus.ReadyForPayout => "待拨付",
        ClaimStatus.InPayout => "拨付中",
        ClaimStatus.Paid => "已拨付",
        ClaimStatus.PayoutFailed => "拨付失败",
        ClaimStatus.Rejected => "已驳回",
        ClaimStatus.Withdrawn => "已撤回",
        _ => value.ToString(),
    };

    public static string Of(ClaimTrigger value) => value switch
    {
        ClaimTrigger.Submit => "提交",
        ClaimTrigger.Withdraw => "撤回",
        ClaimTrigger.StartReview => "开始审核",
        ClaimTrigger.RequestSupplement => "要求补正",
        ClaimTrigger.ResolveScreening => "处理筛查标记",
        ClaimTrigger.Verify => "核实",
        ClaimTrigger.Reject => "驳回",
        ClaimTrigger.ReturnForReview => "退回审核",
        ClaimTrigger.Approve => "批准",
        ClaimTrigger.Object => "公示异议",
        ClaimTrigger.RetryPayment => "重新拨付",
        ClaimTrigger.NoticeElapsed => "公示期满",
        ClaimTrigger.IncludeInPayout => "纳入拨付批次",
        ClaimTrigger.PaymentSucceeded => "拨付成功",
        ClaimTrigger.PaymentFailed => "拨付失败",
        ClaimTrigger.ScreeningFlagRaised => "新增筛查标记",
        ClaimTrigger.CorrectBankAccount => "更正收款账户",
        ClaimTrigger.OpenRecovery => "启动追回",
        ClaimTrigger.SettleRecovery => "登记追回结果",
        ClaimTrigger.AddDisputeDetails => "补充纠纷信息",
        _ => value.ToString(),
    };

    public static string Of(Role value) => value switch
    {
        Role.Applicant => "申请人",
        Role.Verifier => "审核人",
        Role.Finance => "财政人员",
        Role.Auditor => "审计人员",
        Role.Admin => "管理员",
        Role.System => "系统",
        _ => value.ToString(),
    };
}
