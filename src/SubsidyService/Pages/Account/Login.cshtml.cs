using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SubsidyService.Accounts;
using SubsidyService.Operations;

namespace SubsidyService.Pages.Account;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(AccountsExtensions.SignInRateLimit)]
public sealed class LoginModel(AccountService accounts, TokenIssuer tokens) : PageModel
{
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Username) || string.IsNullOrEmpty(Password))
        {
            Error = "请填写用户名和密码。";
            return Page();
        }
        var result = await accounts.LoginAsync(Username, Password, ClientAddress.Of(HttpContext));
        switch (result.Outcome)
        {
            case LoginOutcome.Success:
                await tokens.SignInCookieAsync(HttpContext, result.User!);
                if (result.User!.MustChangePassword) return LocalRedirect("~" + PasswordChangeGate.PagePath);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : PagesExtensions.HomeOf(result.User!.Role));
            case LoginOutcome.Throttled:
                Error = AccountEndpoints.ThrottledMessage(result.RetryAfter!.Value);
                return Page();
            case LoginOutcome.Disabled:
                Error = AccountEndpoints.DisabledMessage;
                return Page();
            default:
                Error = AccountEndpoints.InvalidMessage;
                return Page();
        }
    }
}
