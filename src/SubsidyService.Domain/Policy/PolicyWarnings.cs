using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Domain.Policy;

/// <summary>
/// What in a valid policy version departs from item 13's own text (POLICY.md) in the applicants' favour or
/// skips the public's check: a county may decide so, but an administrator confirms it knowingly before it is saved.
/// </summary>
public static class PolicyWarnings
{
    /// <summary>The text's numbers: 50% of the fee; 5,000, 10,000 and 50,000 yuan.</summary>
    private static PolicyVersion Text => PolicyVersion.Default;

    public static IReadOnlyList<string> Of(PolicyVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var warnings = new List<string>();
        if (version.PublicNoticeWorkingDays == 0)
            warnings.Add("公示期为 0 个工作日：批准后不经公示即进入拨付，公众无从提出异议。");
        if (version.Rate > Text.Rate)
            warnings.Add($"补助比例 {Invariant.Percent(version.Rate)} 高于政策原文的代理费的 {Invariant.Percent(Text.Rate)}。");
        foreach (var (tier, cap) in version.Caps.OrderBy(c => c.Key))
        {
            if (Text.CapOf(tier) is { } textCap && cap > textCap)
                warnings.Add($"{TierName(tier)}补助上限 {Yuan(cap)} 元高于政策原文的 {Yuan(textCap)} 元。");
        }
        return warnings;
    }

    private static string Yuan(decimal amount) => amount.ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture);

    private static string TierName(Tier tier) => tier switch
    {
        Tier.NaturalPerson => "自然人档",
        Tier.LegalPerson => "法人档",
        _ => "涉外或重大影响档",
    };
}
