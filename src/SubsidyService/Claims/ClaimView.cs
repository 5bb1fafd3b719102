using System.Text.Json;
using System.Text.Json.Serialization;
using SubsidyService.Claims.Documents;
using SubsidyService.Domain.Policy;
using SubsidyService.Policy;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Claims;

/// <summary>
/// API.md's claim: <c>{id, status, version, facts, estimate, screening, permittedTriggers, history, letter}</c> and more:
/// the document kinds its policy version requires before verification, and those no document of the claim is yet.
/// </summary>
public sealed record ClaimView(
    Guid Id,
    string Status,
    int Version,
    ApplicantView Applicant,
    ClaimFactsInput Facts,
    BankAccountView BankAccount,
    string PolicyVersion,
    EstimateResponse Estimate,
    IReadOnlyList<ScreeningView> Screening,
    IReadOnlyList<string> PermittedTriggers,
    IReadOnlyList<HistoryView> History,
    IReadOnlyList<DocumentView> Documents,
    VerificationView? Verification,
    LetterView? Letter,
    string? NoticeEndsOn,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? SubmittedAt,
    IReadOnlyList<string> RequiredDocuments,
    IReadOnlyList<string> MissingDocuments,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<PriorClaimView>? PriorClaims = null)
{
    /// <summary>受理编号, "2026-000123", from the first submission; null for a draft never submitted. The id stays the API's identifier.</summary>
    public string? ApplicationNumber { get; init; }

    /// <summary>The policy version as people call it, "2023年版（第十三项）"; <see cref="PolicyVersion"/> is its key.</summary>
    public string PolicyTitle { get; init; } = "";

    /// <summary>The review's due date (审核时限, working days from the latest submission), YYYY-MM-DD.</summary>
    public string? ReviewDueOn { get; init; }

    /// <summary>The review's working days under the claim's policy version.</summary>
    public int ReviewWorkingDays { get; init; }

    /// <summary>Whether the review is past its due date while the claim waits for the bureau.</summary>
    public bool Overdue { get; init; }

    /// <summary>The supplement's deadline (补正期限), set by the service with the request, YYYY-MM-DD; null unless one is asked for.</summary>
    public string? SupplementDueOn { get; init; }
}

public sealed record ApplicantView(Guid Id, string DisplayName);

public sealed record BankAccountView(string BankName, string AccountName, string AccountNumber);

public sealed record ScreeningView(Guid Id, string Code, string Detail, string? Resolution, string? Reason,
    DateTime RaisedAt, DateTime? ResolvedAt, Guid? MatchedClaimId, Guid? MatchedRegisterRowId);

/// <summary>One event of a claim's history; <c>ActorRole</c> is the acting account's role code, or "system".</summary>
public sealed record HistoryView(long Id, DateTime At, string Actor, string Trigger, string? From, string? To, string? Reason, JsonElement? Data,
    string? ActorRole = null);

public sealed record DocumentView(Guid Id, string Kind, string FileName, string ContentType, int SizeBytes, string Sha256, DateTime UploadedAt)
{
    public static DocumentView Of(DocumentRow d) => new(d.Id, d.Kind, d.FileName, d.ContentType, d.SizeBytes, d.Sha256, d.UploadedAt);
}

public sealed record LetterView(string Number, string Sha256);

/// <summary>What the verifier settled, with money as API.md's strings.</summary>
public sealed record VerificationView(bool MajorImpact, bool ForeignRelated, string? FeeBase, string? DesignationBasis = null)
{
    public static VerificationView? Of(Verification? v) =>
        v is null ? null : new(v.MajorImpact, v.ForeignRelated, v.FeeBaseLimit is { } f ? Invariant.Money(f) : null, v.DesignationBasis);
}

public sealed record ClaimSummary(Guid Id, string Status, int Version, string ApplicantName, string CaseNumber, string Amount,
    string PolicyVersion, int UnresolvedFlags, DateTime CreatedAt, DateTime? SubmittedAt, DateTime UpdatedAt)
{
    /// <summary>受理编号; null for a draft never submitted.</summary>
    public string? ApplicationNumber { get; init; }

    /// <summary>The review's due date, YYYY-MM-DD.</summary>
    public string? ReviewDueOn { get; init; }

    /// <summary>Whether the review is past its due date while the claim waits for the bureau.</summary>
    public bool Overdue { get; init; }
}

public sealed record ClaimPage(IReadOnlyList<ClaimSummary> Items, int Page, int PageSize, long Total);
