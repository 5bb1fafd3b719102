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
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await accounts.CreateAsync(Username, Password, Email, DisplayName, Roles.Applicant);
        if (!result.Succeeded)
        {
            Errors = result.Refusal!.FieldErrors;
            return Page();
        }
        await tokens.SignInCookieAsync(HttpContext, result.Value!);
        return LocalRedirect(PagesExtensions.HomeOf(Roles.Applicant));
    }

    public string ErrorsFor(string field) => FieldErrors.Html(Errors, field);
}
