using Dapper;
using Npgsql;

namespace SubsidyService.Audit;

public sealed record ChainReport(bool Ok, long CheckedEvents, long? FirstBrokenEventId);

/// <summary>
/// Walks the whole chain in order: an edited row no longer matches its own hash, a deleted row leaves
/// its successor pointing at a hash that is not its predecessor's.
/// </summary>
public sealed class EventChainVerifier(NpgsqlDataSource db)
{
    public async Task<ChainReport> VerifyAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        var prev = EventHash.Genesis;
        long count = 0;
        // Unbuffered: the log grows without bound, so rows are streamed rather than loaded at once.
        var rows = conn.QueryUnbufferedAsync<ChainedEvent>($"SELECT {EventColumns.Select} FROM claim_events ORDER BY id");
        await foreach (var e in rows.WithCancellation(ct))
        {
            count++;
            if (e.PrevHash != prev || EventHash.Of(e) != e.Hash)
                return new ChainReport(false, count, e.Id);
            prev = e.Hash;
        }
        return new ChainReport(true, count, null);
    }
}
