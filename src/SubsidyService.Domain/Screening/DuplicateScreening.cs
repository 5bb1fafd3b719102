using SubsidyService.Domain.Kernel;
namespace SubsidyService.Domain.Screening;

/// <summary>
/// POLICY.md's screening for duplicates, over rows the caller loaded. A dispute that went through several
/// instances is one case: every case number of the claim is compared with every number of the others.
/// </summary>
public static class DuplicateScreening
{
    public static IReadOnlyList<ScreeningFinding> Screen(
        ScreeningCandidate c,
        IEnumerable<LiveClaimRow> live,
        IEnumerable<FundingRegisterRow> register)
    {
        ArgumentNullException.ThrowIfNull(c);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(register);

        // Canonical forms are applied again: both are idempotent, and a caller that forgot must not
        // make a duplicate slip through.
        var caseNumbers = CasesOf(c.CaseNumbers);
        var invoices = InvoicesOf(c.Invoices);
        var findings = new List<ScreeningFinding>();

        foreach (var row in live.Where(r => r.ClaimId != c.ClaimId).OrderBy(r => r.ClaimId))
        {
            var shared = CasesOf(row.CaseNumbers).Where(caseNumbers.Contains).Order(StringComparer.Ordinal).ToList();
            if (shared.Count > 0)
            {
                var cases = string.Join("、", shared);
                findings.Add(SameApplicant(c.ApplicantIdNumber, row.ApplicantIdNumber)
                    ? new ScreeningFinding(ScreeningCode.DuplicateClaim, true,
                        $"同一申请人已就案件 {cases} 提出申请 {row.ClaimId}，不能重复申请", row.ClaimId, null)
                    : new ScreeningFinding(ScreeningCode.SharedCase, false,
                        $"另一申请人已就同一案件 {cases} 提出申请 {row.ClaimId}（可能为共同原告），请审核人核实", row.ClaimId, null));
            }

            var reused = invoices.Intersect(InvoicesOf(row.Invoices)).Order(StringComparer.Ordinal).ToList();
            if (reused.Count > 0)
            {
                findings.Add(new ScreeningFinding(ScreeningCode.InvoiceReused, true,
                    $"发票 {string.Join("、", reused.Select(InvoiceNumber.Describe))} 已用于申请 {row.ClaimId}，不能重复使用", row.ClaimId, null));
            }
        }

        foreach (var row in register.OrderBy(r => r.RowId))
        {
            var caseNumber = CaseNumber.Canonical(row.CanonicalCaseNumber);
            if (!caseNumbers.Contains(caseNumber))
                continue;
            findings.Add(new ScreeningFinding(ScreeningCode.ExternalFundingMatch, false,
                $"外部资助名录记录 {row.RowId}：{row.Level}{row.Source}已向“{row.RecipientName}”就案件 {caseNumber} " +
                $"资助 {Invariant.Money(row.Amount)} 元，请审核人确认或排除", null, row.RowId));
        }

        return findings.OrderBy(f => f.Code).ToList();
    }

    private static bool SameApplicant(string a, string b) =>
        string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static HashSet<string> CasesOf(IEnumerable<string> numbers) =>
        numbers.Select(CaseNumber.Canonical).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> InvoicesOf(IEnumerable<string> identities) =>
        identities.Select(InvoiceNumber.NormaliseIdentity).Where(d => d.Length > 0).ToHashSet(StringComparer.Ordinal);
}
