using Microsoft.AspNetCore.Mvc;
using SubsidyService.Accounts;
using SubsidyService.Audit;
using SubsidyService.Kernel;
using SubsidyService.Operations;
using SubsidyService.Pages.Claims;

namespace SubsidyService.Pages.Auditor;

/// <summary>
/// The security log for auditors: the newest acts of the range on the page, all of them as CSV (the same file as
/// GET /api/v1/audit/security-events, served here under the page's cookie).
/// </summary>
public sealed class SecurityModel(SecurityEventList list) : ServicePageModel
{
    public const int Shown = 200;

    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }

    public IReadOnlyList<SecurityEventRow> Events { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (TryRange(out var range)) Events = await list.ListAsync(range, Shown);
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (!TryRange(out var range)) return Page();
        await list.WriteCsvAsync(HttpContext, range);
        return new EmptyResult();
    }

    private bool TryRange(out DateRange range)
    {
        var errors = new Dictionary<string, string[]>();
        range = DateRange.Parse(From, To, "from", "to", errors);
        if (errors.Count == 0) return true;
        Show(Refusal.Validation(errors));
        return false;
    }

    public static string ActName(string act) => act switch
    {
        "sign_in" => "登录",
        "sign_in_failed" => "登录失败",
        "sign_in_throttled" => "登录受限（失败过多）",
        "sign_in_disabled" => "已停用账户尝试登录",
        "sign_out" => "退出登录",
        "sessions_revoked" => "注销全部登录",
        "password_changed" => "修改密码",
        "account_created" => "创建账户",
        "account_disabled" => "停用账户",
        "account_enabled" => "启用账户",
        "account_unlocked" => "解除登录限制",
        "password_reset" => "重置密码（须由本人修改）",
        "role_changed" => "变更角色",
        "policy_version_added" => "新增政策版本",
        "policy_version_ended" => "设定政策版本失效日期",
        "policy_version_confirmed" => "确认政策版本",
        "data_purged" => "按保存期限清除数据",
        "account_deleted" => "申请人注销账号",
        "policy_version_withdrawn" => "撤回未确认的政策版本",
        "budget_set" => "设定年度预算",
        "payout_batch_requested" => "执行拨付批次",
        "bank_results_imported" => "导入银行回单",
        "payouts_paused" => "暂停拨付",
        "payouts_resumed" => "恢复拨付",
        "database_restore_detected" => "发现数据库已从备份恢复（拨付已自动暂停）",
        "mail_resent" => "重新发送邮件",
        "job_dashboard_action" => "后台任务操作",
        "security_events_exported" => "导出安全事件",
        "export_events" => "导出办理记录",
        "export_letters" => "导出决定书",
        "export_report" => "导出统计明细",
        "calendar_changed" => "修改节假日安排",
        "bar_added" => "列入失信名单",
        "bar_lifted" => "移出失信名单",
        "register_import" => "导入外部资助名录",
        _ => act,
    };

    public static string RoleName(string role) => role switch
    {
        "anonymous" => "未登录",
        "system" => "系统",
        _ => Roles.DisplayName(role),
    };
}
