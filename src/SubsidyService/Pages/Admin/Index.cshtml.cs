using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SubsidyService.Accounts;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Admin;

public sealed class IndexModel(AccountService accounts, UserStore users) : PageModel
{
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string Role { get; set; } = Roles.Verifier;
    [BindProperty] public string? Password { get; set; }
    [TempData] public string? Added { get; set; }
    public IReadOnlyList<User> Users { get; private set; } = [];
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public async Task OnGetAsync() => Users = await users.ListAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var result = Roles.Staff.Contains(Role)
            ? await accounts.CreateAsync(Username, Password, Email, DisplayName, Role)
            : Refusal.Validation("role", "请选择工作人员角色。");
        if (!result.Succeeded)
        {
            Errors = result.Refusal!.FieldErrors;
            Users = await users.ListAsync();
            return Page();
        }
        Added = result.Value!.Username;
        return RedirectToPage();
    }

    public string ErrorsFor(string field) => FieldErrors.Html(Errors, field);
}
