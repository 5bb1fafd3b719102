using SubsidyService.Domain.Claims;

namespace SubsidyService.Claims;

/// <summary>The defects a verifier ticks when asking for a supplement; free text covers the rest.</summary>
public static class SupplementDefects
{
    private const string Judgment = "判决书（或裁定书）缺失、不完整或不清晰";
    private const string EffectProof = "缺少判决生效证明";
    private const string AgencyContract = "缺少维权代理合同";
    private const string Invoice = "缺少代理费发票，或发票金额与代理费不符";
    private const string PaymentProof = "缺少代理费支付凭证（银行转账记录等）";
    private const string IdProof = "缺少申请人身份证明或营业执照";

    public static readonly IReadOnlyList<string> Checklist =
    [
        Judgment,
        EffectProof,
        AgencyContract,
        Invoice,
        PaymentProof,
        IdProof,
        "户籍地或注册地证明不足",
        "收款账户信息有误或户名与申请人不一致",
        "其他级别政府资助情况未说明",
    ];

    /// <summary>
    /// The checklist item asking for a kind of document: the supplement form ticks it for each required kind the
    /// claim lacks, so that one request names everything missing (一次告知).
    /// </summary>
    public static string For(DocumentKind kind) => kind switch
    {
        DocumentKind.Judgment => Judgment,
        DocumentKind.EffectProof => EffectProof,
        DocumentKind.AgencyContract => AgencyContract,
        DocumentKind.Invoice => Invoice,
        DocumentKind.PaymentProof => PaymentProof,
        DocumentKind.IdProof => IdProof,
        _ => $"缺少{Materials.NameOf(kind)}",
    };

    public const int MaxItems = 20;
    public const int MaxItemLength = 200;
}
