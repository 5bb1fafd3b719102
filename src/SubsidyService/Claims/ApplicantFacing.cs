using System.Text.Json;
using SubsidyService.Accounts;
using SubsidyService.Claims.Triggers;

namespace SubsidyService.Claims;

/// <summary>
/// What an applicant is shown of a claim's screening and history (POLICY.md "What an applicant sees"): never
/// another claim, another applicant or a register's recipient, the county's budget or a staff member's name or
/// username: staff appear by their role.
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

    public static string ActorName(Guid? actorId, string? role, Guid viewer) =>
        actorId == viewer ? "本人"
        : role is null ? "系统"
        : Roles.DisplayName(role);

    /// <summary>
    /// A register's recovery proposal is the staff's to decide: nobody owes anything until it is confirmed. An
    /// objection is a third party's word about the applicant: who objected is never the applicant's to see; a
    /// sustained one shows as the <c>object</c> transition and its reason.
    /// </summary>
    private static readonly HashSet<string> StaffOnlyKinds = ["recovery_proposed", "recovery_dismissed", "objection_recorded", "objection_dismissed"];

    /// <summary>Whether the applicant's history shows an event of this kind at all.</summary>
    public static bool Shows(string kind) => !StaffOnlyKinds.Contains(kind);

    /// <summary>The event's data through its record's allow-list (<see cref="ClaimEventData.ForApplicant"/>).</summary>
    public static JsonElement? EventData(string kind, string? data) =>
        Triggers.EventData.Read(kind, data)?.ForApplicant() is { } shown ? Triggers.EventData.ToElement(shown) : null;
}
