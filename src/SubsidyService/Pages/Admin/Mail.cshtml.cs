using Microsoft.AspNetCore.Mvc;
using Npgsql;
using SubsidyService.Kernel;
using SubsidyService.Notifications;
using SubsidyService.Operations;
using SubsidyService.Pages.Claims;

namespace SubsidyService.Pages.Admin;

/// <summary>
/// The outbox for the operator: what waits and what gave up (with the last error) by default, counted by status,
/// searched by recipient, sortable, paged and exported without the mails' bodies; and a button to send again.
/// </summary>
public sealed class MailModel(NpgsqlDataSource db, Outbox outbox, SmtpOptions smtp, ISecurityEvents security, TimeProvider clock) : ServicePageModel
{
    public const string Unsent = "pending,dead";

    public static readonly IReadOnlyList<(string Value, string Name)> Filters =
        [(Unsent, "未发出（待发送、发送失败）"), ("pending", "待发送"), ("dead", "发送失败"), ("sent", "已发送"), ("", "全部")];

    public bool MailOn => smtp.IsConfigured;
    public string Server => $"{smtp.Host}:{smtp.Port}";

    /// <summary>Absent: the messages not sent. Present but blank ("全部"): every message, which binding leaves as null.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; } = Unsent;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public ListPage<OutboxRow> Messages { get; private set; } = new([], 1, ListPage.DefaultSize, 0);
    public IReadOnlyDictionary<string, long> Counts { get; private set; } = new Dictionary<string, long>();

    public string StatusValue => Status ?? "";
    public bool Searching => !string.IsNullOrWhiteSpace(Q);
    public string FilterName => Filters.FirstOrDefault(f => f.Value == StatusValue).Name ?? "所选状态";

    private Dictionary<string, string?> Filter => new() { ["status"] = StatusValue, ["q"] = Q };
    public ListLinks Links => new(Url.Content("~/Admin/Mail"), Filter, Sort);
    public StatusChips Chips => StatusChips.Of(Filters, Counts, StatusValue, Links) with { Capped = true };
    public Pager Pager => Pager.For(Messages, Url.Content("~/Admin/Mail"), new Dictionary<string, string?>(Filter) { ["sort"] = Sort }, "封");

    public async Task OnGetAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        Counts = await Outbox.CountsAsync(conn);
        if (Parse() is { } q) Messages = await Outbox.PageAsync(conn, q.Filter, q.Sort, Math.Max(1, PageNumber), ListPage.DefaultSize);
    }

    /// <summary>The list as filtered and sorted on the page, every page of it; never a body (it may hold personal data).</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (Parse() is not { } q)
        {
            await OnGetAsync();
            return Page();
        }
        await using var conn = await db.OpenConnectionAsync(HttpContext.RequestAborted);
        await ListCsv.WriteAsync(Response, ListLinks.FileName("outbox", clock.Today()), Columns, Outbox.Export(conn, q.Filter, q.Sort));
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id)
    {
        await using var conn = await db.OpenConnectionAsync();
        var resent = await outbox.ResendAsync(conn, id);
        if (resent) await security.RecordAsync(SecurityAct.MailResent, id.ToString());
        Notice = resent
            ? MailOn ? "已安排立即重新发送。" : "已重新排入发件队列；邮件发送未开启，暂不会发出。"
            : "该邮件已发出或不存在。";
        return RedirectToPage();
    }

    public static string StatusName(string status) => status switch
    {
        "pending" => "待发送",
        "dead" => "发送失败",
        "sent" => "已发送",
        _ => status,
    };

    public static readonly IReadOnlyList<ListCsv.Column<OutboxRow>> Columns =
    [
        new("状态", m => StatusName(m.Status)),
        new("收件人", m => m.ToName),
        new("收件地址", m => m.ToAddress),
        new("主题", m => m.Subject),
        new("类别", m => m.Kind),
        new("生成时间", m => ListCsv.Time(m.CreatedAt)),
        new("已尝试次数", m => m.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("下次尝试", m => m.Status == "pending" ? ListCsv.Time(m.NextAttemptAt) : null),
        new("发出时间", m => ListCsv.Time(m.SentAt)),
        new("最近错误", m => m.LastError),
        new("申请编号", m => m.ClaimId?.ToString()),
        new("邮件编号", m => m.Id.ToString()),
    ];

    private (OutboxFilter Filter, ListSort? Sort)? Parse()
    {
        var filter = OutboxFilter.Parse(Status, Q);
        var sort = OutboxFilter.Sorts.Parse(Sort);
        if (filter.Succeeded && sort.Succeeded) return (filter.Value!, sort.Value);
        Show(Refusal.Validation(new[] { filter.Refusal, sort.Refusal }.Where(r => r?.Errors is not null)
            .SelectMany(r => r!.Errors!).ToDictionary(e => e.Key, e => e.Value)));
        return null;
    }
}
