using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using SubsidyService.Accounts;
using SubsidyService.Operations;
using SubsidyService.Pages.Claims;
using SubsidyService.Reports;

namespace SubsidyService.Pages.Reports;

/// <summary>
/// The period's report for finance and auditors: the summary's tables, and the same figures drawn as charts by
/// ECharts (served by the service itself) from a JSON block that wwwroot/js/reports.js reads; the tables are the
/// charts' text alternative.
/// </summary>
[Authorize(Roles = $"{Roles.Finance},{Roles.Auditor}")]
public sealed class IndexModel(SummaryQuery query, SubsidyService.Claims.ClaimRatings ratings, TimeProvider clock) : ServicePageModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string? From { get; private set; }
    public string? To { get; private set; }
    public ReportSummary? Summary { get; private set; }

    /// <summary>The applicants' ratings given in the period (好差评).</summary>
    public SubsidyService.Claims.RatingSummary? Ratings { get; private set; }
    public bool MayExport => User.IsInRole(Roles.Auditor);

    /// <summary>The summary as JSON for the charts; the default encoder escapes &lt; and &gt;, so it cannot end its script element.</summary>
    public string ChartData => JsonSerializer.Serialize(Summary, Json);

    public string Query => $"from={Summary?.From}&to={Summary?.To}";

    public async Task OnGetAsync(string? from, string? to)
    {
        From = from;
        To = to;
        var period = ReportPeriod.Parse(from, to, clock.Today());
        if (!period.Succeeded)
        {
            Show(period.Refusal!);
            return;
        }
        Summary = await query.RunAsync(period.Value!, HttpContext.RequestAborted);
        Ratings = await ratings.SummaryAsync(period.Value!.FromUtc, period.Value.ToUtcExclusive);
        From = Summary.From;
        To = Summary.To;
    }
}
