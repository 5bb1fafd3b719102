using Dapper;
using Npgsql;
using SubsidyService.Audit;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>A claim ready for payout as a batch sees it, locked by the batch's transaction.</summary>
public sealed record PayoutCandidate(Guid Id, string Status, Guid? VerifiedBy, decimal Amount, int UnresolvedFlags);

/// <summary>The machine's answer for one claim of a set.</summary>
public sealed record BulkDecision(Guid ClaimId, ClaimStatus From, ClaimStatus? To, string? Refusal)
{
    public bool IsPermitted => To is not null;
}

/// <summary>
/// A system trigger fired on thousands of claims in one transaction: each claim is decided by the same
/// <see cref="ClaimWorkflow.Decide"/> call as <see cref="ClaimTransitions"/> makes, and each permitted one gets
/// its status and its own event, but with one statement for the statuses and one COPY for the events instead
/// of a dozen round trips per claim. Only for triggers no <see cref="ITransitionHandler"/> acts on and that
/// have no effects beyond the status (<see cref="Supported"/>): the single path stays the one for the rest.
/// </summary>
public sealed class BulkTransitions(TimeProvider clock)
{
    public static readonly IReadOnlySet<ClaimTrigger> Supported = new HashSet<ClaimTrigger> { ClaimTrigger.IncludeInPayout };

    /// <summary>
    /// Locks up to <paramref name="limit"/> claims in ready_for_payout, skipping those another transaction holds
    /// (a concurrent batch takes them) and those this run has already been refused.
    /// </summary>
    public static async Task<IReadOnlyList<PayoutCandidate>> LockReadyForPayoutAsync(NpgsqlConnection conn, NpgsqlTransaction tx,
        int limit, IReadOnlyCollection<Guid> refused) =>
        (await conn.QueryAsync<PayoutCandidate>("""
            SELECT c.id, c.status, c.verified_by AS verifiedby, c.amount,
                   (SELECT count(*)::int FROM screening_flags f WHERE f.claim_id = c.id AND f.resolution IS NULL) AS unresolvedflags
            FROM claims c
            WHERE c.status = 'ready_for_payout' AND NOT (c.id = ANY(@refused))
            ORDER BY c.id
            LIMIT @limit
            FOR UPDATE OF c SKIP LOCKED
            """, new { limit, refused = refused.ToArray() }, tx)).ToList();

    /// <summary>Locks the given claims in id order, as every multi-claim transaction does before it writes an event.</summary>
    public static Task LockClaimsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, IReadOnlyList<Guid> ids) =>
        conn.ExecuteAsync("SELECT 1 FROM (SELECT id FROM claims WHERE id = ANY(@ids) ORDER BY id FOR UPDATE) locked",
            new { ids = ids.ToArray() }, tx);

    /// <summary>How many claims wait in ready_for_payout (for a batch's progress).</summary>
    public static Task<int> CountReadyForPayoutAsync(NpgsqlConnection conn, NpgsqlTransaction? tx = null) =>
        conn.ExecuteScalarAsync<int>("SELECT count(*)::int FROM claims WHERE status = 'ready_for_payout'", transaction: tx);

    /// <summary>
    /// Ready claims with no open screening flag: whether a scheduled batch would find work. Only a hint for
    /// the schedule; the machine's guard still decides each claim.
    /// </summary>
    public static Task<int> CountPayableAsync(NpgsqlConnection conn) =>
        conn.ExecuteScalarAsync<int>("""
            SELECT count(*)::int FROM claims c WHERE c.status = 'ready_for_payout'
            AND NOT EXISTS (SELECT 1 FROM screening_flags f WHERE f.claim_id = c.id AND f.resolution IS NULL)
            """);

    /// <summary>The machine's decision for each claim, as the service itself (<see cref="Role.System"/>).</summary>
    public static IReadOnlyList<BulkDecision> Decide(IEnumerable<PayoutCandidate> claims, ClaimTrigger trigger)
    {
        if (!Supported.Contains(trigger)) throw new ArgumentException($"{trigger} is not fired in bulk", nameof(trigger));
        return claims.Select(c =>
        {
            var from = EnumCodes.TryParse<ClaimStatus>(c.Status, out var s) ? s : throw new InvalidOperationException($"claim {c.Id} has unknown status {c.Status}");
            var ctx = new GuardContext(IsOwner: false, Actor.System.Id, c.VerifiedBy, c.UnresolvedFlags, PublicNoticeWorkingDays: 0);
            var d = ClaimWorkflow.Instance.Decide(from, trigger, Role.System, ctx);
            return new BulkDecision(c.Id, from, d.Target, d.IsPermitted ? null : d.Message);
        }).ToList();
    }

    /// <summary>
    /// Writes the permitted decisions: statuses (with the version bump every transition makes) and one event
    /// per claim with its data, in the caller's transaction, on claims the caller has locked.
    /// </summary>
    public async Task RecordAsync(NpgsqlConnection conn, NpgsqlTransaction tx, ClaimTrigger trigger, IReadOnlyList<BulkDecision> decisions,
        string? reason, Func<Guid, object?> dataOf)
    {
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
        await EventBatch.AppendManyAsync(conn, tx, now, permitted.Select(d => new NewEvent(d.ClaimId, Actor.System.Id, Actor.System.Label,
            code, EnumCodes.ToCode(d.From), EnumCodes.ToCode(d.To!.Value), reason, dataOf(d.ClaimId))).ToList());
    }
}
