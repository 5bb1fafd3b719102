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

/// <summary>
/// Issues a letter inside the transaction that decides it: takes the year's next number, renders the PDF, seals
/// it and stores it with the SHA-256 of its bytes.
/// </summary>
public sealed class LetterIssuer(LetterNumbering numbering, LetterDrafting drafting, LetterSeal seal)
{
    public const string Approval = "approval", Rejection = "rejection";

    public async Task<IssuedLetter> IssueAsync(NpgsqlConnection conn, NpgsqlTransaction tx, LetterDraft draft, Guid? issuedBy, DateTime now)
    {
        var year = draft.IssuedOn.Year;
        var seq = await LetterStore.NextSequenceAsync(conn, tx, year);
        var number = numbering.Format(year, seq);
        var id = Guid.NewGuid();
        // Sealed before hashing: the stored SHA-256 and the verification page speak of the file the applicant gets.
        var pdf = seal.Seal(drafting.Render(draft, number, LetterNumbers.VerificationCode(id)), new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)));
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(pdf));
        var amount = draft.Kind == Approval ? draft.Evaluation.Amount : 0m;
        await LetterStore.InsertAsync(conn, tx, id, draft.ClaimId, draft.Kind, year, seq, number, draft.Facts.Name, amount, now, issuedBy, pdf, sha256);
        return new IssuedLetter(id, number, sha256, pdf);
    }
}
