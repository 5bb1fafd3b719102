using Npgsql;
using SubsidyService.Claims.Documents;
using SubsidyService.Notifications.Templates;

namespace SubsidyService.Notifications;

/// <summary>Mails every administrator when the day's upload budget is spent; the dedupe key keeps it to once a day.</summary>
public sealed class UploadBudgetMail(NpgsqlDataSource db, Notifier notifier) : IUploadBudgetAlerts
{
    public async Task BudgetSpentAsync(DateOnly day, long limitBytes)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await notifier.ToRoleAsync(conn, tx, Accounts.Roles.Admin, MailKinds.UploadBudget,
            name => new UploadBudgetMailModel(name, day.ToString("yyyy年M月d日"), $"{limitBytes / 1024 / 1024} MB"),
            dedupeKey: $"upload_budget:{day:yyyy-MM-dd}");
        await tx.CommitAsync();
    }
}
