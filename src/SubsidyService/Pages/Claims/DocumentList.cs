using SubsidyService.Claims;

namespace SubsidyService.Pages.Claims;

/// <summary>What the documents partial needs: whose page the links go through, and what this person may do there.</summary>
public sealed record DocumentList(ClaimView Claim, string BasePath, bool Removable, bool Preview);
