using System.Globalization;
using Npgsql;
using SubsidyService.Accounts;
using SubsidyService.Claims;
using SubsidyService.Domain.Calendar;
using SubsidyService.Domain.Claims;
using SubsidyService.Notifications.Templates;
using SubsidyService.Operations;

namespace SubsidyService.Notifications;

/// <summary>
/// The verifiers' daily digest: the queue, with the claims that have waited more than
/// <c>Notifications:OverdueWorkingDays</c> working days marked. Meant to run once a day on a schedule;
/// running it again for the same day sends nothing new (one message per verifier and day, kept so by a
/// unique key in the outbox).
/// </summary>
public sealed class VerifierDigest(
    NpgsqlDataSource db, VerifierQueue queue, EmailTemplates templates, Outbox outbox,
    WorkingDayCalendar calendar, NotificationOptions options)
{
    /// <returns>How many digests were written now (0 when the queue is empty or they were written before).</returns>
    public async Task<int> SendVerifierDigestsAsync(DateOnly day, CancellationToken ct = default)
    {
        var waiting = await queue.WaitingAsync(ct);
        if (waiting.Count == 0) return 0;
        var lines = Build(waiting, day);

        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var written = 0;
        foreach (var verifier in await UserStore.ContactsInRoleAsync(conn, tx, Accounts.Roles.Verifier))
        {
            if (string.IsNullOrWhiteSpace(verifier.Email)) continue;
            var dayText = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var rendered = templates.Render(MailKinds.VerifierDigest, new VerifierDigestMail(verifier.DisplayName, dayText,
                lines.Count, lines.Count(l => l.Overdue), options.OverdueWorkingDays, lines));
            var id = await outbox.EnqueueAsync(conn, tx, new OutgoingMail(MailKinds.VerifierDigest, verifier.Email, verifier.DisplayName,
                rendered.Subject, rendered.Body, [], RecipientUserId: verifier.Id, DedupeKey: $"verifier_digest:{verifier.Id}:{dayText}"));
            if (id is not null) written++;
        }
        await tx.CommitAsync(ct);
        return written;
    }

    public IReadOnlyList<DigestLine> Build(IReadOnlyList<WaitingClaim> waiting, DateOnly day) =>
        waiting.Select(c =>
        {
            var since = ChinaTime.DateOf(c.WaitingSince);
            var age = calendar.WorkingDaysBetween(since, day);
            return new DigestLine(c.CaseNumber, c.ApplicantName, ClaimNames.Of(c.Status),
                since.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), age, age > options.OverdueWorkingDays);
        }).ToList();
}
