using SubsidyService.Domain.Screening;

namespace SubsidyService.Domain.Payments;

/// <summary>
/// POLICY.md "Payee": a subsidy is paid only to the applicant, so the account's holder must be the applicant
/// by name. Otherwise a claim for one person could pay into anyone's account.
/// </summary>
public static class PayeeName
{
    public static bool Matches(string applicantName, string accountName) => PartyName.Same(applicantName, accountName);

    public const string Refusal = "收款账户名称须与申请人名称一致：补助只支付给申请人本人（单位），不能支付给他人账户";
}
