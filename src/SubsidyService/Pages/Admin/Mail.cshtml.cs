using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;
using SubsidyService.Notifications;

namespace SubsidyService.Pages.Admin;

/// <summary>The outbox for the operator: what waits, what gave up (with the last error), and a button to send again.</summary>
public sealed class MailModel(NpgsqlDataSource db, Outbox outbox, SmtpOptions smtp) : PageModel
{
    public const int Shown = 200;

    public bool MailOn => smtp.IsConfigured;
    public string Server => $"{smtp.Host}:{smtp.Port}";
    public IReadOnlyList<OutboxRow> Pending { get; private set; } = [];
    public IReadOnlyList<OutboxRow> Dead { get; private set; } = [];
    public IReadOnlyDictionary<string, long> Counts { get; private set; } = new Dictionary<string, long>();
    [TempData] public string? Notice { get; set; }

    public async Task OnGetAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        Pending = await Outbox.ListAsync(conn, "pending", Shown);
        Dead = await Outbox.ListAsync(conn, "dead", Shown);
        Counts = await Outbox.CountsAsync(conn);
    }

    public async Task<IActionResult> OnPostResendAsync(Guid id)
    {
        await using var conn = await db.OpenConnectionAsync();
        Notice = await outbox.ResendAsync(conn, id)
            ? MailOn ? "已安排立即重新发送。" : "已重新排入发件队列；邮件发送未开启，暂不会发出。"
            : "该邮件已发出或不存在。";
        return RedirectToPage();
    }

    public long Count(string status) => Counts.GetValueOrDefault(status);
}
