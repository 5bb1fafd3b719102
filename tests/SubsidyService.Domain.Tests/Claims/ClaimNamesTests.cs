using FluentAssertions;
using SubsidyService.Domain.Claims;

namespace SubsidyService.Domain.Tests.Claims;

/// <summary>The names refusals, the history and the diagram print, one value a case.</summary>
public class ClaimNamesTests
{
    [Theory]
    [InlineData(ClaimStatus.Draft, "草稿")]
    [InlineData(ClaimStatus.Submitted, "已提交")]
    [InlineData(ClaimStatus.UnderReview, "审核中")]
    [InlineData(ClaimStatus.SupplementRequested, "待补正")]
    [InlineData(ClaimStatus.Verified, "已核实")]
    [InlineData(ClaimStatus.InPublicNotice, "公示中")]
    [InlineData(ClaimStatus.ReadyForPayout, "待拨付")]
    [InlineData(ClaimStatus.InPayout, "拨付中")]
    [InlineData(ClaimStatus.Paid, "已拨付")]
    [InlineData(ClaimStatus.PayoutFailed, "拨付失败")]
    [InlineData(ClaimStatus.Rejected, "已驳回")]
    [InlineData(ClaimStatus.Withdrawn, "已撤回")]
    public void Statuses(ClaimStatus value, string name) => ClaimNames.Of(value).Should().Be(name);

    [Theory]
    [InlineData(ClaimTrigger.Submit, "提交")]
    [InlineData(ClaimTrigger.Withdraw, "撤回")]
    [InlineData(ClaimTrigger.StartReview, "开始审核")]
    [InlineData(ClaimTrigger.RequestSupplement, "要求补正")]
    [InlineData(ClaimTrigger.ResolveScreening, "处理筛查标记")]
    [InlineData(ClaimTrigger.Verify, "核实")]
    [InlineData(ClaimTrigger.Reject, "驳回")]
    [InlineData(ClaimTrigger.ReturnForReview, "退回审核")]
    [InlineData(ClaimTrigger.Approve, "批准")]
    [InlineData(ClaimTrigger.Object, "公示异议")]
    [InlineData(ClaimTrigger.RetryPayment, "重新拨付")]
    [InlineData(ClaimTrigger.NoticeElapsed, "公示期满")]
    [InlineData(ClaimTrigger.IncludeInPayout, "纳入拨付批次")]
    [InlineData(ClaimTrigger.PaymentSucceeded, "拨付成功")]
    [InlineData(ClaimTrigger.PaymentFailed, "拨付失败")]
    [InlineData(ClaimTrigger.ScreeningFlagRaised, "新增筛查标记")]
    [InlineData(ClaimTrigger.CorrectBankAccount, "更正收款账户")]
    [InlineData(ClaimTrigger.OpenRecovery, "启动追回")]
    [InlineData(ClaimTrigger.SettleRecovery, "登记追回结果")]
    [InlineData(ClaimTrigger.AddDisputeDetails, "补充纠纷信息")]
    public void Triggers(ClaimTrigger value, string name) => ClaimNames.Of(value).Should().Be(name);

    [Theory]
    [InlineData(Role.Applicant, "申请人")]
    [InlineData(Role.Verifier, "审核人")]
    [InlineData(Role.Finance, "财政人员")]
    [InlineData(Role.Auditor, "审计人员")]
    [InlineData(Role.Admin, "管理员")]
    [InlineData(Role.System, "系统")]
    public void Roles(Role value, string name) => ClaimNames.Of(value).Should().Be(name);

    [Fact]
    public void A_status_without_a_name_falls_back_to_its_enum_name() => ClaimNames.Of((ClaimStatus)99).Should().Be("99");

    [Fact]
    public void A_trigger_without_a_name_falls_back_to_its_enum_name() => ClaimNames.Of((ClaimTrigger)99).Should().Be("99");

    [Fact]
    public void A_role_without_a_name_falls_back_to_its_enum_name() => ClaimNames.Of((Role)99).Should().Be("99");
}
