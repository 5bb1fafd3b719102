namespace SubsidyService.Accounts;

public static class Roles
{
    public const string Applicant = "applicant";
    public const string Verifier = "verifier";
    public const string Finance = "finance";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Applicant, Verifier, Finance, Auditor, Admin];
    public static readonly IReadOnlyList<string> Staff = [Verifier, Finance, Auditor, Admin];

    public static string DisplayName(string role) => role switch
    {
        Applicant => "申请人",
        Verifier => "审核员（知识产权局）",
        Finance => "财务审批（财政局）",
        Auditor => "审计",
        Admin => "系统管理员",
        _ => role,
    };
}
