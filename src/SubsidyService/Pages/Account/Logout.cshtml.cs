using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SubsidyService.Accounts;

namespace SubsidyService.Pages.Account;

public sealed class LogoutModel(TokenIssuer tokens) : PageModel
{
    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        // The session row ends first: a copy of the cookie kept elsewhere stops working too.
        await tokens.SignOutAsync(User);
        await HttpContext.SignOutAsync(AccountsExtensions.CookieScheme);
        return LocalRedirect("~/Account/Login");
    }
}
