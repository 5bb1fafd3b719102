using System.Text;

namespace SubsidyService.Notifications.Templates;

/// <summary>A message's subject and body as rendered from its template.</summary>
public sealed record RenderedMail(string Subject, string Body);

/// <summary>
/// The email templates in <c>&lt;Templates:Directory&gt;/email/</c>, one file per kind of message, read and
/// checked once at start-up: every kind must have its file, and every field a file names must exist on its
/// model. A file starts with a <c>Subject: …</c> line; the body follows a blank line.
/// </summary>
public sealed class EmailTemplates
{
    /// <summary>Each kind of message, its file (kind + .txt) and the model its fields come from.</summary>
    public static readonly IReadOnlyDictionary<string, Type> Kinds = new Dictionary<string, Type>
    {
        [MailKinds.Receipt] = typeof(ReceiptMail),
        [MailKinds.Supplement] = typeof(SupplementMail),
        [MailKinds.SupplementReminder] = typeof(SupplementReminderMail),
        [MailKinds.Rejection] = typeof(RejectionMail),
        [MailKinds.Approval] = typeof(ApprovalMail),
        [MailKinds.Paid] = typeof(PaidMail),
        [MailKinds.PaymentFailed] = typeof(PaymentFailedMail),
        [MailKinds.VerifierDigest] = typeof(VerifierDigestMail),
        [MailKinds.BatchCompleted] = typeof(BatchCompletedMail),
        [MailKinds.Recovery] = typeof(RecoveryMail),
        [MailKinds.UploadBudget] = typeof(UploadBudgetMailModel),
    };

    private readonly IReadOnlyDictionary<string, (TemplateText Subject, TemplateText Body)> _templates;

    private EmailTemplates(IReadOnlyDictionary<string, (TemplateText, TemplateText)> templates) => _templates = templates;

    public string Directory { get; private init; } = "";

    /// <summary>Reads and checks every template; every problem found is listed in the exception's message.</summary>
    public static EmailTemplates Load(string templatesDirectory)
    {
        var (templates, errors) = TryLoad(templatesDirectory);
        if (errors.Count > 0)
            throw new InvalidOperationException("邮件模板有误（" + Path.Combine(templatesDirectory, "email") + "）：\n" + string.Join("\n", errors));
        return templates!;
    }

    public static (EmailTemplates? Templates, IReadOnlyList<string> Errors) TryLoad(string templatesDirectory)
    {
        var dir = Path.Combine(templatesDirectory, "email");
        var errors = new List<string>();
        var loaded = new Dictionary<string, (TemplateText, TemplateText)>();
        foreach (var (kind, model) in Kinds)
        {
            var file = Path.Combine(dir, kind + ".txt");
            if (!File.Exists(file))
            {
                errors.Add($"{kind}.txt：文件不存在");
                continue;
            }
            var text = File.ReadAllText(file, Encoding.UTF8).Replace("\r\n", "\n");
            var (subjectText, bodyText, layoutError) = Split(text);
            if (layoutError is not null)
            {
                errors.Add($"{kind}.txt：{layoutError}");
                continue;
            }
            var (subject, subjectError) = TemplateText.Parse(subjectText);
            var (body, bodyError) = TemplateText.Parse(bodyText, firstLine: 3);
            if (subjectError is not null) errors.Add($"{kind}.txt：{subjectError}");
            if (bodyError is not null) errors.Add($"{kind}.txt：{bodyError}");
            if (subject is null || body is null) continue;
            errors.AddRange(subject.Check(model).Concat(body.Check(model)).Select(e => $"{kind}.txt {e}"));
            loaded[kind] = (subject, body);
        }
        return errors.Count > 0 ? (null, errors) : (new EmailTemplates(loaded) { Directory = dir }, errors);
    }

    private static (string Subject, string Body, string? Error) Split(string text)
    {
        var newline = text.IndexOf('\n');
        var first = newline < 0 ? text : text[..newline];
        if (!first.StartsWith("Subject:", StringComparison.Ordinal)) return ("", "", "第一行应为“Subject: 邮件主题”");
        var rest = newline < 0 ? "" : text[(newline + 1)..];
        if (!rest.StartsWith('\n')) return ("", "", "主题行之后应空一行再写正文");
        return (first["Subject:".Length..].Trim(), rest[1..], null);
    }

    public RenderedMail Render(string kind, object model)
    {
        if (!Kinds.TryGetValue(kind, out var type) || type != model.GetType())
            throw new ArgumentException($"{kind} is rendered from {type?.Name}, not {model.GetType().Name}");
        var (subject, body) = _templates[kind];
        return new RenderedMail(subject.Render(model).Trim(), body.Render(model));
    }
}

public static class MailKinds
{
    public const string Receipt = "receipt";
    public const string Supplement = "supplement";
    public const string SupplementReminder = "supplement_reminder";
    public const string Rejection = "rejection";
    public const string Approval = "approval";
    public const string Paid = "paid";
    public const string PaymentFailed = "payment_failed";
    public const string VerifierDigest = "verifier_digest";
    public const string BatchCompleted = "batch_completed";
    public const string Recovery = "recovery";
    public const string UploadBudget = "upload_budget";
}
