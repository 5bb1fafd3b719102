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
                findings.Add(SameCase(c, row, string.Join("、", shared)));

            var reused = invoices.Intersect(InvoicesOf(row.Invoices)).Order(StringComparer.Ordinal).ToList();
            if (reused.Count > 0)
            {
                // The other claim is not named: its id would tell a stranger which invoices are claimed where.
                findings.Add(new ScreeningFinding(ScreeningCode.InvoiceReused, true,
                    $"发票 {string.Join("、", reused.Select(InvoiceNumber.Describe))} 已用于另一份补助申请，同一张发票不能重复使用", row.ClaimId, null));
            }

            if (SameDispute(c, row) is { } dispute)
                findings.Add(new ScreeningFinding(ScreeningCode.SameDispute, false,
                    $"另一份申请涉及同一专利和同一对方当事人（{dispute}），可能为同一纠纷的另一审级：请审核人确认（同一纠纷只补助一次）或说明理由后排除", row.ClaimId, null));
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

    /// <summary>
    /// One account's second claim for a case is refused. Another account's is never refused: a credit code and a
    /// case number are public, and a rival who submitted first must not block the company's own claim. With the
    /// same identity that is a conflict for a verifier (whose identity proof is real); otherwise co-plaintiffs.
    /// No text names the other claim, its account or its identity.
    /// </summary>
    private static ScreeningFinding SameCase(ScreeningCandidate c, LiveClaimRow row, string cases)
    {
        if (c.AccountId == row.AccountId)
            return new ScreeningFinding(ScreeningCode.DuplicateClaim, true,
                $"您已就案件 {cases} 提出过补助申请，同一案件只能申请一次：如需修改，请在原申请中补正", row.ClaimId, null);
        if (SameApplicant(c.ApplicantIdNumber, row.ApplicantIdNumber))
            return new ScreeningFinding(ScreeningCode.IdentityConflict, false,
                $"另一账户已用同一证件号码就案件 {cases} 提出申请：请审核人核实哪一方的身份证明真实", row.ClaimId, null);
        return new ScreeningFinding(ScreeningCode.SharedCase, false,
            $"另一申请人已就同一案件 {cases} 提出申请（可能为共同原告），请审核人核实", row.ClaimId, null);
    }

    /// <summary>A shared patent and a shared opponent, described; null when the claims share either not.</summary>
    private static string? SameDispute(ScreeningCandidate c, LiveClaimRow row)
    {
        var patents = c.PatentNumbers.Intersect(row.PatentNumbers, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (patents.Count == 0)
            return null;
        var theirs = row.OpposingParties.Select(PartyName.Normalise).ToHashSet(StringComparer.Ordinal);
        var parties = c.OpposingParties.Where(p => theirs.Contains(PartyName.Normalise(p))).ToList();
        return parties.Count == 0
            ? null
            : $"专利 {string.Join("、", patents.Select(PatentNumber.Display))}，对方当事人 {string.Join("、", parties)}";
    }

    private static bool SameApplicant(string a, string b) =>
        string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static HashSet<string> CasesOf(IEnumerable<string> numbers) =>
        numbers.Select(CaseNumber.Canonical).Where(n => n.Length > 0).ToHashSet(StringComparer.Ordinal);

    private static HashSet<string> InvoicesOf(IEnumerable<string> identities) =>
        identities.Select(InvoiceNumber.NormaliseIdentity).Where(d => d.Length > 0).ToHashSet(StringComparer.Ordinal);
}
