using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SubsidyService.Accounts;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Account;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AccountsExtensions.RegistrationRateLimit)]
public sealed class RegisterModel(AccountService accounts, TokenIssuer tokens) : PageModel
{
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Password { get; set; }
    /// <summary>The personal-information notice read and agreed to; registration waits for it.</summary>
    [BindProperty] public bool PrivacyConsent { get; set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!PrivacyConsent)
        {
            // The other fields are checked too, so that one post names everything left to do.
            Errors = AccountRules.Check(Username, Password, Email, DisplayName);
            Errors["privacyConsent"] = [ConsentRequired];
            return Page();
        }
        var result = await accounts.CreateAsync(Username, Password, Email, DisplayName, Roles.Applicant, privacyNoticeVersion: PrivacyNotice.Version);
        if (!result.Succeeded)
        {
            Errors = result.Refusal!.FieldErrors;
            return Page();
        }
        await tokens.SignInCookieAsync(HttpContext, result.Value!);
        return LocalRedirect(PagesExtensions.HomeOf(Roles.Applicant));
    }

    public const string ConsentRequired = "请阅读《个人信息处理告知》，勾选同意后再注册。";

    public string ErrorsFor(string field) => FieldErrors.Html(Errors, field);
}
