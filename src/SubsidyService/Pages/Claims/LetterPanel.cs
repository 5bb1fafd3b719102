using SubsidyService.Claims;
using SubsidyService.Letters;

namespace SubsidyService.Pages.Claims;

/// <summary>
/// What the letter card shows: the claim's current letter and notice, downloaded through the role's own
/// page (<see cref="LetterFileModel"/>); for staff, every letter the claim has had, revoked ones included.
/// </summary>
/// <param name="RecoveryNotices">The claim's recovery notices (追回告知书), for the applicant, who does not see <paramref name="All"/>.</param>
public sealed record LetterPanel(ClaimView Claim, string BasePath, IReadOnlyList<LetterRecord>? All = null,
    IReadOnlyList<LetterRecord>? RecoveryNotices = null)
{
    public string DownloadUrl => $"{BasePath}/{Claim.Id}/Letter";

    public string DownloadUrlOf(string number) => $"{DownloadUrl}?number={Uri.EscapeDataString(number)}";

    public static string VerifyUrl(string number, string? sha256 = null) =>
        $"~/Letters/Verify?number={Uri.EscapeDataString(number)}" + (sha256 is null ? "" : $"&sha256={sha256}");

    /// <summary>The current letter is the rejection notice once a claim is rejected, the approval letter otherwise.</summary>
    public string CurrentKind => ClaimText.LetterKind(Claim.Status == "rejected" ? LetterIssuer.Rejection : LetterIssuer.Approval);

    public bool HasAnything => Claim.Letter is not null || Claim.NoticeEndsOn is not null || All is { Count: > 0 } || RecoveryNotices is { Count: > 0 };
}
