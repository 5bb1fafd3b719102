using SubsidyService.Kernel;
using System.Text;
using MimeKit;

namespace SubsidyService.Notifications;

/// <summary>An outbox row as a MIME message: UTF-8 plain text, the row's own Message-Id, its attachments.</summary>
public static class MailMessageBuilder
{
    public static MimeMessage Build(OutboxRow row, IReadOnlyList<MailAttachment> attachments, string from)
    {
        var message = new MimeMessage { MessageId = row.MessageId, Subject = row.Subject, Date = new DateTimeOffset(DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc)) };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(new MailboxAddress(Encoding.UTF8, row.ToName, row.ToAddress));
        var text = new TextPart("plain");
        text.SetText(Encoding.UTF8, row.Body);
        if (attachments.Count == 0)
        {
            message.Body = text;
            return message;
        }
        var mixed = new Multipart("mixed") { text };
        foreach (var a in attachments)
        {
            mixed.Add(new MimePart(ContentType.Parse(a.ContentType))
            {
                Content = new MimeContent(new MemoryStream(a.Content)),
                ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = a.FileName,
            });
        }
        message.Body = mixed;
        return message;
    }
}
