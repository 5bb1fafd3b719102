namespace SubsidyService.Domain.Policy;

/// <summary>Chinese names of the policy's enums, for messages, traces and letters.</summary>
public static class ChineseNames
{
    public static string Of(ApplicantType value) => value switch
    {
        ApplicantType.NaturalPerson => "自然人",
        ApplicantType.Enterprise => "企业",
        ApplicantType.Institution => "事业单位",
        _ => value.ToString(),
    };

    public static string Of(CaseType value) => value switch
    {
        CaseType.PatentInfringement => "专利侵权",
        CaseType.Trademark => "商标",
        CaseType.Copyright => "著作权",
        CaseType.TradeSecret => "商业秘密",
        CaseType.UnfairCompetition => "不正当竞争",
        CaseType.PlantVariety => "植物新品种",
        CaseType.OtherIp => "其他知识产权",
        _ => value.ToString(),
    };

    public static string Of(CaseOutcome value) => value switch
    {
        CaseOutcome.Won => "胜诉",
        CaseOutcome.PartiallyWon => "部分胜诉",
        CaseOutcome.Lost => "败诉",
        CaseOutcome.Settled => "调解或和解",
        CaseOutcome.Withdrawn => "撤诉",
        _ => value.ToString(),
    };

    public static string Of(Tier value) => value switch
    {
        Tier.NaturalPerson => "自然人档",
        Tier.LegalPerson => "法人档",
        Tier.MajorOrForeign => "涉外或重大影响档",
        _ => value.ToString(),
    };

    public static string Of(PartyRole value) => value switch
    {
        PartyRole.Plaintiff => "原告/请求人",
        PartyRole.Defendant => "被告",
        _ => value.ToString(),
    };

    public static string YesNo(bool value) => value ? "是" : "否";
}
