using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims.Triggers;

/// <summary><see cref="Effect.Screening"/>: duplicate screening at submission; a refusal rolls the submission back, flags stay with it.</summary>
public sealed class ScreeningEffect(SubmissionScreening screening, TimeProvider clock, ILogger<SubmissionScreening> log) : ITransitionEffect
{
    public Effect Effect => Effect.Screening;

    public bool Batched => true;

    public void AddLockReads(SqlBatch load, Guid claimId, TransitionParts reads) => reads.Set(SubmissionScreening.ReadOwn(load, claimId));

    public void AddReads(SqlBatch batch, TransitionContext t) =>
        t.Reads.Set(screening.AddLookups(batch, t.Claim, t.Reads.Require<SubmissionScreening.Own>()));

    public async Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        if (t.Reads.Get<SubmissionScreening.Lookups>() is null)
        {
            var batch = new SqlBatch();
            AddReads(batch, t);
            await batch.RunAsync(t.Connection, t.Transaction);
        }
        var lookups = t.Reads.Require<SubmissionScreening.Lookups>();
        var screened = await screening.ScreenAsync(t.Connection, t.Transaction, t.Writes, t.Claim, t.Actor, lookups);
        // At Debug only: the benchmark reads this line for the screening step's own latency, from its lookups' batch
        // (the transition's batch of reads, with the applicant's address) to its decision.
        if (log.IsEnabled(LogLevel.Debug))
            log.LogDebug("Screening of claim {ClaimId} took {Elapsed} ms", t.Claim.Id,
                clock.GetElapsedTime(lookups.Started).TotalMilliseconds.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
        if (!screened.Succeeded) return screened.Refusal;
        t.MarksSubmitted = true;
        t.Parts.Set(new RaisedFlags(screened.Value!.Where(f => !f.RefusesSubmission).Select(f => EnumCodes.ToCode(f.Code)).ToList()));
        return null;
    }
}
