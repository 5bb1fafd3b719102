using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Domain.Kernel;

namespace SubsidyService.Claims;

/// <summary>A row of <c>claims</c> as stored.</summary>
public sealed class ClaimRow
{
    public Guid Id { get; init; }
    public Guid ApplicantId { get; init; }
    public string Status { get; init; } = "";
    public int Version { get; init; }
    public string Facts { get; private set; } = "";
    public string BankAccount { get; init; } = "";
    public string ApplicantType { get; init; } = "";
    public string ApplicantName { get; init; } = "";
    public string IdNumber { get; init; } = "";
    public string CaseNumber { get; init; } = "";
    public string CanonicalCaseNumber { get; init; } = "";
    public string PolicyVersion { get; init; } = "";
    public decimal Amount { get; init; }
    public Guid? VerifiedBy { get; init; }
    public DateTime? VerifiedAt { get; init; }
    public string? Verification { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
    public DateTime? SubmittedAt { get; init; }
    public Guid? ApprovedBy { get; init; }
    public DateTime? ApprovedAt { get; init; }

    /// <summary>The last day of the public notice (a date; Dapper reads PostgreSQL dates as DateTime).</summary>
    public DateTime? NoticeEndsOn { get; init; }
    public string? LetterNumber { get; init; }
    public string? LetterSha256 { get; init; }

    /// <summary>The undertaking accepted at the latest submission (its text's version), cited by recovery notices.</summary>
    public string? UndertakingVersion { get; init; }

    /// <summary>This row with other facts: what a transition that changes them goes on to screen.</summary>
    public ClaimRow WithFacts(string facts)
    {
        var copy = (ClaimRow)MemberwiseClone();
        copy.Facts = facts;
        return copy;
    }
    /// <summary>受理编号, "2026-000123": null until the first submission.</summary>
    public string? ApplicationNumber { get; init; }

    /// <summary>The review's due date (审核时限), set at each submission (a date, read as DateTime).</summary>
    public DateTime? ReviewDueOn { get; init; }

    /// <summary>The supplement's deadline, set when a verifier asks for one (a date, read as DateTime).</summary>
    public DateTime? SupplementDueOn { get; init; }

    public ClaimStatus StatusValue => EnumCodes.TryParse<ClaimStatus>(Status, out var s) ? s
        : throw new InvalidOperationException($"claim {Id} has unknown status {Status}");

    public const string Columns = """
        id, applicant_id, status, version, facts::text AS facts, bank_account::text AS bank_account, applicant_type,
        applicant_name, id_number, case_number, canonical_case_number, policy_version, amount, verified_by, verified_at,
        verification::text AS verification, created_at, updated_at, submitted_at, approved_by, approved_at, notice_ends_on,
        letter_number, letter_sha256, undertaking_version, application_number, review_due_on, supplement_due_on
        """;
}
