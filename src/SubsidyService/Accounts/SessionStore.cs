using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using SubsidyService.Kernel;

namespace SubsidyService.Accounts;

/// <summary>The SQL of <c>user_sessions</c>: a row per sign-in, checked on every signed-in request.</summary>
public sealed class SessionStore(NpgsqlDataSource db, IOptions<SessionOptions> options, TimeProvider clock)
{
    private sealed record Row(DateTime StartedAt, DateTime LastSeenAt, DateTime? EndedAt, Guid SecurityStamp, DateTime? DisabledAt, string Role);

    /// <summary>Opens a session for a sign-in; the account's ended and expired ones are cleared on the way, so its rows stay few.</summary>
    public async Task<Guid> StartAsync(Guid userId)
    {
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            DELETE FROM user_sessions WHERE user_id = @userId AND (ended_at IS NOT NULL OR started_at < @expired);
            INSERT INTO user_sessions (id, user_id, started_at, last_seen_at) VALUES (@id, @userId, @now, @now);
            """, new { id, userId, now, expired = now - options.Value.AbsoluteLifetime });
        return id;
    }

    /// <summary>
    /// Whether the session is still open: not signed out, younger than the absolute lifetime, used recently
    /// enough (staff), issued under the account's current stamp, the account enabled. One primary-key read; a
    /// write at most once a minute.
    /// </summary>
    public async Task<bool> IsOpenAsync(Guid sessionId, Guid userId, Guid stamp)
    {
        var batch = new SqlBatch();
        var verdict = Read(batch, sessionId, userId, stamp);
        await using var conn = await db.OpenConnectionAsync();
        await batch.RunAsync(conn, null);
        if (verdict.Value.TouchDue) await TouchAsync(conn, sessionId);
        return verdict.Value.Open;
    }

    /// <summary>The same check, to be sent in the first batch of the request's own work (<see cref="DeferredSessionCheck"/>).</summary>
    public DeferredSessionCheck Defer(Guid sessionId, Guid userId, Guid stamp) => new(this, sessionId, userId, stamp);

    private const string CheckSql = """
        SELECT s.started_at AS startedat, s.last_seen_at AS lastseenat, s.ended_at AS endedat,
               u.security_stamp AS securitystamp, u.disabled_at AS disabledat, u.role
        FROM user_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = @sessionCheckId AND s.user_id = @sessionCheckUserId
        """;

    internal SqlBatch.Pending<(bool Open, bool TouchDue)> Read(SqlBatch batch, Guid sessionId, Guid userId, Guid stamp) =>
        batch.Read(CheckSql, new { sessionCheckId = sessionId, sessionCheckUserId = userId },
            async grid => Judge(await grid.ReadSingleOrDefaultAsync<Row>(), stamp));

    /// <summary>Open: signed in, not signed out, under the account's current stamp, the account enabled, within the lifetimes.</summary>
    private (bool Open, bool TouchDue) Judge(Row? row, Guid stamp)
    {
        var o = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        if (row is null || row.EndedAt is not null || row.DisabledAt is not null || row.SecurityStamp != stamp) return (false, false);
        if (now - row.StartedAt >= o.AbsoluteLifetime) return (false, false);
        if (row.Role != Roles.Applicant && now - row.LastSeenAt >= o.StaffIdleTimeout) return (false, false);
        return (true, now - row.LastSeenAt >= SessionOptions.TouchEvery);
    }

    /// <summary>Records that the session was used (at most once a minute: the caller asks only when it is due).</summary>
    internal async Task TouchAsync(Guid sessionId)
    {
        await using var conn = await db.OpenConnectionAsync();
        await TouchAsync(conn, sessionId);
    }

    private Task TouchAsync(NpgsqlConnection conn, Guid sessionId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return conn.ExecuteAsync("UPDATE user_sessions SET last_seen_at = @now WHERE id = @sessionId AND last_seen_at < @now",
            new { sessionId, now });
    }

    /// <summary>Signs the session out: its cookie or token is refused from the next request on, on every node.</summary>
    public async Task EndAsync(Guid sessionId, Guid userId)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("UPDATE user_sessions SET ended_at = @now WHERE id = @sessionId AND user_id = @userId AND ended_at IS NULL",
            new { sessionId, userId, now = clock.GetUtcNow().UtcDateTime });
    }
}
