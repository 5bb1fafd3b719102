namespace SubsidyService.Domain.Claims;

/// <summary>Everything a guard may look at, loaded by the caller: guards never reach for data themselves.</summary>
/// <param name="IsOwner">The actor is the applicant who owns the claim.</param>
/// <param name="VerifiedBy">The verifier who verified the claim, if it has been verified.</param>
/// <param name="UnresolvedFlags">Screening flags no person has confirmed or dismissed yet.</param>
/// <param name="PublicNoticeWorkingDays">The configured notice period; 0 skips the notice.</param>
/// <param name="Eligible">The claim's evaluation on the facts as they would be verified finds it eligible.</param>
/// <param name="OpenObjections">Objections received during the notice that no person has sustained or dismissed yet.</param>
/// <param name="MissingDocuments">The kinds the claim's policy version requires that no document of the claim is (none when not loaded).</param>
/// <param name="DisputeIdentified">
/// The claim names what identifies its dispute (patents and opponents), or is not a patent case; false only for a patent
/// claim stored before those fields were asked for.
/// </param>
public sealed record GuardContext(bool IsOwner, Guid ActorId, Guid? VerifiedBy, int UnresolvedFlags, int PublicNoticeWorkingDays,
    bool Eligible = true, int OpenObjections = 0, IReadOnlyList<DocumentKind>? MissingDocuments = null, bool DisputeIdentified = true)
{
    public bool DocumentsComplete => MissingDocuments is null or { Count: 0 };
}
