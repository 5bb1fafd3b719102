using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SubsidyService.Accounts;
using SubsidyService.Jobs;
using SubsidyService.Kernel;
using SubsidyService.Operations;
using SubsidyService.Pages.Claims;
using SubsidyService.Payouts;

namespace SubsidyService.Pages.Admin;

/// <summary>Accounts: open a staff account; every account counted by role, filtered, sorted, paged and exported as CSV.</summary>
public sealed class IndexModel(AccountService accounts, AccountList list, PayoutPause pause, RecurringJobCatalog jobCatalog, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string Role { get; set; } = Roles.Verifier;
    [BindProperty] public string? Password { get; set; }
    [TempData] public string? Added { get; set; }

    /// <summary>The payout switch: an administrator pauses (with a reason); only finance resumes, on the payouts page.</summary>
    [BindProperty] public string? PauseReason { get; set; }
    [TempData] public bool PausedNow { get; set; }
    public PayoutPauseView Pause { get; private set; } = new(false, null, null, null);

    /// <summary>The list's filter: not "role", which the form above posts for the new account.</summary>
    [BindProperty(SupportsGet = true, Name = "accountRole")] public string? AccountRole { get; set; }
    [BindProperty(SupportsGet = true, Name = "q")] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "sort")] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>The scheduled jobs, explained: the dashboard at /jobs names them but cannot say what they are for.</summary>
    public IReadOnlyList<RecurringJobInfo> Jobs => jobCatalog.All();

    public IReadOnlyList<User> Users { get; private set; } = [];
    public IReadOnlyDictionary<string, long> Counts { get; private set; } = new Dictionary<string, long>();
    public long Total { get; private set; }
    public Dictionary<string, string[]> Errors { get; private set; } = [];

    public static readonly IReadOnlyList<(string Value, string Name)> RoleFilters =
        [("", "全部"), .. Roles.All.Select(r => (r, Roles.DisplayName(r)))];

    private Dictionary<string, string?> Filter => new() { ["accountRole"] = AccountRole, ["q"] = Q };
    public ListLinks Links => new(Url.Content("~/Admin"), Filter, Sort);
    public StatusChips Chips => new(RoleFilters.Select(r => (r.Value, r.Name, r.Value.Length == 0 ? Counts.Values.Sum() : Counts.GetValueOrDefault(r.Value))).ToList(),
        AccountRole ?? "", Links, "accountRole");
    public Pager Pager => Pager.For(Math.Max(1, PageNumber), PageSize, Total, Url.Content("~/Admin"), new Dictionary<string, string?>(Filter) { ["sort"] = Sort });

    public bool Locked(User u) => u.LockedUntil > clock.GetUtcNow().UtcDateTime;
    public string State(User u) => u.DisabledAt is not null ? "已停用" : Locked(u) ? $"登录受限至 {ChinaTime.Format(u.LockedUntil!.Value)}" : "正常";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (!SortIsKnown())
        {
            await LoadAsync();
            return Page();
        }
        await ListCsv.WriteAsync(Response, ListLinks.FileName("accounts", clock.Today()),
        [
            new ListCsv.Column<User>("用户名", u => u.Username), new("姓名", u => u.DisplayName), new("角色", u => Roles.DisplayName(u.Role)),
            new("电子邮箱", u => u.Email), new("状态", State), new("开设时间", u => ChinaTime.Format(u.CreatedAt)),
        ], list.ExportAsync(Query));
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = Roles.Staff.Contains(Role)
            ? await accounts.CreateAsync(Username, Password, Email, DisplayName, Role)
            : Refusal.Validation("role", "请选择工作人员角色。");
        if (!result.Succeeded)
        {
            Errors = result.Refusal!.FieldErrors;
            await LoadAsync();
            return Page();
        }
        Added = result.Value!.Username;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPauseAsync()
    {
        var paused = await pause.PauseAsync(Actor.From(User), PauseReason);
        if (!paused.Succeeded)
        {
            Errors = paused.Refusal!.Errors is null ? new() { ["pauseReason"] = [paused.Refusal.Message] }
                : paused.Refusal.FieldErrors.ToDictionary(e => e.Key == "reason" ? "pauseReason" : e.Key, e => e.Value);
            await LoadAsync();
            return Page();
        }
        PausedNow = true;
        return RedirectToPage();
    }

    public string ErrorsFor(string field) => FieldErrors.Html(Errors, field);

    private AccountQuery Query => new(AccountRole, Q, Sort);

    private async Task LoadAsync()
    {
        Pause = await pause.GetAsync();
        Counts = await list.CountsByRoleAsync();
        if (!SortIsKnown()) return;
        (Users, Total) = await list.PageAsync(Query, Math.Max(1, PageNumber), PageSize);
    }

    /// <summary>An unknown sort is shown as an error above the list, naming the sorts there are.</summary>
    private bool SortIsKnown()
    {
        if (Query.SortIsKnown) return true;
        Errors = new() { ["sort"] = [$"无法按“{Sort}”排序，可用的排序为 {string.Join("、", AccountQuery.SortColumns.Keys)}（前加 - 为倒序）。"] };
        return false;
    }
}
