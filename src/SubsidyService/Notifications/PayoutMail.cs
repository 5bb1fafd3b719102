using Npgsql;
using SubsidyService.Notifications.Templates;
using SubsidyService.Operations;
using SubsidyService.Payouts;

namespace SubsidyService.Notifications;

/// <summary>Answers <see cref="IPayoutNotices"/>: every finance user is told when the bank has answered a whole batch.</summary>
public sealed class PayoutMail(Notifier notifier) : IPayoutNotices
{
    public Task BatchSettledAsync(NpgsqlConnection conn, NpgsqlTransaction tx, BatchSettled b) =>
        notifier.ToRoleAsync(conn, tx, Accounts.Roles.Finance, MailKinds.BatchCompleted,
            name => new BatchCompletedMail(name, b.Number, ChinaTime.Format(b.SettledAt), b.Count, Notifier.Money(b.TotalAmount),
                b.SucceededCount, Notifier.Money(b.SucceededAmount), b.FailedCount, Notifier.Money(b.FailedAmount)),
            dedupeKey: $"batch_completed:{b.BatchId}");
}
