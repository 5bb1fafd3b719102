using SubsidyService.Claims;

namespace SubsidyService.Pages.Claims;

/// <summary>What the earlier-claims partial needs: the claim, and whose pages its links open.</summary>
public sealed record PriorClaimsPanel(ClaimView Claim, string BasePath)
{
    public static string Relation(string code) => code switch
    {
        "same_identity" => "同一申请人",
        "same_case" => "同一案件",
        "same_patent" => "同一专利",
        _ => code,
    };
}
