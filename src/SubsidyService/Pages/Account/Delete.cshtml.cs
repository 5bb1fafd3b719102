using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SubsidyService.Accounts;
using SubsidyService.Operations;

namespace SubsidyService.Pages.Account;

/// <summary>
/// An applicant deletes their own account: what goes and what stays, said before the password is asked for; an
/// account that ever submitted a claim is told why it stays and is shown no form.
/// </summary>
[Authorize(Roles = Roles.Applicant)]
public sealed class DeleteModel(AccountDeletion deletion, IConfiguration config) : PageModel
{
    [BindProperty] public string? CurrentPassword { get; set; }
    [BindProperty] public bool Understood { get; set; }
    public string? KeptBecause { get; private set; }
    public bool Deleted { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task OnGetAsync() => KeptBecause = await deletion.KeptBecauseAsync(Id);

    public async Task<IActionResult> OnPostAsync()
    {
        if (!Understood)
        {
            Errors["understood"] = ["请勾选“我已了解”，确认您知道注销后无法恢复。"];
            KeptBecause = await deletion.KeptBecauseAsync(Id);
            return Page();
        }
        if (await deletion.DeleteAsync(Id, CurrentPassword, ClientAddress.Of(HttpContext)) is { } refused)
        {
            if (refused.Status == StatusCodes.Status409Conflict) KeptBecause = refused.Detail;
            Errors = refused.FieldErrors;
            return Page();
        }
        await HttpContext.SignOutAsync(AccountsExtensions.CookieScheme);
        // The answer is drawn for no one: the header offers signing in, not the deleted account's pages.
        HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity());
        Deleted = true;
        return Page();
    }

    public int AccountingRecordYears => config.GetValue("Retention:AccountingRecordYears", 30);

    private Guid Id => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public string ErrorsFor(string field) => FieldErrors.Html(Errors, field);
}
