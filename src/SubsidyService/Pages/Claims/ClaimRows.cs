namespace SubsidyService.Pages.Claims;

/// <summary>The row index left in the form's row templates; claim-form.js puts the real index in its place.</summary>
public static class ClaimRows
{
    public const string Placeholder = "__i__";
}
