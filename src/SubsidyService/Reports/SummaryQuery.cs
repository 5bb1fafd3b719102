using SubsidyService.Audit;
using SubsidyService.Budgets;
using SubsidyService.Claims;
using SubsidyService.Domain.Calendar;
using SubsidyService.Operations;
using SubsidyService.Recoveries;

namespace SubsidyService.Reports;

/// <summary>
/// The summary, each part asked of the feature that owns its table and computed there by the database: the claims'
/// breakdowns (Claims), processing times from the claims' history (Audit) in working days of the service's calendar,
/// recoveries (Recoveries) and the budget year (Budgets). Nothing here holds more than the few dozen rows that come back.
/// </summary>
public sealed class SummaryQuery(ClaimTotals claims, StageTimes stages, RecoveredTotals recoveries, BudgetUse budgets,
    WorkingDayCalendar calendar, TimeProvider clock)
{
    public async Task<ReportSummary> RunAsync(ReportPeriod period, CancellationToken ct = default)
    {
        var totals = await claims.SubmittedBetweenAsync(period.FromUtc, period.ToUtcExclusive, ct);
        var times = await stages.OfClaimsSubmittedBetweenAsync(period.FromUtc, period.ToUtcExclusive, Ordinals(period), ct);
        var recovered = await recoveries.SettledBetweenAsync(period.FromUtc, period.ToUtcExclusive, ct);
        var budget = await budgets.OfYearAsync(period.BudgetYear, ct);
        return ReportSummary.Of(period, totals, recovered, times, budget);
    }

    /// <summary>
    /// Every date from the period's first day to today (or the period's end, if later): a stage that began in the
    /// period may end after it, but not after today.
    /// </summary>
    private WorkingDayOrdinals Ordinals(ReportPeriod period)
    {
        var today = clock.Today();
        var last = today > period.To ? today : period.To;
        var days = new List<DateOnly>();
        var ordinals = new List<int>();
        var n = 0;
        for (var d = period.From; d <= last; d = d.AddDays(1))
        {
            if (d > period.From && calendar.IsWorkingDay(d)) n++;
            days.Add(d);
            ordinals.Add(n);
        }
        return new WorkingDayOrdinals([.. days], [.. ordinals]);
    }
}
