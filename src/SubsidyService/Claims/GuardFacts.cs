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
        IReadOnlyList<DocumentKind>? missingDocuments = null, int openObjections = 0) =>
        new(IsOwner: applicantId == actor.Id, ActorId: actor.Id, VerifiedBy: verifiedBy, UnresolvedFlags: unresolvedFlags,
            PublicNoticeWorkingDays: noticeWorkingDays, Eligible: eligible, OpenObjections: openObjections, MissingDocuments: missingDocuments);

    /// <param name="documentKinds">The kinds of the claim's documents as they are now (a removed one is not among them).</param>
    public static GuardContext Of(Actor actor, ClaimRow row, IReadOnlyList<FlagRow> flags, PolicyVersion version, bool eligible,
        IEnumerable<string> documentKinds, int noticeWorkingDays, int openObjections = 0) =>
        Of(actor, row.ApplicantId, row.VerifiedBy, flags.Count(f => f.IsUnresolved), noticeWorkingDays, eligible,
            MissingDocuments(version, documentKinds), openObjections);

    /// <summary>The kinds the claim's policy version requires that none of its documents is (POLICY.md "Materials").</summary>
    public static IReadOnlyList<DocumentKind> MissingDocuments(PolicyVersion version, IEnumerable<string> documentKinds) =>
        Materials.Missing(version.RequiredDocuments, Materials.Parse(documentKinds));

    /// <summary>A confirmed register match: the case was funded elsewhere, and the evaluation says so.</summary>
    public static bool ConfirmedDuplicateFunding(IReadOnlyList<FlagRow> flags) =>
        flags.Any(f => f.Code == FlagCodes.ExternalFundingMatch && f.Resolution == "confirm");
}
