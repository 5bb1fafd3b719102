using Dapper;
using FluentAssertions;
using SubsidyService.Audit;
using K = SubsidyService.Audit.AuditProblemKinds;

namespace SubsidyService.Tests.Audit;

/// <summary>Events written before chains were per claim (hash version 1) are still verified, as the county-wide chain they were.</summary>
public sealed class LegacyChainTests
{
    private static async Task<List<long>> WriteLegacyEventsAsync(AuditDeployment d, int count)
    {
        var ids = new List<long>();
        await d.TamperAsync(async (conn, tx) =>
        {
            var prev = EventHash.Genesis;
            for (var i = 0; i < count; i++)
            {
                var id = await conn.ExecuteScalarAsync<long>("SELECT nextval('claim_events_id_seq')", transaction: tx);
                var at = new DateTime(2025, 3, 1, 8, 0, i, DateTimeKind.Utc);
                var hash = EventHash.Of(1, id, null, at, null, "系统", "register_import", null, null, $"旧事件 {i}", null, prev);
                await conn.ExecuteAsync("""
                    INSERT INTO claim_events (id, claim_id, at, actor, trigger, reason, prev_hash, hash, hash_version)
                    VALUES (@id, NULL, @at, '系统', 'register_import', @reason, @prev, @hash, 1)
                    """, new { id, at, reason = $"旧事件 {i}", prev, hash }, tx);
                prev = hash;
                ids.Add(id);
            }
        });
        return ids;
    }

    [Fact]
    public async Task An_old_county_wide_chain_verifies_is_sealed_and_a_row_removed_from_it_is_named()
    {
        await using var d = await AuditDeployment.StartAsync();
        var ids = await WriteLegacyEventsAsync(d, 3);
        await d.ClaimUnderReviewAsync();
        var intact = await d.VerifyAsync();
        intact.Ok().Should().BeTrue(intact.ToString());
        (await d.SealAsync()).Should().Be(d.SecurityEvents + 6);

        await d.TamperAsync("DELETE FROM audit_checkpoint_events WHERE event_id = @id; DELETE FROM claim_events WHERE id = @id", new { id = ids[1] });

        var report = await d.VerifyAsync();
        report.Problems().Should().BeEquivalentTo(new (string, long?, Guid?, long?)[]
        {
            (K.EventLinkBroken, ids[2], null, null),
            (K.CheckpointRootMismatch, null, null, 1),
        });
    }

    [Fact]
    public async Task An_old_event_relabelled_as_new_no_longer_matches_its_hash()
    {
        await using var d = await AuditDeployment.StartAsync();
        var ids = await WriteLegacyEventsAsync(d, 2);

        await d.TamperAsync("UPDATE claim_events SET hash_version = 2 WHERE id = @id", new { id = ids[1] });

        (await d.VerifyAsync()).Problems().Should().Contain((K.EventHashMismatch, ids[1], null, null));
    }
}
