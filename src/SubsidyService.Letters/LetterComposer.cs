using SubsidyService.Domain.Identity;
using SubsidyService.Domain.Money;
using SubsidyService.Domain.Policy;

namespace SubsidyService.Letters;

/// <summary>Fills a letter's template with its content: the blocks to print, in order.</summary>
internal static class LetterComposer
{
    public static IReadOnlyList<LetterBlock> Compose(LetterContent content, LetterTemplates templates)
    {
        Check(content);
        var template = templates.For(content.Kind);
        var values = Values(content);
        var blocks = new List<LetterBlock>
        {
            new HeaderBlock(content.AuthorityName.Trim(), content.Number.Trim()),
        };
        blocks.AddRange(Lines(template, "title", values).Select(t => new TitleBlock(t)));
        blocks.AddRange(Paragraphs(template, "salutation", values, ParagraphKind.Salutation));
        blocks.AddRange(Paragraphs(template, "opening", values, ParagraphKind.Body));

        if (content.Recovery is not null)
        {
            blocks.Add(Table(template, values));
            foreach (var section in new[] { "reason", "undertaking", "repayment", "remedies" })
                blocks.AddRange(Paragraphs(template, section, values, ParagraphKind.Body));
        }
        else if (content.Approval is { } approval)
        {
            blocks.Add(Table(template, values));
            blocks.AddRange(Paragraphs(template, "trace-heading", values, ParagraphKind.Heading));
            for (var i = 0; i < approval.Trace.Count; i++)
            {
                var step = approval.Trace[i];
                var stepValues = new Dictionary<string, string>(values)
                {
                    ["n"] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["step"] = step.Step.Trim(),
                    ["clause"] = step.Clause.Trim(),
                };
                var section = step.Clause.Trim().Length > 0 ? "trace-step" : "trace-step-uncited";
                blocks.AddRange(Paragraphs(template, section, stepValues, ParagraphKind.ListItem));
            }
        }
        else
        {
            blocks.AddRange(Paragraphs(template, "reason", values, ParagraphKind.Body));
            blocks.AddRange(Paragraphs(template, "remedies", values, ParagraphKind.Body));
        }

        blocks.AddRange(Paragraphs(template, "closing", values, ParagraphKind.Body));
        blocks.Add(new SignatureBlock(content.AuthorityName.Trim(), LetterFormat.Date(content.IssuedOn), content.VerificationUrl,
            string.Join(Environment.NewLine, Lines(template, "qr-caption", values))));
        return blocks;
    }

    private static TableBlock Table(LetterTemplate template, IReadOnlyDictionary<string, string> values) =>
        new(Lines(template, LetterTemplateSchema.Figures, values)
            .Select(l => l.Split('|', 2))
            .Select(p => new TableRow(p[0].Trim(), p[1].Trim()))
            .Where(r => r.Value.Length > 0)
            .ToList());

    private static IEnumerable<string> Lines(LetterTemplate template, string section, IReadOnlyDictionary<string, string> values) =>
        template.Section(section).Select(l => l.Fill(values)).OfType<string>();

    private static IEnumerable<ParagraphBlock> Paragraphs(LetterTemplate template, string section, IReadOnlyDictionary<string, string> values, ParagraphKind kind) =>
        Lines(template, section, values).Select(t => new ParagraphBlock(t, kind));

    private static Dictionary<string, string> Values(LetterContent content)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["letterNumber"] = content.Number.Trim(),
            ["issuedOn"] = LetterFormat.Date(content.IssuedOn),
            ["authority"] = content.AuthorityName.Trim(),
            ["addressee"] = content.Addressee.Trim(),
            ["verificationCode"] = content.VerificationCode ?? "",
            ["applicationNumber"] = content.ApplicationNumber?.Trim() ?? "",
        };
        if (content.Approval is { } a)
        {
            var related = a.RelatedCaseNumbers.Select(n => n.Trim()).Where(n => n.Length > 0).ToList();
            values["applicantName"] = a.ApplicantName.Trim();
            values["idNumber"] = Masking.KeepEnds(a.IdNumber);
            values["caseNumber"] = a.CaseNumber.Trim();
            values["relatedCaseNumbers"] = string.Join("、", related);
            values["caseNumbers"] = string.Join("、", related.Prepend(a.CaseNumber.Trim()));
            values["court"] = a.Court.Trim();
            values["judgmentEffectiveDate"] = LetterFormat.Date(a.JudgmentEffectiveDate);
            values["agencyFee"] = LetterFormat.Money(a.AgencyFee);
            values["feeBase"] = LetterFormat.Money(a.FeeBase);
            values["rate"] = LetterFormat.Percent(a.Rate);
            values["tier"] = ChineseNames.Of(a.Tier);
            values["cap"] = a.Cap is { } cap ? LetterFormat.Money(cap) : "";
            values["amount"] = LetterFormat.Money(a.Amount);
            values["amountInWords"] = ChineseAmount.Format(a.Amount);
            values["policyVersion"] = a.PolicyVersion.Trim();
            values["publicNoticeEndsOn"] = a.PublicNoticeEndsOn is { } end ? LetterFormat.Date(end) : "";
            // A designation without its basis is not printed half: the basis is what makes the higher cap answerable.
            var basis = a.DesignationBasis?.Trim() ?? "";
            values["designation"] = basis.Length > 0 ? a.Designation?.Trim() ?? "" : "";
            values["designationBasis"] = values["designation"].Length > 0 ? basis : "";
            values["undertakingVersion"] = a.UndertakingVersion?.Trim() ?? "";
        }
        if (content.Rejection is { } r)
        {
            values["applicantName"] = r.ApplicantName.Trim();
            values["idNumber"] = Masking.KeepEnds(r.IdNumber);
            values["caseNumber"] = r.CaseNumber.Trim();
            values["reasonCode"] = r.ReasonCode;
            values["reasonWording"] = r.ReasonWording.Trim();
            values["reasonText"] = r.ReasonText.Trim();
        }
        if (content.Recovery is { } rc)
        {
            values["applicantName"] = rc.ApplicantName.Trim();
            values["idNumber"] = Masking.KeepEnds(rc.IdNumber);
            values["caseNumber"] = rc.CaseNumber.Trim();
            values["paidAmount"] = LetterFormat.Money(rc.PaidAmount);
            values["amount"] = LetterFormat.Money(rc.Amount);
            values["amountInWords"] = ChineseAmount.Format(rc.Amount);
            values["groundsWording"] = rc.GroundsWording.Trim();
            values["reasonText"] = rc.ReasonText.Trim();
            values["undertakingVersion"] = rc.UndertakingVersion?.Trim() ?? "";
            values["repayBy"] = LetterFormat.Date(rc.RepayBy);
            values["consultationPhone"] = rc.ConsultationPhone?.Trim() ?? "";
        }
        return values;
    }

    private static void Check(LetterContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(content.Number, nameof(content.Number));
        ArgumentException.ThrowIfNullOrWhiteSpace(content.AuthorityName, nameof(content.AuthorityName));
        ArgumentException.ThrowIfNullOrWhiteSpace(content.Addressee, nameof(content.Addressee));
        ArgumentException.ThrowIfNullOrWhiteSpace(content.VerificationUrl, nameof(content.VerificationUrl));
        var given = (content.Approval is null ? 0 : 1) + (content.Rejection is null ? 0 : 1) + (content.Recovery is null ? 0 : 1);
        if (given != 1) throw new ArgumentException("a letter carries exactly one of Approval, Rejection and Recovery", nameof(content));
        switch (content.Kind)
        {
            case LetterKind.RecoveryNotice when content.Recovery is null:
                throw new ArgumentException("a recovery notice needs Recovery", nameof(content));
            case LetterKind.RecoveryNotice when content.Recovery.Amount <= 0 || content.Recovery.Amount > content.Recovery.PaidAmount:
                throw new ArgumentException("a recovery is of more than nothing and at most what was paid", nameof(content));
            case LetterKind.Approval when content.Approval is null || content.Rejection is not null:
                throw new ArgumentException("an approval letter needs Approval and no Rejection", nameof(content));
            case LetterKind.Rejection when content.Rejection is null || content.Approval is not null:
                throw new ArgumentException("a rejection notice needs Rejection and no Approval", nameof(content));
            case LetterKind.Rejection when string.IsNullOrWhiteSpace(content.Rejection!.ReasonWording):
                throw new ArgumentException($"reason code '{content.Rejection.ReasonCode}' has no wording", nameof(content));
        }
        if (content.Approval is { } a)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(a.CaseNumber, "Approval.CaseNumber");
            ArgumentOutOfRangeException.ThrowIfNegative(a.Amount, "Approval.Amount");
            ArgumentOutOfRangeException.ThrowIfGreaterThan(a.Amount, ChineseAmount.MaxAmount, "Approval.Amount");
        }
    }
}
