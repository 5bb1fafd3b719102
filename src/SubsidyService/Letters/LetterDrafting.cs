using SubsidyService.Claims;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Letters;

/// <summary>
/// Turns a numbered draft into the renderer's content: the authority and the address the QR code points at
/// come from configuration (<c>Authority:Name</c>, <c>Authority:PublicUrl</c>), the figures from the claim.
/// </summary>
public sealed class LetterDrafting(LetterRenderer renderer, IConfiguration config)
{
    public const string DefaultAuthority = "县市场监督管理局（知识产权局）";

    private readonly string authority = config["Authority:Name"] is { Length: > 0 } a ? a : DefaultAuthority;
    private readonly string? consultationPhone = config["Authority:ConsultationPhone"] is { Length: > 0 } p ? p : null;

    /// <summary>Days the applicant has to repay, from the notice's date: the recovery mail says the same thirty.</summary>
    public const int RepaymentDays = 30;

    private readonly string publicUrl = config["Authority:PublicUrl"] is { Length: > 0 } u ? u : ListeningUrl(config["urls"]);

    /// <summary>
    /// Without a configured public address the QR code points where the service listens (a demo on another
    /// port must not print letters that open the wrong one); a wildcard host is no address a phone can open.
    /// </summary>
    internal static string ListeningUrl(string? urls)
    {
        var first = urls?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return first is null || first.Contains("://+") || first.Contains("://*") || first.Contains("://0.0.0.0") || first.Contains("://[::]")
            ? "http://127.0.0.1:5080"
            : first;
    }

    public byte[] Render(LetterDraft draft, string number, string verificationCode)
    {
        var f = draft.Facts;
        var e = draft.Evaluation;
        var url = LetterNumbers.VerificationUrl(publicUrl, number, verificationCode);
        var content = draft.Kind == LetterIssuer.Approval
            ? new LetterContent(LetterKind.Approval, number, draft.IssuedOn, authority, f.Name, url,
                Approval: new ApprovalDetails(f.Name, f.IdNumber, f.CaseNumber, draft.RelatedCaseNumbers, f.Court, f.JudgmentEffectiveDate,
                    f.AgencyFee, e.FeeBase, e.Rate, e.Tier ?? throw new InvalidOperationException("an approved claim has a tier"),
                    e.Cap, e.Amount, e.Trace, e.PolicyTitle ?? e.PolicyVersion, draft.NoticeEndsOn, Designation(draft.Verification),
                    draft.Verification?.DesignationBasis, draft.UndertakingVersion), VerificationCode: verificationCode,
                ApplicationNumber: draft.ApplicationNumber)
            : new LetterContent(LetterKind.Rejection, number, draft.IssuedOn, authority, f.Name, url,
                Rejection: Rejection(f.Name, f.IdNumber, f.CaseNumber, draft.ReasonCode ?? "other", draft.Reason ?? ""), VerificationCode: verificationCode,
                ApplicationNumber: draft.ApplicationNumber);
        return renderer.Render(content);
    }

    public byte[] Render(RecoveryNoticeDraft draft, string number, string verificationCode) =>
        renderer.Render(new LetterContent(LetterKind.RecoveryNotice, number, draft.IssuedOn, authority, draft.ApplicantName,
            LetterNumbers.VerificationUrl(publicUrl, number, verificationCode), VerificationCode: verificationCode,
            Recovery: new RecoveryDetails(draft.ApplicantName, draft.IdNumber, draft.CaseNumber, draft.PaidAmount, draft.Amount,
                RecoveryGrounds.Name(draft.Grounds), draft.Reason, draft.UndertakingVersion, draft.IssuedOn.AddDays(RepaymentDays), consultationPhone),
            ApplicationNumber: draft.ApplicationNumber));

    /// <summary>The bureau's designation in the letter's words; null when it designated neither.</summary>
    internal static string? Designation(Verification? v) => v switch
    {
        { ForeignRelated: true, MajorImpact: true } => "涉外且具有重大影响",
        { ForeignRelated: true } => "涉外",
        { MajorImpact: true } => "具有重大影响",
        _ => null,
    };

    private static RejectionDetails Rejection(string name, string idNumber, string caseNumber, string code, string text) =>
        new(name, idNumber, caseNumber, code,
            RejectionReasons.All.TryGetValue(code, out var wording) ? wording : throw new ArgumentException($"unknown reason code '{code}'", nameof(code)),
            text);
}
