using SubsidyService.Domain.Policy;

namespace SubsidyService.Letters;

public enum LetterKind
{
    /// <summary>补助核准通知书</summary>
    Approval,

    /// <summary>不予补助告知书</summary>
    Rejection,

    /// <summary>追回告知书: money paid that must be repaid.</summary>
    RecoveryNotice,
}

/// <summary>
/// Everything a letter prints, as plain values: the renderer reads nothing else (no database, no clock), so the
/// same content always gives the same bytes. Exactly one of <see cref="Approval"/>, <see cref="Rejection"/> and
/// <see cref="Recovery"/> is set, the one matching <see cref="Kind"/>.
/// </summary>
/// <param name="Number">The letter number as printed, e.g. 县知补〔2026〕第0001号 (see <see cref="LetterNumbers.Format"/>).</param>
/// <param name="IssuedOn">The date printed at the foot (成文日期), also the PDF's creation date.</param>
/// <param name="AuthorityName">The issuing authority: the red header and the signature.</param>
/// <param name="Addressee">主送: whom the letter is addressed to, usually the applicant's name.</param>
/// <param name="VerificationUrl">What the QR code holds (see <see cref="LetterNumbers.VerificationUrl"/>).</param>
/// <param name="VerificationCode">Printed under the QR code (see <see cref="LetterNumbers.VerificationCode"/>): with the number, what proves a copy is in hand.</param>
/// <param name="ApplicationNumber">受理编号 of the claim the letter decides, as the applicant knows it; null prints no line.</param>
public sealed record LetterContent(
    LetterKind Kind,
    string Number,
    DateOnly IssuedOn,
    string AuthorityName,
    string Addressee,
    string VerificationUrl,
    ApprovalDetails? Approval = null,
    RejectionDetails? Rejection = null,
    string? VerificationCode = null,
    RecoveryDetails? Recovery = null,
    string? ApplicationNumber = null);

/// <summary>The figures of an approval, as kept on the claim when it was verified.</summary>
/// <param name="IdNumber">The full ID number or credit code; the letter prints it masked.</param>
/// <param name="RelatedCaseNumbers">Other case numbers of the same dispute (appeal, retrial), printed after the main one.</param>
/// <param name="Rate">The subsidy rate as a fraction (0.5 for 50%).</param>
/// <param name="Cap">The tier's cap; null when the policy version sets none for the tier.</param>
/// <param name="Trace">The evaluation's steps, each citing the words of item 13 it applies.</param>
/// <param name="PublicNoticeEndsOn">The last day of the public notice; null when the policy version has no notice period.</param>
/// <param name="Designation">What the bureau designated the case (涉外, 具有重大影响), in words; null when it designated nothing.</param>
/// <param name="DesignationBasis">The verifier's basis for that designation, which the letter states.</param>
/// <param name="UndertakingVersion">The version of the undertaking (承诺书) the applicant accepted at submission; null for claims from before it.</param>
public sealed record ApprovalDetails(
    string ApplicantName,
    string IdNumber,
    string CaseNumber,
    IReadOnlyList<string> RelatedCaseNumbers,
    string Court,
    DateOnly JudgmentEffectiveDate,
    decimal AgencyFee,
    decimal FeeBase,
    decimal Rate,
    Tier Tier,
    decimal? Cap,
    decimal Amount,
    IReadOnlyList<TraceStep> Trace,
    string PolicyVersion,
    DateOnly? PublicNoticeEndsOn,
    string? Designation = null,
    string? DesignationBasis = null,
    string? UndertakingVersion = null);

/// <param name="IdNumber">The full ID number or credit code; the letter prints it masked.</param>
/// <param name="ReasonCode">The rejection's reason code (the service's <c>RejectionReasons</c>).</param>
/// <param name="ReasonWording">That code's wording, which the notice prints.</param>
/// <param name="ReasonText">The reason the verifier or finance wrote.</param>
public sealed record RejectionDetails(
    string ApplicantName,
    string IdNumber,
    string CaseNumber,
    string ReasonCode,
    string ReasonWording,
    string ReasonText);

/// <summary>A recovery the bureau decided: what is owed, why, on what undertaking, by when and how to contest it.</summary>
/// <param name="IdNumber">The full ID number or credit code; the notice prints it masked.</param>
/// <param name="GroundsWording">The grounds in words (the service's <c>RecoveryGrounds</c>).</param>
/// <param name="ReasonText">What the person who opened the recovery wrote for the applicant.</param>
/// <param name="UndertakingVersion">The undertaking the applicant accepted at submission; null for claims from before it.</param>
/// <param name="RepayBy">The last day to repay.</param>
/// <param name="ConsultationPhone">Where to ask how to repay; the line is left out when null.</param>
public sealed record RecoveryDetails(
    string ApplicantName,
    string IdNumber,
    string CaseNumber,
    decimal PaidAmount,
    decimal Amount,
    string GroundsWording,
    string ReasonText,
    string? UndertakingVersion,
    DateOnly RepayBy,
    string? ConsultationPhone);
