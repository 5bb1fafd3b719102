using System.Text.Json;
using Dapper;
using Npgsql;
using NpgsqlTypes;
using SubsidyService.Data;
using SubsidyService.Kernel;

namespace SubsidyService.Audit;

/// <summary>What happened to a claim (or, for a register import, to no claim in particular).</summary>
public sealed record NewEvent(Guid? ClaimId, Guid? ActorId, string Actor, string Trigger,
    string? From, string? To, string? Reason = null, object? Data = null);

/// <summary>
/// The one writer of the event log. Appends events inside the caller's transaction, each chained to the previous
/// event of its own claim. The caller holds the claim's row lock (<c>SELECT … FOR UPDATE</c>, an <c>UPDATE</c> of
/// the row, or the <c>INSERT</c> that creates it) until it commits, so the claim's events come one after another
/// without any lock of the log's own; claims never wait for each other here. Events of no claim share a small
/// chain of their own behind an advisory lock. One event is one INSERT; thousands (a payout batch's chunk) are
/// one COPY, built and hashed by the same <see cref="Row"/>.
/// </summary>
public sealed class EventLog(TimeProvider clock, SealKey key)
{
    private sealed record EventRow(long Id, Guid? ClaimId, DateTime At, Guid? ActorId, string Actor, string Trigger,
        string? From, string? To, string? Reason, string? Data, string Prev, string Hash, short HashVersion);

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
        var id = await conn.ExecuteScalarAsync<long>("SELECT nextval('claim_events_id_seq')", transaction: tx);
        var row = Row(id, Now, e, prev ?? EventHash.Genesis);
        await conn.ExecuteAsync(Insert, row, tx);
        return id;
    }

    /// <summary>
    /// A claim's chain as its next event will continue it: the hash of its last event and an id for the next one, read
    /// in the caller's batch after the statement that locks the claim (the lock orders the claim's events, so the
    /// head read after it is the head the new event follows).
    /// </summary>
    public sealed class ChainHead(Guid claimId, string prev, long nextId)
    {
        public Guid ClaimId { get; } = claimId;
        internal string Prev { get; set; } = prev;
        private long? nextId = nextId;

        /// <summary>Whether the id read with the head is still unused: a second event of the transaction goes through <see cref="AppendAsync"/>.</summary>
        public bool CanAppend => nextId is not null;

        internal long TakeId()
        {
            var id = nextId ?? throw new InvalidOperationException("the chain head's id is used: append the next event with AppendAsync");
            nextId = null;
            return id;
        }
    }

    /// <summary>Adds the read of <paramref name="claimId"/>'s chain head to the batch; put it after the statement that locks the claim.</summary>
    public static SqlBatch.Pending<ChainHead> ReadHead(SqlBatch batch, Guid claimId) =>
        batch.Read("""
            SELECT (SELECT hash FROM claim_events WHERE claim_id = @chainClaimId ORDER BY id DESC LIMIT 1) AS prev,
                   nextval('claim_events_id_seq') AS id
            """, new { chainClaimId = claimId }, async grid =>
        {
            var head = await grid.ReadSingleAsync<(string? Prev, long Id)>();
            return new ChainHead(claimId, head.Prev ?? EventHash.Genesis, head.Id);
        });

    /// <summary>
    /// The claim's next event, chained on <paramref name="head"/> and added to the caller's batch, which must run in the
    /// transaction that read the head and still holds the claim's lock. The same row and hash as <see cref="AppendAsync"/>.
    /// </summary>
    public long Append(SqlBatch batch, ChainHead head, NewEvent e)
    {
        if (e.ClaimId != head.ClaimId) throw new ArgumentException("the event belongs to another claim's chain", nameof(e));
        var row = Row(head.TakeId(), Now, e, head.Prev);
        head.Prev = row.Hash;
        batch.Execute(Insert.Replace("@", "@ev"), new
        {
            evId = row.Id, evClaimId = row.ClaimId, evAt = row.At, evActorId = row.ActorId, evActor = row.Actor, evTrigger = row.Trigger,
            evFrom = row.From, evTo = row.To, evReason = row.Reason, evData = row.Data, evPrev = row.Prev, evHash = row.Hash,
            evHashVersion = row.HashVersion,
        });
        return row.Id;
    }

    private const string Insert = """
        INSERT INTO claim_events (id, claim_id, at, actor_id, actor, trigger, from_status, to_status, reason, data, prev_hash, hash, hash_version)
        VALUES (@Id, @ClaimId, @At, @ActorId, @Actor, @Trigger, @From, @To, @Reason, @Data::json, @Prev, @Hash, @HashVersion)
        """;

    /// <summary>
    /// Many claims' events at once, chained exactly as <see cref="AppendAsync"/> chains one: each on its own claim's
    /// previous event (the caller holds those claims' row locks), ids taken in order. One COPY instead of four round
    /// trips per event.
    /// </summary>
    public async Task AppendManyAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<NewEvent> events)
    {
        if (events.Count == 0) return;
        if (events.Any(e => e.ClaimId is null))
            throw new ArgumentException("AppendManyAsync appends claims' events; an event of no claim goes through AppendAsync", nameof(events));
        var claimIds = events.Select(e => e.ClaimId!.Value).Distinct().ToArray();
        var previous = (await conn.QueryAsync<(Guid ClaimId, string Hash)>("""
            SELECT DISTINCT ON (claim_id) claim_id, hash FROM claim_events WHERE claim_id = ANY(@claimIds) ORDER BY claim_id, id DESC
            """, new { claimIds }, tx)).ToDictionary(r => r.ClaimId, r => r.Hash);
        // Ascending ids for this batch; a claim's events follow its own previous one, whatever ids others take meanwhile.
        var ids = (await conn.QueryAsync<long>(
            "SELECT nextval('claim_events_id_seq') FROM generate_series(1, @n) ORDER BY 1", new { n = events.Count }, tx)).ToArray();
        var at = Now;

        await using var copy = await conn.BeginBinaryImportAsync("""
            COPY claim_events (id, claim_id, at, actor_id, actor, trigger, from_status, to_status, reason, data, prev_hash, hash, hash_version)
            FROM STDIN (FORMAT BINARY)
            """);
        for (var i = 0; i < events.Count; i++)
        {
            var claimId = events[i].ClaimId!.Value;
            var row = Row(ids[i], at, events[i], previous.GetValueOrDefault(claimId) ?? EventHash.Genesis);
            await copy.StartRowAsync();
            await copy.WriteAsync(row.Id, NpgsqlDbType.Bigint);
            await WriteAsync(copy, row.ClaimId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(row.At, NpgsqlDbType.TimestampTz);
            await WriteAsync(copy, row.ActorId, NpgsqlDbType.Uuid);
            await copy.WriteAsync(row.Actor, NpgsqlDbType.Text);
            await copy.WriteAsync(row.Trigger, NpgsqlDbType.Text);
            await WriteAsync(copy, row.From, NpgsqlDbType.Text);
            await WriteAsync(copy, row.To, NpgsqlDbType.Text);
            await WriteAsync(copy, row.Reason, NpgsqlDbType.Text);
            await WriteAsync(copy, row.Data, NpgsqlDbType.Json);
            await copy.WriteAsync(row.Prev, NpgsqlDbType.Text);
            await copy.WriteAsync(row.Hash, NpgsqlDbType.Text);
            await copy.WriteAsync(row.HashVersion, NpgsqlDbType.Smallint);
            previous[claimId] = row.Hash;
        }
        await copy.CompleteAsync();
    }

    /// <summary>A keyed fingerprint for a value the log records without showing it (see <see cref="SealKey.Fingerprint"/>).</summary>
    public string Fingerprint(string value) => key.Fingerprint(value);

    private DateTime Now => EventHash.TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime);

    /// <summary>The row as stored and its hash over exactly what is stored: the one place either path builds a row.</summary>
    private static EventRow Row(long id, DateTime at, NewEvent e, string prev)
    {
        var data = e.Data is null ? null : JsonSerializer.Serialize(e.Data, EventJson.Options);
        var version = EventHash.Current;
        var hash = EventHash.Of(version, id, e.ClaimId, at, e.ActorId, e.Actor, e.Trigger, e.From, e.To, e.Reason, data, prev);
        return new EventRow(id, e.ClaimId, at, e.ActorId, e.Actor, e.Trigger, e.From, e.To, e.Reason, data, prev, hash, version);
    }

    private static async Task WriteAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
    {
        if (value is null) await copy.WriteNullAsync();
        else await copy.WriteAsync(value, type);
    }
}
