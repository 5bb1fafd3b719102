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

/// <summary>The confirmation step of a bulk approval: the ticked claims as they are now, and the fingerprint its button carries.</summary>
public sealed record ApproveConfirmation(IReadOnlyList<(string Pick, int Version, ClaimListing? Claim)> Picks, string Fingerprint)
{
    /// <summary>A pick approval may still take: verified, and unchanged since the queue was drawn.</summary>
    public static bool Approvable((string Pick, int Version, ClaimListing? Claim) p) =>
        p.Claim is { Status: "verified" } c && c.Version == p.Version;

    public int Count => Picks.Count(Approvable);
    public decimal Total => Picks.Where(Approvable).Sum(p => p.Claim!.Amount);
}

/// <summary>
/// The finance bureau's queue: verified claims in the order they were verified, with what this year's
/// budget would have left after each, and a bulk approval that approves each ticked claim on its own
/// (its own transaction, its own version check) and reports every result.
/// </summary>
public sealed class IndexModel(ClaimSearch search, ClaimTransitions transitions, BudgetStore budgets, TimeProvider clock) : ServicePageModel
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
    public ListPage<QueuedClaim> Queue { get; private set; } = new([], 1, PageSize, 0);
    public IReadOnlyDictionary<string, long> Counts { get; private set; } = new Dictionary<string, long>();
    public IReadOnlyList<BulkResult> Results { get; private set; } = [];

    /// <summary>Set by the first POST of a bulk approval: what would be approved. Nothing is approved then.</summary>
    public ApproveConfirmation? Confirmation { get; private set; }

    /// <summary>What the confirmation page showed, carried back by its button.</summary>
    [BindProperty] public string? Fingerprint { get; set; }

    public Pager Pager => Pager.For(Queue, Url.Content("~/Finance"), new Dictionary<string, string?>());

    /// <summary>This year's budget left once this claim and every one before it in the queue were approved.</summary>
    public decimal? RemainingAfter(QueuedClaim q) => Budget is null ? null : Budget.Remaining - q.Cumulative;

    public long CountOf(string status) => Counts.TryGetValue(status, out var n) ? n : 0;

    public Task OnGetAsync() => LoadAsync();

    /// <summary>"批准所选申请" shows the count, the total and the budget after them; nothing is approved here.</summary>
    public async Task<IActionResult> OnPostApproveAsync()
    {
        if (Picks() is not { } picks) return await RefusedAsync(PicksRefusal!);
        Confirmation = await ConfirmationOfAsync(picks);
        await LoadAsync();
        return Page();
    }

    /// <summary>The confirmation: approves each ticked claim, refused whole if any of them changed since the confirmation page.</summary>
    public async Task<IActionResult> OnPostApproveConfirmedAsync()
    {
        if (Picks() is not { } picks) return await RefusedAsync(PicksRefusal!);
        var now = await ConfirmationOfAsync(picks);
        if (!SetFingerprint.Matches(Fingerprint, now.Fingerprint))
        {
            Confirmation = now;
            ShowProblem("所选申请在确认页显示后有变化（被他人处理或金额有变），未批准任何申请。请核对下面更新后的清单，再确认。");
            await LoadAsync();
            return Page();
        }

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

    private Refusal? PicksRefusal { get; set; }

    /// <summary>The ticked "id:version" values, or null with <see cref="PicksRefusal"/> set.</summary>
    private List<(Guid Id, int Version)>? Picks()
    {
        var picks = new List<(Guid Id, int Version)>();
        foreach (var s in Selected.Distinct())
        {
            var parts = s.Split(':');
            if (parts.Length != 2 || !Guid.TryParse(parts[0], out var id) || !int.TryParse(parts[1], out var version))
            {
                PicksRefusal = Refusal.Validation("selected", "勾选的申请无法识别，请刷新页面后重新勾选。");
                return null;
            }
            picks.Add((id, version));
        }
        if (picks.Count == 0) PicksRefusal = Refusal.Validation("selected", "请先勾选要批准的申请。");
        else if (picks.Count > MaxBulk) PicksRefusal = Refusal.Validation("selected", $"一次最多批准 {MaxBulk} 件，请分批操作。");
        return PicksRefusal is null ? picks : null;
    }

    /// <summary>The picks as the claims are now; the fingerprint covers each one's current version and amount.</summary>
    private async Task<ApproveConfirmation> ConfirmationOfAsync(List<(Guid Id, int Version)> picks)
    {
        var claims = await search.ByIdsAsync(picks.Select(p => p.Id).ToList());
        var rows = picks.Select(p => ($"{p.Id}:{p.Version}", p.Version, claims.GetValueOrDefault(p.Id))).ToList();
        var fingerprint = SetFingerprint.Of(picks.Select(p => claims.GetValueOrDefault(p.Id) is { } c
            ? (c.Id, c.Version, c.Amount) : (p.Id, -1, 0m)));
        return new ApproveConfirmation(rows, fingerprint);
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
