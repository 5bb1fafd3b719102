using System.Globalization;
using SubsidyService.Operations;

namespace SubsidyService.Reports;

/// <summary>The summary as a workbook: one sheet per breakdown, the processing times and the budget year, figures as numbers.</summary>
public static class SummaryWorkbook
{
    private static readonly string[] GroupHeader = ["分组", "代码", "申请件数", "补助金额（元）", "批准件数", "批准金额（元）", "拨付件数", "拨付金额（元）"];

    public static Task WriteAsync(Stream output, ReportSummary s, CancellationToken ct = default) => XlsxWriter.WriteAsync(output,
    [
        Sheet("合计", ["统计期间", "申请件数", "补助金额（元）", "批准件数", "批准金额（元）", "拨付件数", "拨付金额（元）", "追回件数", "追回金额（元）"],
            [[$"{s.From} 至 {s.To}", s.Total.Count, Number(s.Total.Amount), s.Total.ApprovedCount, Number(s.Total.ApprovedAmount),
              s.Total.PaidCount, Number(s.Total.PaidAmount), s.Recovered.Count, Number(s.Recovered.Amount)]]),
        Groups("status", s.ByStatus), Groups("tier", s.ByTier), Groups("caseType", s.ByCaseType),
        Groups("applicantType", s.ByApplicantType), Groups("month", s.ByMonth),
        Sheet("办理用时（工作日）", ["环节", "件数", "中位数", "第90百分位"],
            s.ProcessingDays.Select(p => (IReadOnlyList<object?>)[p.Label, p.Count, p.Median, p.P90])),
        Sheet($"{s.Budget.Year}年预算执行", ["月份", "批准金额（元）", "拨付金额（元）", "累计批准（元）", "累计拨付（元）", "年度预算（元）"],
            s.Budget.Months.Select(m => (IReadOnlyList<object?>)[$"{m.Month}月", Number(m.Approved), Number(m.Paid),
                Number(m.ApprovedToDate), Number(m.PaidToDate), s.Budget.Amount is { } a ? Number(a) : "未设"])),
    ], ct);

    private static XlsxSheet Groups(string dimension, IReadOnlyList<SummaryGroup> groups) =>
        Sheet(ReportLabels.Dimensions[dimension], GroupHeader, groups.Select(g => (IReadOnlyList<object?>)[g.Label, g.Key, g.Count,
            Number(g.Amount), g.ApprovedCount, Number(g.ApprovedAmount), g.PaidCount, Number(g.PaidAmount)]));

    private static XlsxSheet Sheet(string name, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<object?>> rows) =>
        new(name, header, rows.ToAsyncEnumerable());

    private static decimal Number(string money) => decimal.Parse(money, CultureInfo.InvariantCulture);
}
