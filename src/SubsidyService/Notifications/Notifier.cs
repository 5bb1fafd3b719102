using System.Globalization;
using System.Text.Json;
using Npgsql;
using SubsidyService.Accounts;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Money;
using SubsidyService.Notifications.Templates;
using SubsidyService.Operations;

namespace SubsidyService.Notifications;

/// <summary>
/// Turns what happened into messages, inside the transaction of the change: the template is chosen from the
/// trigger, the message goes into the outbox (when the person has an address) and into their inbox on the
/// claim page.
/// </summary>
public sealed class Notifier(EmailTemplates templates, Outbox outbox, TimeProvider clock)
{
    public async Task OnTransitionAsync(NpgsqlConnection conn, NpgsqlTransaction tx, TransitionNotice notice)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var data = notice.EventData is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(notice.EventData, JsonOptions);
        var c = notice.Claim;
        var number = notice.ClaimId.ToString();
        var attachmentNames = notice.Attachments.Select(a => a.FileName).ToList();
        (string Kind, object Model)? mail = notice.Trigger switch
        {
            ClaimTrigger.Submit => (MailKinds.Receipt, new ReceiptMail(c.ApplicantName, number, c.CaseNumber, ChinaTime.Format(now),
                Money(c.Amount), ChineseAmount.Format(c.Amount), Resubmitted: notice.From == ClaimStatus.SupplementRequested)),
            ClaimTrigger.RequestSupplement => (MailKinds.Supplement, new SupplementMail(c.ApplicantName, number, c.CaseNumber,
                ChinaTime.Format(now), notice.Reason ?? "", Strings(data, "defects"))),
            ClaimTrigger.Reject => (MailKinds.Rejection, new RejectionMail(c.ApplicantName, number, c.CaseNumber, ChinaTime.Format(now),
                Text(data, "reasonText") ?? "", notice.Reason ?? "", attachmentNames)),
            ClaimTrigger.Approve => (MailKinds.Approval, new ApprovalMail(c.ApplicantName, number, c.CaseNumber, Money(c.Amount),
                ChineseAmount.Format(c.Amount), notice.To == ClaimStatus.InPublicNotice, Text(data, "noticeEndsOn") ?? Text(Member(data, "approval"), "noticeEndsOn") ?? "", attachmentNames)),
            ClaimTrigger.PaymentSucceeded => (MailKinds.Paid, new PaidMail(c.ApplicantName, number, c.CaseNumber, Money(c.Amount),
                ChineseAmount.Format(c.Amount), clock.Today().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            ClaimTrigger.PaymentFailed => (MailKinds.PaymentFailed, new PaymentFailedMail(c.ApplicantName, number, c.CaseNumber,
                Money(c.Amount), Text(data, "failureReason") ?? notice.Reason ?? "银行未说明原因")),
            _ => null,
        };
        if (mail is not { } m) return;

        var to = await UserStore.ContactAsync(conn, tx, notice.ApplicantId)
            ?? throw new InvalidOperationException($"claim {notice.ClaimId} has no applicant {notice.ApplicantId}");
        var rendered = templates.Render(m.Kind, m.Model);
        Guid? outboxId = null;
        if (!string.IsNullOrWhiteSpace(to.Email))
            outboxId = await outbox.EnqueueAsync(conn, tx, new OutgoingMail(m.Kind, to.Email, to.DisplayName, rendered.Subject, rendered.Body,
                notice.Attachments, notice.ClaimId, to.Id));
        await Inbox.AddAsync(conn, tx, to.Id, notice.ClaimId, outboxId, m.Kind, rendered.Subject, rendered.Body, attachmentNames, now);
    }

    /// <summary>Tells every finance user that a payout batch has finished; once per batch and person, however often it is called.</summary>
    public async Task OnBatchCompletedAsync(NpgsqlConnection conn, NpgsqlTransaction tx, BatchCompletedNotice batch)
    {
        foreach (var person in await UserStore.ContactsInRoleAsync(conn, tx, Accounts.Roles.Finance))
        {
            if (string.IsNullOrWhiteSpace(person.Email)) continue;
            var rendered = templates.Render(MailKinds.BatchCompleted, new BatchCompletedMail(person.DisplayName, batch.BatchNumber,
                ChinaTime.Format(batch.CompletedAt), batch.Count, Money(batch.TotalAmount), batch.SucceededCount, Money(batch.SucceededAmount),
                batch.FailedCount, Money(batch.FailedAmount)));
            await outbox.EnqueueAsync(conn, tx, new OutgoingMail(MailKinds.BatchCompleted, person.Email, person.DisplayName,
                rendered.Subject, rendered.Body, [], RecipientUserId: person.Id, DedupeKey: $"batch_completed:{batch.BatchNumber}:{person.Id}"));
        }
    }

    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " 元";

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static JsonElement? Member(JsonElement? data, string name) =>
        data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty(name, out var p) ? p : null;

    private static string? Text(JsonElement? data, string name) =>
        data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String
            ? p.GetString() : null;

    private static IReadOnlyList<string> Strings(JsonElement? data, string name) =>
        data is { ValueKind: JsonValueKind.Object } d && d.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.Array
            ? p.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];
}
