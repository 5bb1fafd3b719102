using System.Security.Cryptography;
using Dapper;
using FluentAssertions;
using SubsidyService.Audit;
using K = SubsidyService.Audit.AuditProblemKinds;

namespace SubsidyService.Tests.Audit;

/// <summary>
/// Each kind of tampering someone with the database (but not the seal key) could do, done through a
/// superuser connection with the append-only triggers off, and what the auditor's verify says about it.
/// </summary>
public sealed class TamperDetectionTests
{
    [Fact]
    public async Task An_untouched_log_is_intact_and_events_not_yet_sealed_are_counted_not_blamed()
    {
        await using var d = await AuditDeployment.StartAsync();
        await d.ClaimUnderReviewAsync();
        await d.ClaimUnderReviewAsync();

        var before = await d.VerifyAsync();
        before.Ok().Should().BeTrue(before.ToString());
        before.GetProperty("checkedEvents").GetInt64().Should().Be(d.SecurityEvents + 6);
        before.Unsealed().Should().Be(d.SecurityEvents + 6);
        before.Problems().Should().BeEmpty();

        (await d.SealAsync()).Should().Be(d.SecurityEvents + 6);
        (await d.SealAsync()).Should().Be(0, "sealing again finds nothing new and writes nothing");
        var sealedReport = await d.VerifyAsync();
        sealedReport.Ok().Should().BeTrue(sealedReport.ToString());
        sealedReport.Unsealed().Should().Be(0);
        sealedReport.GetProperty("checkedCheckpoints").GetInt64().Should().Be(1);
        sealedReport.GetProperty("firstBrokenEventId").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);

        await d.ClaimUnderReviewAsync();
        var after = await d.VerifyAsync();
        after.Ok().Should().BeTrue(after.ToString());
        after.Unsealed().Should().Be(3);
    }

    [Fact]
    public async Task An_edited_sealed_event_is_named()
    {
        await using var d = await AuditDeployment.StartAsync();
        var claim = await d.ClaimUnderReviewAsync();
        await d.SealAsync();
        var target = (await d.EventIdsAsync(claim))[1];

        await d.TamperAsync("UPDATE claim_events SET reason = '篡改' WHERE id = @target", new { target });

        var report = await d.VerifyAsync();
        report.Ok().Should().BeFalse();
        report.GetProperty("firstBrokenEventId").GetInt64().Should().Be(target);
        report.Problems().Should().Equal((K.EventHashMismatch, target, claim, null));
    }

    [Fact]
    public async Task A_deleted_sealed_event_is_named_by_its_checkpoint_and_its_successor()
    {
        await using var d = await AuditDeployment.StartAsync();
        var claim = await d.ClaimUnderReviewAsync();
        await d.SealAsync();
        var ids = await d.EventIdsAsync(claim);

        await d.TamperAsync("DELETE FROM claim_events WHERE id = @id", new { id = ids[1] });

        var report = await d.VerifyAsync();
        report.Ok().Should().BeFalse();
        report.GetProperty("firstBrokenEventId").GetInt64().Should().Be(ids[1]);
        report.Problems().Should().BeEquivalentTo(new (string, long?, Guid?, long?)[]
        {
            (K.EventLinkBroken, ids[2], claim, null),
            (K.EventMissing, ids[1], null, 1),
            (K.CheckpointRootMismatch, null, null, 1),
        });
    }

    [Fact]
    public async Task A_deleted_unsealed_event_is_named_by_its_successor()
    {
        await using var d = await AuditDeployment.StartAsync();
        var claim = await d.ClaimUnderReviewAsync();
        var ids = await d.EventIdsAsync(claim);

        await d.TamperAsync("DELETE FROM claim_events WHERE id = @id", new { id = ids[1] });

        var report = await d.VerifyAsync();
        report.GetProperty("firstBrokenEventId").GetInt64().Should().Be(ids[2]);
        report.Problems().Should().Equal((K.EventLinkBroken, ids[2], claim, null));
    }

    [Fact]
    public async Task A_deleted_tail_of_a_claims_chain_breaks_the_checkpoint_that_sealed_it()
    {
        await using var d = await AuditDeployment.StartAsync();
        var claim = await d.ClaimUnderReviewAsync();
        var other = await d.ClaimUnderReviewAsync();
        await d.SealAsync();
        var last = (await d.EventIdsAsync(claim))[^1];
        var otherLast = (await d.EventIdsAsync(other))[^1];

        await d.TamperAsync("DELETE FROM claim_events WHERE id = @last", new { last });
        var report = await d.VerifyAsync();
        report.Ok().Should().BeFalse();
        report.Problems().Should().BeEquivalentTo(new (string, long?, Guid?, long?)[]
        {
            (K.EventMissing, last, null, 1),
            (K.CheckpointRootMismatch, null, null, 1),
        }, "what is left of the claim's chain still links up; only the checkpoint knows what it held");

        // Also struck from the checkpoint's list: the root over what is listed no longer matches.
        await d.TamperAsync("""
            DELETE FROM claim_events WHERE id = @otherLast;
            DELETE FROM audit_checkpoint_events WHERE event_id IN (@last, @otherLast);
            """, new { last, otherLast });
        (await d.VerifyAsync()).Problems().Should().Equal((K.CheckpointRootMismatch, null, null, 1));
    }

    [Fact]
    public async Task A_whole_claims_events_deleted_with_their_checkpoint_entries_are_found()
    {
        await using var d = await AuditDeployment.StartAsync();
        var claim = await d.ClaimUnderReviewAsync();
        await d.ClaimUnderReviewAsync();
        await d.SealAsync();
        await d.ClaimUnderReviewAsync();
        await d.SealAsync();

        await d.TamperAsync("""
            DELETE FROM audit_checkpoint_events WHERE event_id IN (SELECT id FROM claim_events WHERE claim_id = @claim);
            DELETE FROM claim_events WHERE claim_id = @claim;
            """, new { claim });

        var report = await d.VerifyAsync();
        report.Ok().Should().BeFalse();
        report.Problems().Should().Equal((K.CheckpointRootMismatch, null, null, 1));
    }

    [Fact]
    public async Task A_chain_rehashed_without_the_key_is_caught_by_the_checkpoint_mac_alone()
    {
        await using var d = await AuditDeployment.StartAsync();
        var claim = await d.ClaimUnderReviewAsync();
        await d.ClaimUnderReviewAsync();
        await d.SealAsync();

        // Everything a careful forger with the database but not the key can redo: the event, every later
        // link of its claim, the checkpoint's Merkle root and hash. Only the MAC is out of reach.
        var forgersKey = new SealKey(RandomNumberGenerator.GetBytes(32));
        await d.TamperAsync(async (conn, tx) =>
        {
            var events = (await conn.QueryAsync<ChainedEvent>("""
                SELECT id, claim_id AS claimid, at, actor_id AS actorid, actor, trigger, from_status AS fromstatus, to_status AS tostatus,
                       reason, data::text AS data, prev_hash AS prevhash, hash, hash_version AS hashversion
                FROM claim_events WHERE claim_id = @claim ORDER BY id
                """, new { claim }, tx)).ToList();
            var prev = events[0].Hash;
            foreach (var e in events.Skip(1))
            {
                var forged = e with { Reason = e == events[1] ? "篡改" : e.Reason, PrevHash = prev };
                forged = forged with { Hash = EventHash.Of(forged) };
                await conn.ExecuteAsync("UPDATE claim_events SET reason = @Reason, prev_hash = @PrevHash, hash = @Hash WHERE id = @Id", forged, tx);
                prev = forged.Hash;
            }
            var tree = new MerkleTree();
            foreach (var (id, hash) in await conn.QueryAsync<(long, string)>("""
                         SELECT e.id, e.hash FROM audit_checkpoint_events m JOIN claim_events e ON e.id = m.event_id
                         WHERE m.checkpoint_id = 1 ORDER BY e.id
                         """, transaction: tx))
                tree.AddLeaf(Checkpoint.Leaf(id, hash));
            var sealedAt = await conn.ExecuteScalarAsync<DateTime>("SELECT sealed_at FROM audit_checkpoints WHERE id = 1", transaction: tx);
            var content = Checkpoint.Content(1, sealedAt, (int)tree.Count, tree.RootHex(), EventHash.Genesis);
            await conn.ExecuteAsync("UPDATE audit_checkpoints SET merkle_root = @root, hash = @hash, mac = @mac WHERE id = 1",
                new { root = tree.RootHex(), hash = Checkpoint.Hash(content), mac = forgersKey.Mac(content) }, tx);
        });

        var report = await d.VerifyAsync();
        report.Ok().Should().BeFalse();
        report.Problems().Should().Equal((K.CheckpointMacMismatch, null, null, 1));
    }

    [Fact]
    public async Task A_checkpoint_removed_from_the_middle_is_found_and_its_events_count_as_unsealed()
    {
        await using var d = await AuditDeployment.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            await d.ClaimUnderReviewAsync();
            await d.SealAsync();
        }

        await d.TamperAsync("""
            DELETE FROM audit_checkpoint_events WHERE checkpoint_id = 2;
            DELETE FROM audit_checkpoints WHERE id = 2;
            """);

        var report = await d.VerifyAsync();
        report.Ok().Should().BeFalse();
        report.Unsealed().Should().Be(3);
        report.Problems().Should().BeEquivalentTo(new (string, long?, Guid?, long?)[]
        {
            (K.CheckpointMissing, null, null, 3),
            (K.CheckpointLinkBroken, null, null, 3),
        });
    }
}
