using Dapper;
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

    public async Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        var verification = t.Parts.Require<Verification>();
        await t.Connection.ExecuteAsync("""
            UPDATE claims SET verified_by = @by, verified_at = @Now, verification = @verification::jsonb, amount = @Amount, tier = @tier
            WHERE id = @Id
            """, new { by = t.Actor.Id, t.Now, verification = ClaimJson.Serialize(verification), t.Evaluation.Amount,
            tier = ClaimStore.TierCode(t.Evaluation), t.Claim.Id }, t.Transaction);
        t.Parts.Set(new VerifiedEvent(verification.MajorImpact, verification.ForeignRelated,
            Invariant.Money(t.Evaluation.FeeBase), Invariant.Money(t.Evaluation.Amount), verification.DesignationBasis));
        return null;
    }
}
