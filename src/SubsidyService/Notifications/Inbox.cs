using Dapper;
using Npgsql;
using SubsidyService.Kernel;

namespace SubsidyService.Notifications;

/// <summary>A message as the claim page shows it.</summary>
public sealed class InboxMessage
{
    public Guid Id { get; init; }
    public string Kind { get; init; } = "";
    public string Subject { get; init; } = "";
    public string Body { get; init; } = "";
    public string[] AttachmentNames { get; init; } = [];
    public DateTime CreatedAt { get; init; }
}

/// <summary>The in-app copy of each message about a claim, kept whether or not mail could be sent.</summary>
public sealed class Inbox(NpgsqlDataSource db)
{
    /// <summary>The in-app copy of a message, in the caller's batch.</summary>
    public static void Add(SqlBatch batch, Guid userId, Guid? claimId, Guid? outboxId, string kind, string subject, string body,
        IEnumerable<string> attachmentNames, DateTime now) =>
        batch.Execute("""
            INSERT INTO inbox_messages (id, user_id, claim_id, outbox_id, kind, subject, body, attachment_names, created_at)
            VALUES (@inboxId, @inboxUserId, @inboxClaimId, @inboxOutboxId, @inboxKind, @inboxSubject, @inboxBody, @inboxNames, @inboxNow)
            """, new
        {
            inboxId = Guid.NewGuid(), inboxUserId = userId, inboxClaimId = claimId, inboxOutboxId = outboxId, inboxKind = kind,
            inboxSubject = subject, inboxBody = body, inboxNames = attachmentNames.ToArray(), inboxNow = now,
        });

    /// <summary>The messages this person received about this claim, the newest first.</summary>
    public async Task<IReadOnlyList<InboxMessage>> ForClaimAsync(Guid userId, Guid claimId)
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<InboxMessage>("""
            SELECT id, kind, subject, body, attachment_names AS attachmentnames, created_at AS createdat
            FROM inbox_messages WHERE claim_id = @claimId AND user_id = @userId
            ORDER BY created_at DESC, id
            """, new { claimId, userId })).ToList();
    }
}
