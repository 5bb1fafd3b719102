using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.DataProtection;
using Npgsql;

namespace SubsidyService.Operations.Idempotency;

/// <summary>
/// The keys' rows. Ownership of a key is decided by the primary key in one statement, so any number
/// of requests on any number of nodes agree on a single winner. The winner is identified afterwards
/// by (scope, key, created_at): should its row have expired and been taken over, it touches nothing.
/// The kept answer is a claim with its applicant's identity and account numbers, so it is stored encrypted with the
/// Data Protection key ring: a copy of the table (a dump, a replica) does not show them.
/// </summary>
public sealed class IdempotencyStore(NpgsqlDataSource db, IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("SubsidyService.Idempotency.ResponseBody.v1");

    // Data Protection's payloads begin with this magic header; rows written before answers were encrypted do not.
    private static readonly byte[] ProtectedHeader = [0x09, 0xF0, 0xC9, 0xF0];

    /// <returns>true when this request now owns the key: there was no row, or only an expired one.</returns>
    public async Task<bool> TryBeginAsync(string scope, string key, string requestHash, DateTimeOffset now, DateTimeOffset expiredBefore, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var owned = await conn.ExecuteScalarAsync<int?>(new CommandDefinition("""
            INSERT INTO idempotency_requests (scope, key, request_hash, status, created_at)
            VALUES (@scope, @key, @requestHash, 'in_progress', @now)
            ON CONFLICT (scope, key) DO UPDATE SET
                request_hash = excluded.request_hash, status = 'in_progress', created_at = excluded.created_at,
                response_status = NULL, response_content_type = NULL, response_headers = NULL,
                response_body = NULL, completed_at = NULL
            WHERE idempotency_requests.created_at < @expiredBefore
            RETURNING 1
            """, new { scope, key, requestHash, now, expiredBefore }, cancellationToken: ct));
        return owned is not null;
    }

    /// <returns>The live row of the key, or null when there is none (or only an expired one).</returns>
    public async Task<IdempotencyRecord?> FindAsync(string scope, string key, DateTimeOffset expiredBefore, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var record = await conn.QuerySingleOrDefaultAsync<IdempotencyRecord>(new CommandDefinition("""
            SELECT request_hash, status, response_status, response_content_type, response_headers::text AS response_headers, response_body
            FROM idempotency_requests
            WHERE scope = @scope AND key = @key AND created_at >= @expiredBefore
            """, new { scope, key, expiredBefore }, cancellationToken: ct));
        return record?.ResponseBody is { } body && body.AsSpan().StartsWith(ProtectedHeader)
            ? new IdempotencyRecord
            {
                RequestHash = record.RequestHash, Status = record.Status, ResponseStatus = record.ResponseStatus,
                ResponseContentType = record.ResponseContentType, ResponseHeaders = record.ResponseHeaders,
                ResponseBody = protector.Unprotect(body),
            }
            : record;
    }

    public async Task CompleteAsync(string scope, string key, DateTimeOffset createdAt, CapturedResponse response, DateTimeOffset now)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            UPDATE idempotency_requests SET
                status = 'completed', response_status = @Status, response_content_type = @ContentType,
                response_headers = CAST(@headers AS jsonb), response_body = @Body, completed_at = @now
            WHERE scope = @scope AND key = @key AND created_at = @createdAt AND status = 'in_progress'
            """, new
            {
                scope, key, createdAt, now, response.Status, response.ContentType, Body = protector.Protect(response.Body),
                headers = JsonSerializer.Serialize(response.Headers),
            });
    }

    /// <summary>Deletes keys created before <paramref name="expiredBefore"/>, which already count as absent.</summary>
    /// <returns>How many were deleted.</returns>
    public async Task<int> DeleteExpiredAsync(DateTimeOffset expiredBefore, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await conn.ExecuteAsync(new CommandDefinition(
            "DELETE FROM idempotency_requests WHERE created_at < @expiredBefore",
            new { expiredBefore }, cancellationToken: ct));
    }

    /// <summary>Forgets the key, so that a retry runs the request afresh.</summary>
    public async Task ReleaseAsync(string scope, string key, DateTimeOffset createdAt)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            DELETE FROM idempotency_requests
            WHERE scope = @scope AND key = @key AND created_at = @createdAt AND status = 'in_progress'
            """, new { scope, key, createdAt });
    }
}
