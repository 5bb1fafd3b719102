namespace SubsidyService.Claims;

/// <summary>The reason codes a rejection may carry, with the wording of the rejection notice.</summary>
public static class RejectionReasons
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["not_domiciled"] = "申请人户籍地或注册地不在本县",
        ["not_won"] = "案件结果不属于胜诉",
        ["case_type_not_covered"] = "案件类型不在补助范围内",
        ["no_invoice"] = "无发票支持维权代理费",
        ["duplicate_funding"] = "同一案件已获其他各级政府同类资助或奖励",
        ["evidence_insufficient"] = "证明材料不足或不真实",
        ["outside_application_window"] = "超出申请期限",
        ["not_rights_holder"] = "申请人不是维权请求人（在本案中为被告）",
        ["other"] = "其他原因",
    };
}
