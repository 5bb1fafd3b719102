using Dapper;
using SubsidyService.Audit;
using SubsidyService.Domain.Kernel;
using SubsidyService.Domain.Policy;
using SubsidyService.Domain.Screening;
using SubsidyService.Kernel;

namespace SubsidyService.Claims.Triggers;

/// <summary>
/// <see cref="Effect.DisputeDetails"/>: a claim stored before patents and opponents were asked for gets them from the
/// verifier, who read them in the judgment. They are written into the claim's facts as the applicant would have given
/// them, and screening looks for another instance of the same dispute at once, as it would have at submission: a
/// match raises <c>same_dispute</c> on both claims, and verification waits until a person resolves it.
/// </summary>
public sealed class DisputeDetailsEffect(SubmissionScreening screening, EventLog events) : ITransitionEffect
{
    public Effect Effect => Effect.DisputeDetails;

    public void AddLockReads(SqlBatch load, Guid claimId, TransitionParts reads) => reads.Set(SubmissionScreening.ReadOwn(load, claimId));

    public async Task<Refusal?> ApplyAsync(TransitionContext t)
    {
        var data = t.Data as DisputeDetailsData ?? new DisputeDetailsData(null, null);
        var (details, refused) = ClaimFactsValidator.Dispute(data.PatentNumbers, data.OpposingParties).ToOutcome();
        if (details is null)
            return Refusal.Validation(refused!.FieldErrors.ToDictionary(e => "data." + e.Key, e => e.Value));

        var stored = ClaimJson.Deserialize<ClaimFactsInput>(t.Claim.Facts);
        var json = ClaimJson.Serialize(stored with
        {
            PatentNumbers = details.PatentNumbers.ToList<string?>(),
            OpposingParties = details.OpposingParties.ToList<string?>(),
        });
        await t.Connection.ExecuteAsync("UPDATE claims SET facts = @json::jsonb, updated_at = @Now WHERE id = @Id",
            new { json, t.Now, t.Claim.Id }, t.Transaction);

        var claim = t.Claim.WithFacts(json);
        var lookups = new SqlBatch();
        var found = screening.AddLookups(lookups, claim, t.Reads.Require<SubmissionScreening.Own>());
        await lookups.RunAsync(t.Connection, t.Transaction);
        var screened = await screening.ScreenAsync(t.Connection, t.Transaction, t.Writes, claim, t.Actor, found, ScreeningCode.SameDispute);
        if (!screened.Succeeded) return screened.Refusal;

        t.Parts.Set(new DisputeDetailsAddedEvent(details.PatentNumbers,
            details.OpposingParties.Select(p => events.Fingerprint(PartyName.Normalise(p))).ToList(),
            screened.Value!.Select(f => EnumCodes.ToCode(f.Code)).ToList()));
        return null;
    }
}
