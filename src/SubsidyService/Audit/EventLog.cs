using System.Text.Json;
using Dapper;
using Npgsql;
using SubsidyService.Data;
using SubsidyService.Kernel;

namespace SubsidyService.Audit;

/// <summary>What happened to a claim (or, for a register import, to no claim in particular).</summary>
public sealed record NewEvent(Guid? ClaimId, Guid? ActorId, string Actor, string Trigger,
    string? From, string? To, string? Reason = null, object? Data = null);

/// <summary>
/// Appends events inside the caller's transaction, each chained to the previous event of its own claim.
/// The caller holds the claim's row lock (<c>SELECT … FOR UPDATE</c>, an <c>UPDATE</c> of the row, or the
/// <c>INSERT</c> that creates it) until it commits, so the claim's events come one after another without
/// any lock of the log's own; claims never wait for each other here. Events of no claim share a small
/// chain of their own behind an advisory lock.
/// </summary>
public sealed class EventLog(TimeProvider clock, SealKey key)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public async Task<long> AppendAsync(NpgsqlConnection conn, NpgsqlTransaction tx, NewEvent e)
    {
        string? prev;
        if (e.ClaimId is { } claimId)
        {
            prev = await conn.QuerySingleOrDefaultAsync<string>(
                "SELECT hash FROM claim_events WHERE claim_id = @claimId ORDER BY id DESC LIMIT 1", new { claimId }, tx);
        }
        else
        {
            await AdvisoryLocks.ForTransactionAsync(conn, tx, AdvisoryLocks.UnclaimedEventChain);
            prev = await conn.QuerySingleOrDefaultAsync<string>(
                "SELECT hash FROM claim_events WHERE claim_id IS NULL ORDER BY id DESC LIMIT 1", transaction: tx);
        }
        prev ??= EventHash.Genesis;
        var id = await conn.ExecuteScalarAsync<long>("SELECT nextval('claim_events_id_seq')", transaction: tx);
        var at = EventHash.TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime);
        var data = e.Data is null ? null : JsonSerializer.Serialize(e.Data, Json);
        var version = EventHash.Current;
        var hash = EventHash.Of(version, id, e.ClaimId, at, e.ActorId, e.Actor, e.Trigger, e.From, e.To, e.Reason, data, prev);
        await conn.ExecuteAsync("""
            INSERT INTO claim_events (id, claim_id, at, actor_id, actor, trigger, from_status, to_status, reason, data, prev_hash, hash, hash_version)
            VALUES (@id, @ClaimId, @at, @ActorId, @Actor, @Trigger, @From, @To, @Reason, @data::json, @prev, @hash, @version)
            """, new { id, e.ClaimId, at, e.ActorId, e.Actor, e.Trigger, e.From, e.To, e.Reason, data, prev, hash, version }, tx);
        return id;
    }

    /// <summary>A keyed fingerprint for a value the log records without showing it (see <see cref="SealKey.Fingerprint"/>).</summary>
    public string Fingerprint(string value) => key.Fingerprint(value);
}
