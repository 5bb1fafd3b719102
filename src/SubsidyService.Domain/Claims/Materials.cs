using SubsidyService.Domain.Kernel;

namespace SubsidyService.Domain.Claims;

/// <summary>
/// The materials a claim must carry before it is verified (POLICY.md "Materials", 一次告知): which kinds a
/// policy version requires by default, their names in Chinese, and which of them a claim still lacks.
/// </summary>
public static class Materials
{
    /// <summary>The default of every policy version; a certificate of effect is optional (most judgments say so themselves).</summary>
    public static IReadOnlyList<DocumentKind> DefaultRequired { get; } =
    [
        DocumentKind.Judgment, DocumentKind.AgencyContract, DocumentKind.Invoice, DocumentKind.PaymentProof, DocumentKind.IdProof,
    ];

    /// <summary>The required kinds not among those present, in the order the version lists them, each once.</summary>
    public static IReadOnlyList<DocumentKind> Missing(IEnumerable<DocumentKind> required, IEnumerable<DocumentKind> present)
    {
        ArgumentNullException.ThrowIfNull(required);
        ArgumentNullException.ThrowIfNull(present);
        var have = present.ToHashSet();
        return required.Distinct().Where(k => !have.Contains(k)).ToList();
    }

    /// <summary>The kinds among <paramref name="codes"/> that are known; unknown codes (none should be stored) count as nothing.</summary>
    public static IEnumerable<DocumentKind> Parse(IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        foreach (var code in codes)
            if (EnumCodes.TryParse<DocumentKind>(code, out var kind)) yield return kind;
    }

    public static string NameOf(DocumentKind kind) => kind switch
    {
        DocumentKind.Judgment => "判决书",
        DocumentKind.AgencyContract => "代理合同",
        DocumentKind.Invoice => "代理费发票",
        DocumentKind.PaymentProof => "代理费支付凭证",
        DocumentKind.IdProof => "身份证明",
        DocumentKind.EffectProof => "判决生效证明",
        DocumentKind.Other => "其他材料",
        _ => kind.ToString(),
    };
}
