using System.Globalization;
using System.Text;
using Microsoft.Net.Http.Headers;
using SubsidyService.Claims;
using SubsidyService.Operations;

namespace SubsidyService.Pages.Claims;

/// <summary>
/// A list page's CSV export: UTF-8 with a BOM (so that Excel reads the Chinese), Chinese headers, statuses by
/// name. Amounts stay plain numbers ("4000.00") and times "2026-11-23 14:05" in China time, so that a
/// spreadsheet sums and sorts them as numbers and dates.
/// </summary>
public static class ListCsv
{
    public sealed record Column<T>(string Header, Func<T, string?> Value);

    public static readonly IReadOnlyList<Column<ClaimListing>> Listing =
    [
        new("状态", c => ClaimText.Status(c.Status)),
        new("案号", c => c.CaseNumber),
        new("申请人", c => c.ApplicantName),
        new("申请人类型", c => ClaimText.ApplicantType(c.ApplicantType)),
        new("补助金额（元）", c => Amount(c.Amount)),
        new("提交时间", c => Time(c.SubmittedAt)),
        new("核实时间", c => Time(c.VerifiedAt)),
        new("批准时间", c => Time(c.ApprovedAt)),
        new("公示截止日期", c => c.NoticeEndsOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        new("决定书编号", c => c.LetterNumber),
        new("申请编号", c => c.Id.ToString()),
    ];

    public static readonly IReadOnlyList<Column<ClaimSummary>> Summary =
    [
        new("状态", c => ClaimText.Status(c.Status)),
        new("案号", c => c.CaseNumber),
        new("申请人", c => c.ApplicantName),
        new("补助金额（元）", c => c.Amount),
        new("创建时间", c => Time(c.CreatedAt)),
        new("提交时间", c => Time(c.SubmittedAt)),
        new("最近更新", c => Time(c.UpdatedAt)),
        new("待处理筛查标记", c => c.UnresolvedFlags.ToString(CultureInfo.InvariantCulture)),
        new("申请编号", c => c.Id.ToString()),
    ];

    public static async Task WriteAsync<T>(HttpResponse response, string fileName, IReadOnlyList<Column<T>> columns, IAsyncEnumerable<T> rows)
    {
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteAsync(Csv.Row(columns.Select(c => c.Header)));
        await foreach (var row in rows.WithCancellation(response.HttpContext.RequestAborted))
            await writer.WriteAsync(Csv.Row(columns.Select(c => c.Value(row))));
    }

    public static async IAsyncEnumerable<T> Of<T>(IEnumerable<T> rows)
    {
        foreach (var row in rows) yield return row;
        await Task.CompletedTask;
    }

    /// <summary>An amount as a spreadsheet reads a number: 4000.00.</summary>
    public static string Amount(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>An instant as a spreadsheet reads a date and time, in China time: 2026-11-23 14:05.</summary>
    public static string? Time(DateTime? utc) => utc is { } t ? ChinaTime.Format(t) : null;
}
