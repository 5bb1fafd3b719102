using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SubsidyService.Accounts;
using SubsidyService.Kernel;
using SubsidyService.Operations;

namespace SubsidyService.Pages.Admin;

/// <summary>One account for the administrator: disable or enable it, reset its password, change its role.</summary>
public sealed class UserAccountModel(UserStore users, AccountAdministration administration) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(Name = "role")] public string? NewRole { get; set; }
    [TempData] public string? Done { get; set; }

    public User Account { get; private set; } = null!;

    /// <summary>The reset's one-time password: shown on the answer to the post alone, never stored or redirected with.</summary>
    public string? OneTimePassword { get; private set; }

    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string? Problem { get; private set; }

    public bool IsSelf => Account.Id == Actor.From(User).Id;
    public bool IsStaff => Account.Role != Roles.Applicant;
    public string State => Account.DisabledAt is not null ? $"已停用（{ChinaTime.Format(Account.DisabledAt.Value)} 起）"
        : Account.MustChangePassword ? "正常（密码已重置，待本人修改）" : "正常";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public Task<IActionResult> OnPostDisableAsync() =>
        ActAsync(administration.DisableAsync(Actor.From(User), Id), "账户已停用：该账户的登录和令牌已立即失效，不能再登录，直至重新启用。");

    public Task<IActionResult> OnPostEnableAsync() =>
        ActAsync(administration.EnableAsync(Actor.From(User), Id), "账户已启用，可以重新登录。");

    public Task<IActionResult> OnPostRoleAsync() =>
        ActAsync(administration.ChangeRoleAsync(Actor.From(User), Id, NewRole),
            $"角色已改为{Roles.DisplayName(NewRole ?? "")}。该账户原有的登录已失效，重新登录后按新角色办理。");

    public async Task<IActionResult> OnPostResetAsync()
    {
        var reset = await administration.ResetPasswordAsync(Actor.From(User), Id);
        if (reset.Refusal is { Status: 404 }) return NotFound();
        if (!await LoadAsync()) return NotFound();
        if (reset.Succeeded) OneTimePassword = reset.Value;
        else Show(reset.Refusal!);
        return Page();
    }

    public string ErrorsFor(string field) => FieldErrors.Html(Errors, field);

    private async Task<IActionResult> ActAsync(Task<Refusal?> act, string done)
    {
        var refused = await act;
        if (refused is { Status: 404 }) return NotFound();
        if (refused is null)
        {
            Done = done;
            return RedirectToPage(new { id = Id });
        }
        if (!await LoadAsync()) return NotFound();
        Show(refused);
        return Page();
    }

    private void Show(Refusal refused)
    {
        if (refused.Errors is not null) Errors = refused.FieldErrors;
        else Problem = refused.Detail ?? refused.Title;
    }

    private async Task<bool> LoadAsync()
    {
        if (await users.FindAsync(Id) is not { } account) return false;
        Account = account;
        return true;
    }
}
