using SubsidyService.Domain.Claims;
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
        int openObjections = 0) =>
        new(IsOwner: applicantId == actor.Id, ActorId: actor.Id, VerifiedBy: verifiedBy, UnresolvedFlags: unresolvedFlags,
            PublicNoticeWorkingDays: noticeWorkingDays, Eligible: eligible, OpenObjections: openObjections);

    public static GuardContext Of(Actor actor, ClaimRow row, IReadOnlyList<FlagRow> flags, int noticeWorkingDays, bool eligible,
        int openObjections = 0) =>
        Of(actor, row.ApplicantId, row.VerifiedBy, flags.Count(f => f.IsUnresolved), noticeWorkingDays, eligible, openObjections);

    /// <summary>A confirmed register match: the case was funded elsewhere, and the evaluation says so.</summary>
    public static bool ConfirmedDuplicateFunding(IReadOnlyList<FlagRow> flags) =>
        flags.Any(f => f.Code == FlagCodes.ExternalFundingMatch && f.Resolution == "confirm");
}
