using Dapper;
using Npgsql;
using SubsidyService.Data;

namespace SubsidyService.Audit;

/// <summary>
/// Seals every event committed and not yet sealed into a checkpoint (see <see cref="Checkpoint"/>). Meant to
/// run on a recurring schedule on any node: sealers queue on an advisory lock, and one that finds nothing
/// new writes nothing, so running it twice, or on two nodes at once, seals each event once.
/// </summary>
public sealed class CheckpointSealer(NpgsqlDataSource db, SealKey key, TimeProvider clock, ILogger<CheckpointSealer> logger)
{
    /// <summary>A backlog (the first seal of an old log) becomes several checkpoints of at most this many events.</summary>
    public const int MaxEventsPerCheckpoint = 50_000;


    private sealed record Unsealed(long Id, string Hash);

    /// <returns>How many events this call sealed.</returns>
    public async Task<int> SealAsync(CancellationToken ct = default)
    {
        var total = 0;
        while (true)
        {
            var count = await SealOnceAsync(ct);
            total += count;
            if (count < MaxEventsPerCheckpoint) return total;
        }
    }

    private async Task<int> SealOnceAsync(CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_xact_lock(@key)", new { key = AdvisoryLocks.CheckpointSeal }, tx, cancellationToken: ct));
        // Read after the lock (read committed: a fresh snapshot per statement), so a sealer that waited
        // sees what the one before it sealed.
        var last = await conn.QuerySingleOrDefaultAsync<CheckpointRow>(new CommandDefinition(
            $"SELECT {CheckpointRow.Columns} FROM public.audit_checkpoints ORDER BY id DESC LIMIT 1", transaction: tx, cancellationToken: ct));

        // Not "ids above the last sealed one": a transaction that took a lower id may commit after a
        // higher id was sealed, and is found here all the same.
        var ids = new List<long>();
        var tree = new MerkleTree();
        var rows = conn.QueryUnbufferedAsync<Unsealed>("""
            SELECT e.id, e.hash FROM public.claim_events e
            WHERE NOT EXISTS (SELECT FROM public.audit_checkpoint_events m WHERE m.event_id = e.id)
            ORDER BY e.id LIMIT @MaxEventsPerCheckpoint
            """, new { MaxEventsPerCheckpoint }, tx);
        await foreach (var e in rows.WithCancellation(ct))
        {
            ids.Add(e.Id);
            tree.AddLeaf(Checkpoint.Leaf(e.Id, e.Hash));
        }
        if (ids.Count == 0)
        {
            await tx.CommitAsync(ct);
            return 0;
        }

        var id = (last?.Id ?? 0) + 1;
        var sealedAt = EventHash.TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime);
        var root = tree.RootHex();
        var prev = last?.Hash ?? EventHash.Genesis;
        var content = Checkpoint.Content(id, sealedAt, ids.Count, root, prev);
        var hash = Checkpoint.Hash(content);
        await conn.ExecuteAsync(new CommandDefinition("""
            INSERT INTO public.audit_checkpoints (id, sealed_at, event_count, merkle_root, prev_hash, hash, mac)
            VALUES (@id, @sealedAt, @count, @root, @prev, @hash, @mac)
            """, new { id, sealedAt, count = ids.Count, root, prev, hash, mac = key.Mac(content) }, tx, cancellationToken: ct));
        await conn.ExecuteAsync(new CommandDefinition(
            "INSERT INTO public.audit_checkpoint_events (event_id, checkpoint_id) SELECT unnest(@ids), @id",
            new { ids = ids.ToArray(), id }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        // The log is a witness outside the database: a checkpoint later removed with its events can be
        // shown to have existed.
        logger.LogInformation("Sealed audit checkpoint {Id}: {Count} events, root {Root}, hash {Hash}", id, ids.Count, root, hash);
        return ids.Count;
    }
}
