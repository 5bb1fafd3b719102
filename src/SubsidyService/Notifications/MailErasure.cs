using Dapper;
using Npgsql;
using SubsidyService.Kernel;

namespace SubsidyService.Notifications;

/// <summary>A deleted account's messages, in the service and waiting or sent by mail (they carry its name and address).</summary>
public sealed class MailErasure : IAccountErasure
{
    // Before the drafts: a message may name one of them.
    public int Order => 0;

    public Task<string?> KeptBecauseAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid accountId) => Task.FromResult<string?>(null);

    public async Task<string?> EraseAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid accountId)
    {
        var inbox = await conn.ExecuteAsync("DELETE FROM inbox_messages WHERE user_id = @accountId", new { accountId }, tx);
        // Attachments go with their message (ON DELETE CASCADE).
        var mail = await conn.ExecuteAsync("DELETE FROM outbox_messages WHERE recipient_user_id = @accountId", new { accountId }, tx);
        return inbox == 0 && mail == 0 ? null : $"inbox_messages={inbox}; mail={mail}";
    }
}
