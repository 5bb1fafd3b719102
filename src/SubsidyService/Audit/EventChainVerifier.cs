using System.Data;
using Dapper;
using Npgsql;

namespace SubsidyService.Audit;

/// <summary>
/// Recomputes the whole log in one snapshot: every event's hash, every claim's chain (and the county-wide
/// chain of the events written before chains were per claim), then every checkpoint's Merkle root over the
/// events it lists, its link to the previous checkpoint and its MAC. Events and checkpoint members are
/// streamed, never loaded at once; the Merkle root is built leaf by leaf.
/// </summary>
public sealed class EventChainVerifier(NpgsqlDataSource db, SealKey key)
{
    /// <summary>More than this many problems are not listed (the report is already not ok).</summary>
    public const int MaxProblems = 1000;

    private const int CheckpointPage = 500;

    private sealed record Link(long Id, string PrevHash, string Hash);
    private sealed record Member(long EventId, string? Hash);

    public async Task<ChainReport> VerifyAsync(CancellationToken ct = default)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        // One snapshot for every pass, so events committed meanwhile cannot look like a mismatch.
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        var problems = new Problems();

        var checkedEvents = await CheckChainsAsync(conn, tx, problems, ct);
        await CheckLegacyChainAsync(conn, tx, problems, ct);
        var (checkpoints, lastHash) = await CheckCheckpointsAsync(conn, tx, problems, ct);
        var unsealed = await conn.ExecuteScalarAsync<long>(new CommandDefinition("""
            SELECT count(*) FROM public.claim_events e WHERE NOT EXISTS (SELECT FROM public.audit_checkpoint_events m WHERE m.event_id = e.id)
            """, transaction: tx, cancellationToken: ct));
        await tx.CommitAsync(ct);

        return new ChainReport(problems.List.Count == 0, checkedEvents, problems.FirstEventId, problems.List,
            unsealed, checkpoints, lastHash);
    }

    /// <summary>Claim by claim (the events of no claim last), each in id order, as the chains were written.</summary>
    private static async Task<long> CheckChainsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Problems problems, CancellationToken ct)
    {
        long count = 0;
        var started = false;
        Guid? chain = null;
        var prev = EventHash.Genesis;
        var rows = conn.QueryUnbufferedAsync<ChainedEvent>($"SELECT {EventColumns.Select} FROM public.claim_events ORDER BY claim_id, id", transaction: tx);
        await foreach (var e in rows.WithCancellation(ct))
        {
            count++;
            if (!started || e.ClaimId != chain)
            {
                started = true;
                chain = e.ClaimId;
                prev = EventHash.Genesis;
            }
            if (EventHash.Of(e) != e.Hash)
                problems.Add(AuditProblemKinds.EventHashMismatch, e.Id, e.ClaimId, null, "事件内容与其哈希不符：该记录被修改过。");
            if (e.HashVersion != 1 && e.PrevHash != prev)
                problems.Add(AuditProblemKinds.EventLinkBroken, e.Id, e.ClaimId, null,
                    "事件记载的前一哈希与本申请前一事件的哈希不符：其前的事件被删除、插入或重算过。");
            prev = e.Hash;
        }
        return count;
    }

    /// <summary>Events written before chains were per claim follow each other across the county, in id order.</summary>
    private static async Task CheckLegacyChainAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Problems problems, CancellationToken ct)
    {
        var prev = EventHash.Genesis;
        var rows = conn.QueryUnbufferedAsync<Link>(
            "SELECT id, prev_hash AS prevhash, hash FROM public.claim_events WHERE hash_version = 1 ORDER BY id", transaction: tx);
        await foreach (var e in rows.WithCancellation(ct))
        {
            if (e.PrevHash != prev)
                problems.Add(AuditProblemKinds.EventLinkBroken, e.Id, null, null,
                    "（早期全县链）事件记载的前一哈希与前一事件的哈希不符：其前的事件被删除、插入或重算过。");
            prev = e.Hash;
        }
    }

    private async Task<(long Count, string? LastHash)> CheckCheckpointsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Problems problems, CancellationToken ct)
    {
        long count = 0, expectedId = 1, after = 0;
        var prev = EventHash.Genesis;
        string? lastHash = null;
        while (true)
        {
            // Headers a page at a time (a connection streams one query at a time, and members are streamed below).
            var page = (await conn.QueryAsync<CheckpointRow>(new CommandDefinition(
                $"SELECT {CheckpointRow.Columns} FROM public.audit_checkpoints WHERE id > @after ORDER BY id LIMIT {CheckpointPage}",
                new { after }, tx, cancellationToken: ct))).ToList();
            if (page.Count == 0) return (count, lastHash);
            foreach (var c in page)
            {
                count++;
                if (c.Id != expectedId)
                    problems.Add(AuditProblemKinds.CheckpointMissing, null, null, c.Id, $"检查点 {expectedId} 至 {c.Id - 1} 缺失。");
                if (c.PrevHash != prev)
                    problems.Add(AuditProblemKinds.CheckpointLinkBroken, null, null, c.Id, "检查点记载的前一哈希与前一检查点的哈希不符。");
                var content = Checkpoint.Content(c);
                if (Checkpoint.Hash(content) != c.Hash)
                    problems.Add(AuditProblemKinds.CheckpointHashMismatch, null, null, c.Id, "检查点内容与其哈希不符：该检查点被修改过。");
                if (!key.Verifies(content, c.Mac))
                    problems.Add(AuditProblemKinds.CheckpointMacMismatch, null, null, c.Id,
                        "检查点的 HMAC 无法用封存密钥验证：该检查点不是持有密钥者所写（被重算或伪造）。");
                await CheckMembersAsync(conn, tx, c, problems, ct);
                expectedId = c.Id + 1;
                prev = c.Hash;
                lastHash = c.Hash;
            }
            after = page[^1].Id;
        }
    }

    private static async Task CheckMembersAsync(NpgsqlConnection conn, NpgsqlTransaction tx, CheckpointRow c, Problems problems, CancellationToken ct)
    {
        var tree = new MerkleTree();
        var members = conn.QueryUnbufferedAsync<Member>("""
            SELECT m.event_id AS eventid, e.hash FROM public.audit_checkpoint_events m LEFT JOIN public.claim_events e ON e.id = m.event_id
            WHERE m.checkpoint_id = @Id ORDER BY m.event_id
            """, new { c.Id }, tx);
        long listed = 0;
        await foreach (var m in members.WithCancellation(ct))
        {
            listed++;
            if (m.Hash is null)
            {
                problems.Add(AuditProblemKinds.EventMissing, m.EventId, null, c.Id, $"检查点 {c.Id} 封存的事件 {m.EventId} 已不存在：该记录被删除。");
                continue;
            }
            tree.AddLeaf(Checkpoint.Leaf(m.EventId, m.Hash));
        }
        if (tree.Count != c.EventCount || tree.RootHex() != c.MerkleRoot)
            problems.Add(AuditProblemKinds.CheckpointRootMismatch, null, null, c.Id,
                $"检查点 {c.Id} 封存 {c.EventCount} 个事件，现存 {tree.Count} 个（列出 {listed} 个），默克尔根不再相符：所封存的事件被删除或重算过。");
    }

    private sealed class Problems
    {
        public List<AuditProblem> List { get; } = [];
        public long? FirstEventId { get; private set; }

        public void Add(string kind, long? eventId, Guid? claimId, long? checkpointId, string detail)
        {
            if (eventId is { } id && (FirstEventId is null || id < FirstEventId)) FirstEventId = id;
            if (List.Count < MaxProblems) List.Add(new AuditProblem(kind, eventId, claimId, checkpointId, detail));
        }
    }
}
