namespace SubsidyService.Claims;

/// <summary>Why money is recovered (POLICY.md "Recovery and bars"), with the words the notice and the pages use.</summary>
public static class RecoveryGrounds
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["duplicate_funding"] = "同一案件已获其他各级政府同类资助或奖励",
        ["fraud"] = "以虚假材料骗取补助",
        ["judgment_overturned"] = "再审改判，原判决已被撤销",
        ["other"] = "其他应予追回的情形",
    };

    public static string Name(string grounds) => All.GetValueOrDefault(grounds, grounds);
}
