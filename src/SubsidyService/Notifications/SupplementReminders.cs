using Dapper;
using Npgsql;
using SubsidyService.Accounts;
using SubsidyService.Claims;
using SubsidyService.Domain.Calendar;
using SubsidyService.Domain.Kernel;
using SubsidyService.Jobs;
using SubsidyService.Kernel;
using SubsidyService.Notifications.Templates;
using SubsidyService.Operations;

namespace SubsidyService.Notifications;

/// <summary>
/// Daily at 09:00 China time: the applicant whose supplement deadline is two working days away (or nearer, should a
/// run have been missed) is reminded, by mail and in the claim's inbox, once per deadline however often the job runs.
/// </summary>
[JobDescription("补正期限提醒", "补正期限前两个工作日，以邮件和站内消息提醒申请人按期补正；同一期限只提醒一次。")]
public sealed class SupplementReminderJob(SupplementReminders reminders, TimeProvider clock) : IRecurringJob
{
    public const string Id = "supplement-reminders";

    public Task RunAsync(CancellationToken ct) => reminders.SendAsync(clock.Today(), ct);
}

public sealed class SupplementReminders(NpgsqlDataSource db, WorkingDayCalendar calendar, Notifier notifier, TimeProvider clock,
    ILogger<SupplementReminders> logger)
{
    /// <summary>How many working days before the deadline the applicant is reminded.</summary>
    public const int WorkingDaysBefore = 2;

    /// <returns>How many reminders were written.</returns>
    public async Task<int> SendAsync(DateOnly today, CancellationToken ct = default)
    {
        // Working days are the calendar's, not the database's: read the deadlines within reach and count here.
        var horizon = calendar.AddWorkingDays(today, WorkingDaysBefore);
        await using var conn = await db.OpenConnectionAsync(ct);
        var due = (await SupplementsDue.BetweenAsync(conn, today, horizon))
            .Where(c => calendar.WorkingDaysBetween(today, c.DueOn) <= WorkingDaysBefore).ToList();
        var sent = 0;
        foreach (var claim in due)
        {
            ct.ThrowIfCancellationRequested();
            await using var tx = await conn.BeginTransactionAsync(ct);
            var first = await conn.ExecuteAsync("""
                INSERT INTO supplement_reminders (claim_id, due_on, sent_at) VALUES (@id, @due::date, @now)
                ON CONFLICT DO NOTHING
                """, new { id = claim.Id, due = claim.DueOn.ToDateTime(TimeOnly.MinValue), now = clock.GetUtcNow().UtcDateTime }, tx) == 1;
            if (first && await UserStore.ContactAsync(conn, tx, claim.ApplicantId) is { } to)
            {
                var batch = new SqlBatch();
                notifier.ToApplicant(batch, to, claim.Id, MailKinds.SupplementReminder, new SupplementReminderMail(claim.ApplicantName,
                    claim.ApplicationNumber ?? claim.Id.ToString(), claim.CaseNumber, Invariant.Date(claim.DueOn)), []);
                await batch.RunAsync(conn, tx);
                sent++;
            }
            await tx.CommitAsync(ct);
        }
        if (sent > 0) logger.LogInformation("Reminded {Count} applicants of their supplement deadline", sent);
        return sent;
    }
}
