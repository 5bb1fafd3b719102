namespace SubsidyService.Domain.Policy;

/// <summary>
/// The words of item 13 (加强维权补助) that decisions cite. Kept verbatim: a trace must quote the source,
/// and a test checks every clause is a substring of <see cref="SourceText"/>.
/// </summary>
public static class Item13
{
    public const string SourceText =
        "对专利侵权诉讼案件中胜诉的县维权请求人〔户籍地在县的自然人或者注册地在县的企业法人〕,按照维权代理费的50%给予补助。" +
        "其中,对自然人补助不超过5000元;对法人补助不超过1万元。" +
        "对在涉外或具有重大影响的知识产权案件中胜诉的企事业单位,代理费补助不超过5万元。" +
        "〔以上补助不与其他各级政府同类项目的资助或奖励重复发放。〕";

    public const string WinningClaimant = "对专利侵权诉讼案件中胜诉的县维权请求人";
    public const string Domicile = "户籍地在县的自然人或者注册地在县的企业法人";
    public const string Rate = "按照维权代理费的50%给予补助";
    public const string AgencyFee = "维权代理费";
    public const string NaturalPersonCap = "对自然人补助不超过5000元";
    public const string LegalPersonCap = "对法人补助不超过1万元";
    public const string MajorOrForeign = "对在涉外或具有重大影响的知识产权案件中胜诉的企事业单位,代理费补助不超过5万元";
    public const string NoDuplicateFunding = "以上补助不与其他各级政府同类项目的资助或奖励重复发放";

    /// <summary>Item 13 sets no application window; a version that does cites itself, so there is nothing to quote.</summary>
    public const string None = "";

    public static string CapClause(Tier tier) => tier switch
    {
        Tier.NaturalPerson => NaturalPersonCap,
        Tier.LegalPerson => LegalPersonCap,
        Tier.MajorOrForeign => MajorOrForeign,
        _ => throw new ArgumentOutOfRangeException(nameof(tier), tier, null),
    };
}
