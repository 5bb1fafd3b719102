using Dapper;
using Npgsql;
using SubsidyService.Audit;
using SubsidyService.Claims.Triggers;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>A claim of a set fired in bulk, with what its guards look at; the caller has locked it.</summary>
public sealed record BulkCandidate(Guid Id, string Status, Guid ApplicantId, Guid? VerifiedBy, int UnresolvedFlags);

/// <summary>The machine's answer for one claim of a set.</summary>
public sealed record BulkDecision(Guid ClaimId, ClaimStatus From, ClaimStatus? To, string? Refusal)
{
    public bool IsPermitted => To is not null;
}

/// <summary>
/// A system trigger fired on thousands of claims in one transaction. Each claim is decided by the same
/// <see cref="ClaimWorkflow.Decide"/> on the same <see cref="GuardFacts"/> as <see cref="ClaimTransitions"/> uses,
/// and each permitted one gets its status and its own event with the record its declaration builds, but with one
/// statement for the statuses and one COPY for the events instead of a dozen round trips per claim. Only for
/// triggers declared <see cref="TriggerDeclaration.Bulk"/>, whose effects the start-up check has found the bulk
/// path can carry out.
/// </summary>
public sealed class BulkTransitions(EventLog events, TimeProvider clock)
{
    /// <summary>Locks the given claims in id order, as every multi-claim transaction does before it writes an event.</summary>
    public static Task LockClaimsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<Guid> ids) =>
        conn.ExecuteAsync("SELECT 1 FROM (SELECT id FROM claims WHERE id = ANY(@ids) ORDER BY id FOR UPDATE) locked",
            new { ids = ids.ToArray() }, tx);

    /// <summary>The machine's decision for each claim, as the service itself (<see cref="Role.System"/>).</summary>
    public static IReadOnlyList<BulkDecision> Decide(IEnumerable<BulkCandidate> claims, ClaimTrigger trigger)
    {
        if (!TriggerDeclarations.Of(trigger).Bulk) throw new ArgumentException($"{trigger} is not declared for the bulk path", nameof(trigger));
        return claims.Select(c =>
        {
            var from = EnumCodes.TryParse<ClaimStatus>(c.Status, out var s) ? s : throw new InvalidOperationException($"claim {c.Id} has unknown status {c.Status}");
            // No evaluation here: the declaration check keeps conditions that read it off bulk triggers.
            var facts = GuardFacts.Of(Actor.System, c.ApplicantId, c.VerifiedBy, c.UnresolvedFlags, noticeWorkingDays: 0, eligible: true);
            var d = ClaimWorkflow.Instance.Decide(from, trigger, Role.System, facts);
            return new BulkDecision(c.Id, from, d.Target, d.IsPermitted ? null : d.Message);
        }).ToList();
    }

    /// <summary>
    /// Writes the permitted decisions: statuses (with the version bump every transition makes) and one event per
    /// claim with the record the trigger's declaration builds from <paramref name="dataOf"/>, in the caller's
    /// transaction, on claims the caller has locked.
    /// </summary>
    public async Task RecordAsync(NpgsqlConnection conn, NpgsqlTransaction tx, ClaimTrigger trigger, IReadOnlyList<BulkDecision> decisions,
        string? reason, Func<Guid, TriggerData?> dataOf)
    {
        var declaration = TriggerDeclarations.Of(trigger);
        if (!declaration.Bulk) throw new ArgumentException($"{trigger} is not declared for the bulk path", nameof(trigger));
        var permitted = decisions.Where(d => d.IsPermitted).ToList();
        if (permitted.Count == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var group in permitted.GroupBy(d => (d.From, To: d.To!.Value)))
        {
            var ids = group.Select(d => d.ClaimId).ToArray();
            var updated = await conn.ExecuteAsync("""
                UPDATE claims SET status = @to, version = version + 1, updated_at = @now
                WHERE id = ANY(@ids) AND status = @from
                """, new { ids, from = EnumCodes.ToCode(group.Key.From), to = EnumCodes.ToCode(group.Key.To), now }, tx);
            if (updated != ids.Length) throw new InvalidOperationException("a claim of the set changed status under the caller's lock");
        }
        var code = EnumCodes.ToCode(trigger);
        await events.AppendManyAsync(conn, tx, permitted.Select(d => new NewEvent(d.ClaimId, Actor.System.Id, Actor.System.Label,
            code, EnumCodes.ToCode(d.From), EnumCodes.ToCode(d.To!.Value), reason,
            declaration.Record(new RecordInput(dataOf(d.ClaimId), new TransitionParts(), null)))).ToList());
    }
}
