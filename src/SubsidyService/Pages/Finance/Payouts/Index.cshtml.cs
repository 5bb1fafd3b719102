using Microsoft.AspNetCore.Mvc;
using SubsidyService.Operations;
using SubsidyService.Pages.Claims;
using SubsidyService.Payouts;
using SubsidyService.Kernel;
using SubsidyService.Claims;

namespace SubsidyService.Pages.Finance.Payouts;

/// <summary>The payout batches, newest first: counted by status, filtered by status and date, sortable, paged and exported; and the button that starts one now.</summary>
public sealed class IndexModel(BatchList batches, PayoutConfirmation confirmation, ClaimSearch search, PayoutPause pause, TimeProvider clock)
    : ServicePageModel
{
    /// <summary>How many of the previewed claims the confirmation page lists one by one (count and total cover all).</summary>
    public const int PreviewRows = 200;

    public static readonly IReadOnlyList<(string Value, string Name)> Filters =
        [("", "全部"), .. BatchFilter.AllStatuses.Select(s => (s, BatchText.Status(s)))];

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    /// <summary>The resume form: a reason, and the box saying the batches were reconciled with the bank.</summary>
    [BindProperty] public string? ResumeReason { get; set; }
    [BindProperty] public bool Reconciled { get; set; }

    public PayoutPauseView Pause { get; private set; } = new(false, null, null, null);

    /// <summary>The confirmation step: what a batch started now would pay (set by the first POST; nothing runs then).</summary>
    public PayoutPreview? Preview { get; private set; }
    public IReadOnlyDictionary<Guid, ClaimListing> PreviewClaims { get; private set; } = new Dictionary<Guid, ClaimListing>();

    /// <summary>What the confirmation page showed, carried back by its button.</summary>
    [BindProperty] public string? Fingerprint { get; set; }
    [BindProperty] public int ShownCount { get; set; }
    [BindProperty] public decimal ShownTotal { get; set; }

    public ListPage<BatchRow> Batches { get; private set; } = new([], 1, ListPage.DefaultSize, 0);
    public IReadOnlyDictionary<string, long> Counts { get; private set; } = new Dictionary<string, long>();

    public bool Filtered => new[] { Status, From, To }.Any(v => !string.IsNullOrWhiteSpace(v));

    private Dictionary<string, string?> Filter => new() { ["status"] = Status, ["from"] = From, ["to"] = To };
    public ListLinks Links => new(Url.Content("~/Finance/Payouts"), Filter, Sort);
    public StatusChips Chips => StatusChips.Of(Filters, Counts, Status ?? "", Links);
    public Pager Pager => Pager.For(Batches, Url.Content("~/Finance/Payouts"), new Dictionary<string, string?>(Filter) { ["sort"] = Sort }, "批");

    public async Task OnGetAsync()
    {
        Pause = await pause.GetAsync();
        Counts = await batches.CountsAsync();
        if (Parse() is { } q) Batches = await batches.PageAsync(q.Filter, q.Sort, Math.Max(1, PageNumber), ListPage.DefaultSize);
    }

    /// <summary>The list as filtered and sorted on the page, every page of it.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (Parse() is not { } q)
        {
            await OnGetAsync();
            return Page();
        }
        await ListCsv.WriteAsync(Response, ListLinks.FileName("payout-batches", clock.Today()), Columns,
            batches.ExportAsync(q.Filter, q.Sort, HttpContext.RequestAborted));
        return new EmptyResult();
    }

    /// <summary>"立即执行拨付批次" only shows what would be paid: the count, the total and the claims. Nothing runs here.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        Pause = await pause.GetAsync();
        await PreviewAsync();
        return Page();
    }

    /// <summary>The confirmation: runs the batch on the claims that were shown, refused if they changed since.</summary>
    public async Task<IActionResult> OnPostConfirmAsync()
    {
        var requested = await confirmation.ConfirmAsync(Actor.From(User).Id, Fingerprint, ShownCount, ShownTotal);
        if (!requested.Succeeded)
        {
            Show(requested.Refusal!);
            ShowProblem($"{requested.Refusal!.Title}：{requested.Refusal.Detail}");
            Pause = await pause.GetAsync();
            // The changed set is shown again to be confirmed afresh; a pause or an empty set ends on the list.
            if (requested.Refusal.Code == "payout_preview_changed") await PreviewAsync();
            else await OnGetAsync();
            return Page();
        }
        Notice = $"拨付批次已提交（{ShownCount} 件，合计 {ClaimText.Money(ShownTotal)}），后台任务正在汇集这些申请。";
        return RedirectToPage("Details", new { id = requested.Value });
    }

    private async Task PreviewAsync()
    {
        Preview = await confirmation.PreviewAsync();
        PreviewClaims = await search.ByIdsAsync(Preview.Claims.Take(PreviewRows).Select(c => c.Id).ToList());
    }

    /// <summary>Finance resumes payouts after reconciling the batches with the bank's statements: the box is that word, the reason is kept in the log.</summary>
    public async Task<IActionResult> OnPostResumeAsync()
    {
        var resumed = Reconciled
            ? await pause.ResumeAsync(Actor.From(User), ResumeReason)
            : Refusal.Validation("reconciled", "请先核对银行流水，并勾选确认。");
        if (resumed.Succeeded) return Done("拨付已恢复。暂停前已提交、尚未开始的批次将继续执行。");
        Show(resumed.Refusal!, panel: "resume");
        await OnGetAsync();
        return Page();
    }

    public static readonly IReadOnlyList<ListCsv.Column<BatchRow>> Columns =
    [
        new("批次", b => b.Name),
        new("提交时间", b => ListCsv.Time(b.RequestedAt)),
        new("方式", b => BatchText.Origin(b.Origin)),
        new("状态", BatchText.State),
        new("待银行回单笔数", b => b.PendingCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("笔数", b => b.ClaimCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("合计金额（元）", b => ListCsv.Amount(b.TotalAmount)),
        new("开始时间", b => ListCsv.Time(b.StartedAt)),
        new("完成时间", b => ListCsv.Time(b.CompletedAt)),
        new("支付文件 SHA-256", b => b.FileSha256),
        new("最近错误", b => b.LastError),
        new("批次标识", b => b.Id.ToString()),
    ];

    private (BatchFilter Filter, ListSort? Sort)? Parse()
    {
        var filter = BatchFilter.Parse(Status, From, To);
        var sort = BatchFilter.Sorts.Parse(Sort);
        if (filter.Succeeded && sort.Succeeded) return (filter.Value!, sort.Value);
        Show(Refusal.Validation(new[] { filter.Refusal, sort.Refusal }.Where(r => r?.Errors is not null)
            .SelectMany(r => r!.Errors!).ToDictionary(e => e.Key, e => e.Value)));
        return null;
    }
}
