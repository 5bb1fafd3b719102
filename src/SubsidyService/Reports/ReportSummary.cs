using SubsidyService.Audit;
using SubsidyService.Budgets;
using SubsidyService.Claims;
using SubsidyService.Domain.Kernel;
using SubsidyService.Recoveries;

namespace SubsidyService.Reports;

/// <summary>One group of claims: how many were submitted, their amounts, and how many of them were approved and paid (money as strings).</summary>
public sealed record SummaryGroup(string Key, string Label, long Count, string Amount, long ApprovedCount, string ApprovedAmount,
    long PaidCount, string PaidAmount)
{
    public static SummaryGroup Of(ClaimTotal t) => new(t.Key ?? "", ReportLabels.Of(t.Dimension, t.Key), t.Count, Invariant.Money(t.Amount),
        t.ApprovedCount, Invariant.Money(t.ApprovedAmount), t.PaidCount, Invariant.Money(t.PaidAmount));
}

/// <summary>Amounts recovered in the period (settled by repayment or offset).</summary>
public sealed record RecoveredView(long Count, string Amount);

/// <summary>A processing stage in working days over the claims that went through it.</summary>
public sealed record ProcessingTime(string Stage, string Label, long Count, double Median, double P90)
{
    public static ProcessingTime Of(StageTime s) =>
        new(s.Stage, ReportLabels.Stages[s.Stage], s.Count, Math.Round(s.Median, 1), Math.Round(s.P90, 1));
}

/// <summary>A month of the budget year: approved and paid in the month, and both accumulated from January.</summary>
public sealed record BudgetMonthView(int Month, string Approved, string Paid, string ApprovedToDate, string PaidToDate);

/// <summary>The budget year's amount (null when none is set) and its use month by month.</summary>
public sealed record BudgetUseView(int Year, string? Amount, IReadOnlyList<BudgetMonthView> Months)
{
    public static BudgetUseView Of(BudgetYearUse use)
    {
        decimal approved = 0, paid = 0;
        var months = use.Months.Select(m =>
        {
            approved += m.Approved;
            paid += m.Paid;
            return new BudgetMonthView(m.Month, Invariant.Money(m.Approved), Invariant.Money(m.Paid), Invariant.Money(approved), Invariant.Money(paid));
        }).ToList();
        return new BudgetUseView(use.Year, use.Amount is { } a ? Invariant.Money(a) : null, months);
    }
}

/// <summary>
/// <c>GET /api/v1/reports/summary</c>: the claims first submitted in the period by status, tier, case type, applicant
/// type and month; what was recovered in it; the working days each stage took; and the budget year's use.
/// </summary>
public sealed record ReportSummary(string From, string To, SummaryGroup Total, RecoveredView Recovered,
    IReadOnlyList<SummaryGroup> ByStatus, IReadOnlyList<SummaryGroup> ByTier, IReadOnlyList<SummaryGroup> ByCaseType,
    IReadOnlyList<SummaryGroup> ByApplicantType, IReadOnlyList<SummaryGroup> ByMonth, IReadOnlyList<ProcessingTime> ProcessingDays,
    BudgetUseView Budget)
{
    public static ReportSummary Of(ReportPeriod period, IReadOnlyList<ClaimTotal> totals, Recovered recovered, IReadOnlyList<StageTime> stages,
        BudgetYearUse budget)
    {
        IReadOnlyList<SummaryGroup> By(string dimension) =>
            totals.Where(t => t.Dimension == dimension).OrderBy(t => t.Key ?? "\uffff", StringComparer.Ordinal).Select(SummaryGroup.Of).ToList();
        var total = totals.SingleOrDefault(t => t.Dimension == "total") ?? new ClaimTotal("total", null, 0, 0, 0, 0, 0, 0);
        return new ReportSummary(Invariant.Date(period.From), Invariant.Date(period.To), SummaryGroup.Of(total with { Key = "total" }) with { Label = "合计" },
            new RecoveredView(recovered.Count, Invariant.Money(recovered.Amount)),
            By("status"), By("tier"), By("caseType"), By("applicantType"), By("month"),
            stages.Select(ProcessingTime.Of).ToList(), BudgetUseView.Of(budget));
    }
}
