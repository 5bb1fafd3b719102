using System.Text.Json;
using Dapper;
using Npgsql;
using SubsidyService.Data;

namespace SubsidyService.Audit;

/// <summary>What happened to a claim (or, for a register import, to no claim in particular).</summary>
public sealed record NewEvent(Guid? ClaimId, Guid? ActorId, string Actor, string Trigger,
    string? From, string? To, string? Reason = null, object? Data = null);

/// <summary>Appends events to the hash chain inside the caller's transaction.</summary>
public sealed class EventLog(TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public async Task<long> AppendAsync(NpgsqlConnection conn, NpgsqlTransaction tx, NewEvent e)
    {
        // All writers of the chain queue here until their transaction ends, so each event's predecessor is
        // the row committed just before it.
        await AdvisoryLocks.ForTransactionAsync(conn, tx, AdvisoryLocks.EventChain);
        var prev = await conn.QuerySingleOrDefaultAsync<string>(
            "SELECT hash FROM claim_events ORDER BY id DESC LIMIT 1", transaction: tx) ?? EventHash.Genesis;
        var id = await conn.ExecuteScalarAsync<long>("SELECT nextval('claim_events_id_seq')", transaction: tx);
        var at = EventHash.TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime);
        var data = e.Data is null ? null : JsonSerializer.Serialize(e.Data, Json);
        var hash = EventHash.Of(id, e.ClaimId, at, e.ActorId, e.Actor, e.Trigger, e.From, e.To, e.Reason, data, prev);
        await conn.ExecuteAsync("""
            INSERT INTO claim_events (id, claim_id, at, actor_id, actor, trigger, from_status, to_status, reason, data, prev_hash, hash)
            VALUES (@id, @ClaimId, @at, @ActorId, @Actor, @Trigger, @From, @To, @Reason, @data::json, @prev, @hash)
            """, new { id, e.ClaimId, at, e.ActorId, e.Actor, e.Trigger, e.From, e.To, e.Reason, data, prev, hash }, tx);
        return id;
    }
}
