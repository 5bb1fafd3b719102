using System.Text.Json;
using SubsidyService.Accounts;

namespace SubsidyService.Claims;

/// <summary>
/// What an applicant is shown of a claim's screening and history: never another claim, another applicant or a
/// register's recipient, and staff by their role and display name, never by username (a username is half of a
/// login, and staff accounts lock after failed attempts).
/// </summary>
public static class ApplicantFacing
{
    public static string FlagDetail(string code) => code switch
    {
        FlagCodes.SharedCase => "同一案件另有申请人提出申请（如共同原告），审核人将予以核实。",
        FlagCodes.ExternalFundingMatch => "本案与外部资助名录中的记录相符，审核人将核实是否已获其他各级政府同类资助。",
        FlagCodes.IdentityConflict => "另有账户以同一证件号码就同一案件提出申请，审核人将核实身份证明。",
        FlagCodes.SameDispute => "另有申请涉及同一专利和同一对方当事人，审核人将核实是否为同一纠纷（同一纠纷只补助一次）。",
        FlagCodes.DomicileUnverified => "证件号码显示的地区不是本县，审核人将核实户籍或注册地证明。",
        _ => "审核人将核实筛查发现的问题。",
    };

    public static string ActorName(Guid? actorId, string? role, string? displayName, Guid viewer) =>
        actorId == viewer ? "本人"
        : role is null ? "系统"
        : $"{Roles.DisplayName(role)} {displayName}".Trim();

    /// <summary>Screening events say what matched; the applicant sees that something did, not what.</summary>
    private static readonly HashSet<string> ScreeningTriggers = ["screening_flag", "screening_flag_raised", "resolve_screening"];

    public static JsonElement? EventData(string trigger, string? data) =>
        data is null || ScreeningTriggers.Contains(trigger) ? null : JsonDocument.Parse(data).RootElement.Clone();
}
