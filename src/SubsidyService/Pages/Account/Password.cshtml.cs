using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SubsidyService.Accounts;

namespace SubsidyService.Pages.Account;

/// <summary>
/// Changing one's own password; where a sign-in with a password an administrator reset is sent before anything else.
/// The new password renews the stamp, so the page signs its person in again under it.
/// </summary>
[Authorize]
public sealed class PasswordModel(AccountService accounts, UserStore users, TokenIssuer tokens) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public string? NewPassword { get; set; }
    [BindProperty] public string? ConfirmPassword { get; set; }
    [TempData] public string? Changed { get; set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    /// <summary>An administrator reset the password: this page is the only one open until it is changed.</summary>
    public bool Required => User.HasClaim(TokenIssuer.MustChangePasswordClaim, "true");

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!string.Equals(NewPassword, ConfirmPassword, StringComparison.Ordinal))
        {
            Errors["confirmPassword"] = ["两次输入的新密码不一致。"];
            return Page();
        }
        var id = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        if (await accounts.ChangePasswordAsync(id, CurrentPassword, NewPassword) is { } refused)
        {
            Errors = refused.FieldErrors;
            return Page();
        }
        await tokens.SignOutAsync(User);
        if (await users.FindAsync(id) is { DisabledAt: null } user) await tokens.SignInCookieAsync(HttpContext, user);
        Changed = "密码已修改。此前在其他设备上的登录均已失效，请在那里用新密码重新登录。";
        return RedirectToPage();
    }

    public string Home => PagesExtensions.HomeOf(User.FindFirstValue(ClaimTypes.Role));

    public string ErrorsFor(string field) => FieldErrors.Html(Errors, field);
}
