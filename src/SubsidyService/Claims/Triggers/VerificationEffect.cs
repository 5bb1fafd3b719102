using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims.Triggers;

/// <summary>
/// <see cref="Effect.Verification"/>: what the verifier settled (designation, fee base) and the amount computed
/// again from it, written to the claim. The settlement itself was read and checked before the guards ran, since
/// eligibility on the verified facts is one of them (<see cref="ClaimTransitions"/>).
/// </summary>
public sealed class VerificationEffect : ITransitionEffect
{
    public Effect Effect => Effect.Verification;

    public bool Batched => true;

    public Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        var verification = t.Parts.Require<Verification>();
        t.Writes.Execute("""
            UPDATE claims SET verified_by = @verifiedBy, verified_at = @verifiedAt, verification = @verification::jsonb,
                              amount = @verifiedAmount, tier = @verifiedTier
            WHERE id = @id
            """, new { verifiedBy = t.Actor.Id, verifiedAt = t.Now, verification = ClaimJson.Serialize(verification),
            verifiedAmount = t.Evaluation.Amount, verifiedTier = ClaimStore.TierCode(t.Evaluation), id = t.Claim.Id });
        t.Parts.Set(new VerifiedEvent(verification.MajorImpact, verification.ForeignRelated,
            Invariant.Money(t.Evaluation.FeeBase), Invariant.Money(t.Evaluation.Amount), verification.DesignationBasis));
        return Task.FromResult<Refusal?>(null);
    }
}
