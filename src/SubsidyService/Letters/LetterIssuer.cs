using System.Security.Cryptography;
using Npgsql;
using SubsidyService.Kernel;
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
    string? UndertakingVersion = null,
    string? ApplicationNumber = null);

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
    DateOnly IssuedOn,
    string? ApplicationNumber = null);

/// <summary>
/// Issues a letter inside the transaction that decides it: takes the year's next number, renders the PDF, seals
/// it and stores it with the SHA-256 of its bytes.
/// </summary>
public sealed class LetterIssuer(LetterNumbering numbering, LetterDrafting drafting, LetterSeal seal)
{
    public const string Approval = "approval", Rejection = "rejection", RecoveryNotice = "recovery_notice";

    public Task<IssuedLetter> IssueAsync(NpgsqlConnection conn, NpgsqlTransaction tx, LetterDraft draft, Guid? issuedBy, DateTime now) =>
        IssueAsync(conn, tx, draft.IssuedOn.Year, (batch, seq) => Issue(batch, seq, draft, issuedBy, now));

    /// <summary>The recovery notice: a letter of the year's sequence like the others, registered with the amount owed.</summary>
    public Task<IssuedLetter> IssueAsync(NpgsqlConnection conn, NpgsqlTransaction tx, RecoveryNoticeDraft draft, Guid? issuedBy, DateTime now) =>
        IssueAsync(conn, tx, draft.IssuedOn.Year, (batch, seq) => Issue(batch, seq, RecoveryNotice, draft.ClaimId, draft.ApplicantName, draft.Amount,
            draft.IssuedOn, (number, code) => drafting.Render(draft, number, code), issuedBy, now));

    /// <summary>The year's next number, taken in the caller's batch before the letter is drafted (<see cref="Issue(SqlBatch, int, LetterDraft, Guid?, DateTime)"/>).</summary>
    public static SqlBatch.Pending<int> NextSequence(SqlBatch batch, int year) => LetterStore.NextSequence(batch, year);

    /// <summary>The letter under the number <paramref name="seq"/> already taken: rendered, sealed, and stored by <paramref name="writes"/>.</summary>
    public IssuedLetter Issue(SqlBatch writes, int seq, LetterDraft draft, Guid? issuedBy, DateTime now) =>
        Issue(writes, seq, draft.Kind, draft.ClaimId, draft.Facts.Name, draft.Kind == Approval ? draft.Evaluation.Amount : 0m, draft.IssuedOn,
            (number, code) => drafting.Render(draft, number, code), issuedBy, now);

    private static async Task<IssuedLetter> IssueAsync(NpgsqlConnection conn, NpgsqlTransaction tx, int year, Func<SqlBatch, int, IssuedLetter> issue)
    {
        var seq = await LetterStore.NextSequenceAsync(conn, tx, year);
        var batch = new SqlBatch();
        var issued = issue(batch, seq);
        await batch.RunAsync(conn, tx);
        return issued;
    }

    private IssuedLetter Issue(SqlBatch writes, int seq, string kind, Guid claimId, string applicantName,
        decimal amount, DateOnly issuedOn, Func<string, string, byte[]> render, Guid? issuedBy, DateTime now)
    {
        var year = issuedOn.Year;
        var number = numbering.Format(year, seq);
        var id = Guid.NewGuid();
        // Sealed before hashing: the stored SHA-256 and the verification page speak of the file the applicant gets.
        var pdf = seal.Seal(render(number, LetterNumbers.VerificationCode(id)), new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        LetterStore.Insert(writes, id, claimId, kind, year, seq, number, applicantName, amount, now, issuedBy, pdf, sha256);
        return new IssuedLetter(id, number, sha256, pdf);
    }
}
