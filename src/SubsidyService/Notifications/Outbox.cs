using SubsidyService.Kernel;
using Dapper;
using Npgsql;
using SubsidyService.Operations;

namespace SubsidyService.Notifications;

/// <summary>
/// The outbox's SQL. Writers put a message in with the change that causes it (the caller's transaction);
/// the sender claims one due row at a time and marks it in that row's own transaction.
/// </summary>
public sealed class Outbox(SmtpOptions smtp, TimeProvider clock)
{
    public const int MaxErrorLength = 2000;

    /// <summary>
    /// A message without a <see cref="OutgoingMail.DedupeKey"/> (always written) and its attachments, added to the
    /// caller's batch; returns the new row's id.
    /// </summary>
    public Guid Enqueue(SqlBatch batch, OutgoingMail mail)
    {
        if (mail.DedupeKey is not null) throw new ArgumentException("a once-only message goes through EnqueueAsync, which learns whether it was written", nameof(mail));
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        batch.Execute("""
            INSERT INTO outbox_messages (id, message_id, kind, claim_id, recipient_user_id, to_address, to_name, subject, body,
                                         status, attempts, next_attempt_at, created_at, dedupe_key)
            VALUES (@outboxId, @outboxMessageId, @outboxKind, @outboxClaimId, @outboxRecipientUserId, @outboxToAddress, @outboxToName,
                    @outboxSubject, @outboxBody, 'pending', 0, @outboxNow, @outboxNow, NULL)
            """, new
        {
            outboxId = id, outboxMessageId = $"{id:N}@{smtp.MessageIdDomain}", outboxKind = mail.Kind, outboxClaimId = mail.ClaimId,
            outboxRecipientUserId = mail.RecipientUserId, outboxToAddress = mail.ToAddress, outboxToName = mail.ToName,
            outboxSubject = mail.Subject, outboxBody = mail.Body, outboxNow = now,
        });
        for (var i = 0; i < mail.Attachments.Count; i++)
        {
            var a = mail.Attachments[i];
            batch.Execute($"""
                INSERT INTO outbox_attachments (message_id, position, file_name, content_type, content)
                VALUES (@outboxId, {i}, @attachment{i}FileName, @attachment{i}ContentType, @attachment{i}Content)
                """, new Dictionary<string, object?>
            {
                ["outboxId"] = id, [$"attachment{i}FileName"] = a.FileName, [$"attachment{i}ContentType"] = a.ContentType,
                [$"attachment{i}Content"] = a.Content,
            });
        }
        return id;
    }

    /// <returns>The new row's id, or null when a message with the same <see cref="OutgoingMail.DedupeKey"/> exists.</returns>
    public async Task<Guid?> EnqueueAsync(NpgsqlConnection conn, NpgsqlTransaction tx, OutgoingMail mail)
    {
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        var inserted = await conn.ExecuteAsync("""
            INSERT INTO outbox_messages (id, message_id, kind, claim_id, recipient_user_id, to_address, to_name, subject, body,
                                         status, attempts, next_attempt_at, created_at, dedupe_key)
            VALUES (@id, @messageId, @Kind, @ClaimId, @RecipientUserId, @ToAddress, @ToName, @Subject, @Body,
                    'pending', 0, @now, @now, @DedupeKey)
            ON CONFLICT (dedupe_key) DO NOTHING
            """, new
        {
            id, messageId = $"{id:N}@{smtp.MessageIdDomain}", mail.Kind, mail.ClaimId, mail.RecipientUserId,
            mail.ToAddress, mail.ToName, mail.Subject, mail.Body, now, mail.DedupeKey,
        }, tx);
        if (inserted == 0) return null;
        await conn.ExecuteAsync("""
            INSERT INTO outbox_attachments (message_id, position, file_name, content_type, content)
            VALUES (@id, @position, @FileName, @ContentType, @Content)
            """, mail.Attachments.Select((a, i) => new { id, position = i, a.FileName, a.ContentType, a.Content }), tx);
        return id;
    }

    /// <summary>
    /// The next due message, locked for this transaction; rows another sender holds are skipped, so two
    /// nodes never send the same message at once.
    /// </summary>
    public static Task<OutboxRow?> ClaimNextDueAsync(NpgsqlConnection conn, NpgsqlTransaction tx, DateTime now) =>
        conn.QuerySingleOrDefaultAsync<OutboxRow>("""
            SELECT * FROM outbox_messages
            WHERE status = 'pending' AND next_attempt_at <= @now
            ORDER BY next_attempt_at
            LIMIT 1
            FOR UPDATE SKIP LOCKED
            """, new { now }, tx);

    public static async Task<IReadOnlyList<MailAttachment>> AttachmentsAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid id) =>
        (await conn.QueryAsync<MailAttachment>(
            "SELECT file_name AS filename, content_type AS contenttype, content FROM outbox_attachments WHERE message_id = @id ORDER BY position",
            new { id }, tx)).ToList();

    public static Task MarkSentAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, DateTime now) =>
        conn.ExecuteAsync("UPDATE outbox_messages SET status = 'sent', sent_at = @now, attempts = attempts + 1 WHERE id = @id",
            new { id, now }, tx);

    /// <summary>A try the server refused: counted, then tried again later or, after the last, dead.</summary>
    public static Task MarkFailedAsync(NpgsqlConnection conn, NpgsqlTransaction tx, OutboxRow row, string error, DateTime now)
    {
        var attempts = row.Attempts + 1;
        var wait = Backoff.After(attempts);
        return conn.ExecuteAsync("""
            UPDATE outbox_messages SET attempts = @attempts, status = @status, next_attempt_at = @next, last_error = @error
            WHERE id = @Id
            """, new { row.Id, attempts, status = wait is null ? "dead" : "pending", next = now + (wait ?? TimeSpan.Zero), error = Cut(error) }, tx);
    }

    /// <summary>The server could not be reached: not the message's fault, so no try is counted; the error shows on the admin page.</summary>
    public static Task NoteServerErrorAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id, string error) =>
        conn.ExecuteAsync("UPDATE outbox_messages SET last_error = @error WHERE id = @id", new { id, error = Cut(error) }, tx);

    /// <summary>
    /// A page of the messages the filter keeps, newest first unless a sort is given: outbox_messages_status_created
    /// serves a status's list in that order, outbox_messages_created the list of every status. The recipient is
    /// looked for row by row among those. Bodies and attachments are not read: the list never shows them.
    /// </summary>
    public static Task<ListPage<OutboxRow>> PageAsync(NpgsqlConnection conn, OutboxFilter filter, ListSort? sort, int page, int pageSize)
    {
        var (where, args) = Where(filter);
        return ListPage.ReadAsync<OutboxRow>(conn, ListColumns, "outbox_messages m", where, args, OrderOf(sort), page, pageSize);
    }

    /// <summary>Every message the filter keeps, in the list's order and without its body, read as it is written out.</summary>
    public static IAsyncEnumerable<OutboxRow> Export(NpgsqlConnection conn, OutboxFilter filter, ListSort? sort)
    {
        var (where, args) = Where(filter);
        return conn.QueryUnbufferedAsync<OutboxRow>($"SELECT {ListColumns} FROM outbox_messages m {where} ORDER BY {OrderOf(sort)}", args);
    }

    private const string ListColumns = """
        m.id, m.message_id, m.kind, m.claim_id, m.recipient_user_id, m.to_address, m.to_name, m.subject, m.status, m.attempts,
        m.next_attempt_at, m.last_error, m.created_at, m.sent_at
        """;

    private static string OrderOf(ListSort? sort) => sort?.OrderBy ?? "m.created_at DESC, m.id DESC";

    private static (string Where, DynamicParameters Args) Where(OutboxFilter filter) => ("""
        WHERE (cardinality(@statuses) = 0 OR m.status = ANY(@statuses))
          AND (@recipient::text IS NULL OR m.to_address ILIKE '%' || @recipient || '%' OR m.to_name ILIKE '%' || @recipient || '%')
        """, new DynamicParameters(new { statuses = filter.Statuses.ToArray(), recipient = filter.Recipient is { } r ? Like.Escape(r) : null }));

    public static async Task<IReadOnlyDictionary<string, long>> CountsAsync(NpgsqlConnection conn) =>
        (await conn.QueryAsync<(string Status, long Count)>(CountsSql, new { statuses = OutboxFilter.AllStatuses.ToArray() }))
            .Where(r => r.Count > 0).ToDictionary(r => r.Status, r => r.Count);

    /// <summary>
    /// Each status counted up to <see cref="ListPage.CountCap"/> and one more, from outbox_messages_status_created:
    /// the sent mail grows with every claim, and the admin's page must not count all of it.
    /// </summary>
    internal static readonly string CountsSql = $"""
        SELECT s.status, (SELECT count(*) FROM (SELECT 1 FROM outbox_messages m WHERE m.status = s.status ORDER BY m.created_at LIMIT {ListPage.CountCap + 1}) c) AS count
        FROM unnest(@statuses::text[]) AS s(status)
        """;

    /// <summary>Makes a pending or dead message due now, with its tries counted afresh; its Message-Id stays.</summary>
    /// <returns>false when there is no such message, or it was sent already.</returns>
    public async Task<bool> ResendAsync(NpgsqlConnection conn, Guid id) =>
        await conn.ExecuteAsync("""
            UPDATE outbox_messages SET status = 'pending', attempts = 0, next_attempt_at = @now
            WHERE id = @id AND status IN ('pending', 'dead')
            """, new { id, now = clock.GetUtcNow().UtcDateTime }) == 1;

    private static string Cut(string error) => error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];
}
