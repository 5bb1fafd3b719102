namespace SubsidyService.Claims;

/// <summary>The defects a verifier ticks when asking for a supplement; free text covers the rest.</summary>
public static class SupplementDefects
{
    public static readonly IReadOnlyList<string> Checklist =
    [
        "判决书（或裁定书）缺失、不完整或不清晰",
        "缺少判决生效证明",
        "缺少维权代理合同",
        "缺少代理费发票，或发票金额与代理费不符",
        "缺少申请人身份证明或营业执照",
        "户籍地或注册地证明不足",
        "收款账户信息有误或户名与申请人不一致",
        "其他级别政府资助情况未说明",
    ];

    public const int MaxItems = 20;
    public const int MaxItemLength = 200;
}
