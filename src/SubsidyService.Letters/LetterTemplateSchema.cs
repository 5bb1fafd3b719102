namespace SubsidyService.Letters;

/// <summary>
/// Which sections each letter's template has, and which placeholders each section may name. Loading checks a
/// template against this, so a misspelt placeholder stops start-up instead of printing on a letter.
/// </summary>
public sealed record LetterTemplateSchema(LetterKind Kind, string FileName, IReadOnlyDictionary<string, IReadOnlySet<string>> Sections)
{
    /// <summary>Every letter: its number, date, issuer and addressee.</summary>
    private static readonly string[] Common = ["letterNumber", "issuedOn", "authority", "addressee", "applicationNumber"];

    private static readonly string[] ApprovalFields =
    [
        "applicantName", "idNumber", "caseNumber", "relatedCaseNumbers", "caseNumbers", "court", "judgmentEffectiveDate",
        "agencyFee", "feeBase", "rate", "tier", "cap", "amount", "amountInWords", "policyVersion", "publicNoticeEndsOn",
        "designation", "designationBasis", "undertakingVersion",
    ];

    private static readonly string[] RejectionFields = ["applicantName", "idNumber", "caseNumber", "reasonCode", "reasonWording", "reasonText"];

    private static readonly string[] RecoveryFields =
    [
        "applicantName", "idNumber", "caseNumber", "paidAmount", "amount", "amountInWords", "groundsWording", "reasonText",
        "undertakingVersion", "repayBy", "consultationPhone",
    ];

    /// <summary>Sections whose lines are table rows, "label|value".</summary>
    public const string Figures = "figures";

    public static readonly LetterTemplateSchema Approval = new(LetterKind.Approval, "approval.txt", Define(ApprovalFields,
        ("title", []), ("salutation", []), ("opening", []), (Figures, []), ("trace-heading", []),
        ("trace-step", ["n", "step", "clause"]), ("trace-step-uncited", ["n", "step"]), ("closing", []), ("qr-caption", ["verificationCode"])));

    public static readonly LetterTemplateSchema Rejection = new(LetterKind.Rejection, "rejection.txt", Define(RejectionFields,
        ("title", []), ("salutation", []), ("opening", []), ("reason", []), ("remedies", []), ("closing", []), ("qr-caption", ["verificationCode"])));

    public static readonly LetterTemplateSchema RecoveryNotice = new(LetterKind.RecoveryNotice, "recovery-notice.txt", Define(RecoveryFields,
        ("title", []), ("salutation", []), ("opening", []), (Figures, []), ("reason", []), ("undertaking", []), ("repayment", []),
        ("remedies", []), ("closing", []), ("qr-caption", ["verificationCode"])));

    public static IReadOnlyList<LetterTemplateSchema> All { get; } = [Approval, Rejection, RecoveryNotice];

    public static LetterTemplateSchema For(LetterKind kind) => kind switch
    {
        LetterKind.Approval => Approval,
        LetterKind.Rejection => Rejection,
        LetterKind.RecoveryNotice => RecoveryNotice,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static Dictionary<string, IReadOnlySet<string>> Define(string[] letterFields, params (string Name, string[] Extra)[] sections) =>
        sections.ToDictionary(s => s.Name, s => (IReadOnlySet<string>)new HashSet<string>(Common.Concat(letterFields).Concat(s.Extra), StringComparer.Ordinal));
}
