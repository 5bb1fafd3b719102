using System.Security.Cryptography;
using Npgsql;
using SubsidyService.Letters.Signing;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Letters;

/// <summary>What a letter says about a claim, before it has a number.</summary>
public sealed record LetterDraft(
    string Kind,
    Guid ClaimId,
    ClaimFacts Facts,
    Evaluation Evaluation,
    DateOnly IssuedOn,
    DateOnly? NoticeEndsOn,
    string? ReasonCode,
    string? Reason,
    IReadOnlyList<string> RelatedCaseNumbers,
    SubsidyService.Claims.Verification? Verification = null,
    string? UndertakingVersion = null);

public sealed record IssuedLetter(Guid Id, string Number, string Sha256, byte[] Pdf);

/// <summary>What a recovery notice says: the recovery as opened, and the claim it is owed on.</summary>
public sealed record RecoveryNoticeDraft(
    Guid ClaimId,
    string ApplicantName,
    string IdNumber,
    string CaseNumber,
    decimal PaidAmount,
    decimal Amount,
    string Grounds,
    string Reason,
    string? UndertakingVersion,
    DateOnly IssuedOn);

/// <summary>
/// Issues a letter inside the transaction that decides it: takes the year's next number, renders the PDF, seals
/// it and stores it with the SHA-256 of its bytes.
/// </summary>
public sealed class LetterIssuer(LetterNumbering numbering, LetterDrafting drafting, LetterSeal seal)
{
    public const string Approval = "approval", Rejection = "rejection", RecoveryNotice = "recovery_notice";

    public Task<IssuedLetter> IssueAsync(NpgsqlConnection conn, NpgsqlTransaction tx, LetterDraft draft, Guid? issuedBy, DateTime now) =>
        IssueAsync(conn, tx, draft.Kind, draft.ClaimId, draft.Facts.Name, draft.Kind == Approval ? draft.Evaluation.Amount : 0m, draft.IssuedOn,
            (number, code) => drafting.Render(draft, number, code), issuedBy, now);

    /// <summary>The recovery notice: a letter of the year's sequence like the others, registered with the amount owed.</summary>
    public Task<IssuedLetter> IssueAsync(NpgsqlConnection conn, NpgsqlTransaction tx, RecoveryNoticeDraft draft, Guid? issuedBy, DateTime now) =>
        IssueAsync(conn, tx, RecoveryNotice, draft.ClaimId, draft.ApplicantName, draft.Amount, draft.IssuedOn,
            (number, code) => drafting.Render(draft, number, code), issuedBy, now);

    private async Task<IssuedLetter> IssueAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string kind, Guid claimId, string applicantName,
        decimal amount, DateOnly issuedOn, Func<string, string, byte[]> render, Guid? issuedBy, DateTime now)
    {
        var year = issuedOn.Year;
        var seq = await LetterStore.NextSequenceAsync(conn, tx, year);
        var number = numbering.Format(year, seq);
        var id = Guid.NewGuid();
        // Sealed before hashing: the stored SHA-256 and the verification page speak of the file the applicant gets.
        var pdf = seal.Seal(render(number, LetterNumbers.VerificationCode(id)), new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        await LetterStore.InsertAsync(conn, tx, id, claimId, kind, year, seq, number, applicantName, amount, now, issuedBy, pdf, sha256);
        return new IssuedLetter(id, number, sha256, pdf);
    }
}
