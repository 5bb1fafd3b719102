using SubsidyService.Domain.Claims;

namespace SubsidyService.Pages.Claims;

/// <summary>
/// What a claim page says once an action went through: what happened, and what comes next and for whom, in the
/// words of the person who pressed the button ("已提交。审核人员将…"), never the action's name alone.
/// </summary>
public static class DoneText
{
    /// <remarks>A submission's own message, with its 受理编号 and the review's due date, is the applicant page's.</remarks>
    public static string For(ClaimTrigger trigger) => trigger switch
    {
        ClaimTrigger.Submit => "已提交。需要补正时会以站内消息和邮件一次告知全部事项，您可随时在本页查看进度。",
        ClaimTrigger.Withdraw => "已撤回。该申请不再办理，也不能恢复；如需再次申请，请新建申请。",
        ClaimTrigger.StartReview => "已开始审核，申请人在本页看到“审核中”。核实、要求补正或驳回请在右侧办理。",
        ClaimTrigger.RequestSupplement => "已发出补正要求，申请人已收到通知。申请人补正并重新提交后，该申请回到待审核队列。",
        ClaimTrigger.ResolveScreening => "已记录处理结论。全部筛查标记处理完后即可核实。",
        ClaimTrigger.Verify => "已核实，补助金额已按核实后的事实重新计算。申请已转财政局审批，您无需再操作。",
        ClaimTrigger.Reject => "已驳回，不予补助告知书已签发，申请人已收到通知。",
        ClaimTrigger.ReturnForReview => "已退回审核，审核人员重新核实后会再次提交审批。",
        ClaimTrigger.Approve => "已批准，补助核准通知书已签发，申请人已收到通知。",
        ClaimTrigger.Object => "已登记异议，申请已退回审核：已占用的预算已释放，补助核准通知书已作废。",
        ClaimTrigger.RetryPayment => "已重新列入待拨付，将随下一个拨付批次支付。",
        ClaimTrigger.CorrectBankAccount => "收款账户已更正。财政局核对后将重新拨付，结果会通知您。",
        ClaimTrigger.OpenRecovery => "已登记追回，财政局将登记追回结果。",
        ClaimTrigger.SettleRecovery => "已登记追回结果。",
        _ => $"已办理“{ClaimNames.Of(trigger)}”。",
    };
}
