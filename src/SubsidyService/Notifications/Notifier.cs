using System.Globalization;
using Npgsql;
using SubsidyService.Accounts;
using SubsidyService.Notifications.Templates;
using SubsidyService.Kernel;

namespace SubsidyService.Notifications;

/// <summary>
/// Writes a message inside the transaction of the change it tells of: rendered from its template, into the outbox
/// (when the person has an address) and into their inbox on the claim page. The message is sent only if the change
/// is kept.
/// </summary>
public sealed class Notifier(EmailTemplates templates, Outbox outbox, TimeProvider clock)
{
    /// <summary>
    /// The applicant's message about their claim, in the caller's batch, to the contact read before (in the transition's
    /// batch of reads): into the outbox when they have an address, and into their inbox.
    /// </summary>
    public void ToApplicant(SqlBatch batch, Contact to, Guid claimId, string kind, object model, IReadOnlyList<MailAttachment> attachments)
    {
        var rendered = templates.Render(kind, model);
        Guid? outboxId = null;
        if (!string.IsNullOrWhiteSpace(to.Email))
            outboxId = outbox.Enqueue(batch, new OutgoingMail(kind, to.Email, to.DisplayName, rendered.Subject, rendered.Body,
                attachments, claimId, to.Id));
        Inbox.Add(batch, to.Id, claimId, outboxId, kind, rendered.Subject, rendered.Body,
            attachments.Select(a => a.FileName).ToList(), clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>One message to everyone in a role, at most once per <paramref name="dedupeKey"/> and person, however often it is called.</summary>
    public async Task ToRoleAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string role, string kind, Func<string, object> modelFor,
        string dedupeKey)
    {
        foreach (var person in await UserStore.ContactsInRoleAsync(conn, tx, role))
        {
            if (string.IsNullOrWhiteSpace(person.Email)) continue;
            var rendered = templates.Render(kind, modelFor(person.DisplayName));
            await outbox.EnqueueAsync(conn, tx, new OutgoingMail(kind, person.Email, person.DisplayName, rendered.Subject, rendered.Body, [],
                RecipientUserId: person.Id, DedupeKey: $"{dedupeKey}:{person.Id}"));
        }
    }

    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " 元";
}
