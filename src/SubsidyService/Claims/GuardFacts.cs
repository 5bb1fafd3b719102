using SubsidyService.Domain.Kernel;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>
/// The facts the machine's guards look at, built one way for every caller: a transition, the claim's view (which
/// buttons to show), and the bulk path. The bulk path has no evaluation; the declaration check keeps conditions
/// that read it off bulk triggers, so its <paramref name="eligible"/> is never looked at there.
/// </summary>
public static class GuardFacts
{
    public static GuardContext Of(Actor actor, Guid applicantId, Guid? verifiedBy, int unresolvedFlags, int noticeWorkingDays, bool eligible,
        IReadOnlyList<DocumentKind>? missingDocuments = null, int openObjections = 0, bool disputeIdentified = true) =>
        new(IsOwner: applicantId == actor.Id, ActorId: actor.Id, VerifiedBy: verifiedBy, UnresolvedFlags: unresolvedFlags,
            PublicNoticeWorkingDays: noticeWorkingDays, Eligible: eligible, OpenObjections: openObjections, MissingDocuments: missingDocuments,
            DisputeIdentified: disputeIdentified);

    /// <param name="documentKinds">The kinds of the claim's documents as they are now (a removed one is not among them).</param>
    public static GuardContext Of(Actor actor, ClaimRow row, IReadOnlyList<FlagRow> flags, PolicyVersion version, bool eligible,
        IEnumerable<string> documentKinds, int noticeWorkingDays, int openObjections = 0) =>
        Of(actor, row.ApplicantId, row.VerifiedBy, flags.Count(f => f.IsUnresolved), noticeWorkingDays, eligible,
            MissingDocuments(version, documentKinds), openObjections, DisputeIdentified(row));

    /// <summary>
    /// Whether a patent claim names its patents and opponents: every claim since those fields were required does; one
    /// stored before them waits for a verifier to add them (<c>add_dispute_details</c>).
    /// </summary>
    public static bool DisputeIdentified(ClaimRow row) => DisputeIdentified(ClaimJson.Deserialize<ClaimFactsInput>(row.Facts));

    public static bool DisputeIdentified(ClaimFactsInput facts)
    {
        return facts.CaseType != EnumCodes.ToCode(CaseType.PatentInfringement)
               || (facts.PatentNumbers is { Count: > 0 } && facts.OpposingParties is { Count: > 0 });
    }

    /// <summary>The kinds the claim's policy version requires that none of its documents is (POLICY.md "Materials").</summary>
    public static IReadOnlyList<DocumentKind> MissingDocuments(PolicyVersion version, IEnumerable<string> documentKinds) =>
        Materials.Missing(version.RequiredDocuments, Materials.Parse(documentKinds));

    /// <summary>A confirmed register match: the case was funded elsewhere, and the evaluation says so.</summary>
    public static bool ConfirmedDuplicateFunding(IReadOnlyList<FlagRow> flags) =>
        flags.Any(f => f.Code == FlagCodes.ExternalFundingMatch && f.Resolution == "confirm");
}
