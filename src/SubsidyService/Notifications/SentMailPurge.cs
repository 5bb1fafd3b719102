using Dapper;
using Npgsql;
using SubsidyService.Operations.Retention;

namespace SubsidyService.Notifications;

/// <summary>
/// A sent mail's body and attachments (a letter, a claim's details) go after <c>Retention:SentMailBodyDays</c>
/// (default 90): the recipient has them. The row stays — who was told what kind of thing and when — for the audit.
/// </summary>
public sealed class SentMailPurge(NpgsqlDataSource db, IConfiguration config) : IRetentionPurge
{
    private const int BatchSize = 500;
    public const string PurgedBody = "（邮件正文已超过保存期限，按规定清除。）";

    public string Kind => "sent_mail_body";

    public async Task<int> PurgeAsync(DateTimeOffset now, CancellationToken ct)
    {
        var before = now.AddDays(-config.GetValue("Retention:SentMailBodyDays", 90));
        var total = 0;
        await using var conn = await db.OpenConnectionAsync(ct);
        while (true)
        {
            await using var tx = await conn.BeginTransactionAsync(ct);
            var ids = (await conn.QueryAsync<Guid>(new CommandDefinition("""
                SELECT id FROM outbox_messages
                WHERE status = 'sent' AND body_purged_at IS NULL AND sent_at < @before
                ORDER BY sent_at LIMIT @BatchSize
                FOR UPDATE SKIP LOCKED
                """, new { before, BatchSize }, tx, cancellationToken: ct))).ToArray();
            if (ids.Length > 0)
            {
                await conn.ExecuteAsync(new CommandDefinition(
                    "UPDATE outbox_messages SET body = @PurgedBody, body_purged_at = @now WHERE id = ANY(@ids)", new { PurgedBody, now, ids }, tx, cancellationToken: ct));
                await conn.ExecuteAsync(new CommandDefinition(
                    "DELETE FROM outbox_attachments WHERE message_id = ANY(@ids)", new { ids }, tx, cancellationToken: ct));
            }
            await tx.CommitAsync(ct);
            total += ids.Length;
            if (ids.Length < BatchSize) return total;
        }
    }
}
