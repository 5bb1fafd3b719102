using Microsoft.AspNetCore.Mvc;
using SubsidyService.Budgets;
using SubsidyService.Claims;
using SubsidyService.Domain.Claims;
using SubsidyService.Operations;
using SubsidyService.Pages.Claims;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Finance;

/// <summary>One claim's outcome in a bulk approval.</summary>
public sealed record BulkResult(Guid Id, string CaseNumber, string ApplicantName, decimal? Amount, bool Approved, string? LetterNumber,
    string? Code, string? Title, string? Message);

/// <summary>
/// The finance bureau's queue: verified claims in the order they were verified, with what this year's
/// budget would have left after each, and a bulk approval that approves each ticked claim on its own
/// (its own transaction, its own version check) and reports every result.
/// </summary>
public sealed class IndexModel(ClaimSearch search, ClaimTransitions transitions, BudgetStore budgets, TimeProvider clock) : ClaimPageModel
{
    public const int PageSize = 50;
    public const int MaxBulk = 100;

    /// <summary>Where approved claims go next, counted on the page with a link to each list.</summary>
    public static readonly IReadOnlyList<string> Downstream = ["in_public_notice", "ready_for_payout", "in_payout", "payout_failed"];

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>Ticked claims as "id:version": the version the queue was drawn at, so that a claim changed since is refused.</summary>
    [BindProperty] public List<string> Selected { get; set; } = [];

    public int Year { get; private set; }
    public Budget? Budget { get; private set; }
    public QueuePage Queue { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyDictionary<string, long> Counts { get; private set; } = new Dictionary<string, long>();
    public IReadOnlyList<BulkResult> Results { get; private set; } = [];

    public Pager Pager => Pager.For(Queue.Page, Queue.PageSize, Queue.Total, "/Finance", new Dictionary<string, string?>());

    /// <summary>This year's budget left once this claim and every one before it in the queue were approved.</summary>
    public decimal? RemainingAfter(QueuedClaim q) => Budget is null ? null : Budget.Remaining - q.Cumulative;

    public long CountOf(string status) => Counts.TryGetValue(status, out var n) ? n : 0;

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostApproveAsync()
    {
        var picks = new List<(Guid Id, int Version)>();
        foreach (var s in Selected.Distinct())
        {
            var parts = s.Split(':');
            if (parts.Length != 2 || !Guid.TryParse(parts[0], out var id) || !int.TryParse(parts[1], out var version))
                return await RefusedAsync(Refusal.Validation("selected", "勾选的申请无法识别，请刷新页面后重新勾选。"));
            picks.Add((id, version));
        }
        if (picks.Count == 0) return await RefusedAsync(Refusal.Validation("selected", "请先勾选要批准的申请。"));
        if (picks.Count > MaxBulk) return await RefusedAsync(Refusal.Validation("selected", $"一次最多批准 {MaxBulk} 件，请分批操作。"));

        var actor = Actor.From(User);
        var outcomes = new List<(Guid Id, Refusal? Refusal)>();
        foreach (var (id, version) in picks)
        {
            var fired = await transitions.FireAsync(actor, id, new TransitionRequest(ClaimTrigger.Approve, version, null, null, null));
            outcomes.Add((id, fired.Refusal));
        }
        var claims = await search.ByIdsAsync(picks.Select(p => p.Id).ToList());
        Results = outcomes.Select(o =>
        {
            var c = claims.GetValueOrDefault(o.Id);
            return new BulkResult(o.Id, c?.CaseNumber ?? o.Id.ToString(), c?.ApplicantName ?? "", c?.Amount, o.Refusal is null,
                c?.LetterNumber, o.Refusal?.Code, o.Refusal?.Title, o.Refusal is { } r ? ReasonOf(r) : null);
        }).ToList();
        await LoadAsync();
        return Page();
    }

    private async Task<IActionResult> RefusedAsync(Refusal refusal)
    {
        Show(refusal);
        await LoadAsync();
        return Page();
    }

    private static string ReasonOf(Refusal r) => r.Code == "version_conflict" ? StaleMessage : r.Message;

    private async Task LoadAsync()
    {
        Year = clock.Today().Year;
        Budget = await budgets.FindAsync(Year);
        Queue = await search.VerifiedQueueAsync(Math.Max(1, PageNumber), PageSize);
        Counts = await search.CountsAsync([.. Downstream]);
    }
}
