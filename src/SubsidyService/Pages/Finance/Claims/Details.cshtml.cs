using Microsoft.AspNetCore.Mvc;
using Npgsql;
using SubsidyService.Budgets;
using SubsidyService.Claims;
using SubsidyService.Domain.Calendar;
using SubsidyService.Domain.Claims;
using SubsidyService.Letters;
using SubsidyService.Operations;
using SubsidyService.Pages.Claims;
using SubsidyService.Policy;

namespace SubsidyService.Pages.Finance.Claims;

/// <summary>
/// A claim as the finance bureau decides it: one panel per trigger the workflow permits now (approve,
/// return for review, reject, objection during the notice), the budget an approval would draw on and the
/// notice it would open, and the claim's letters. Each action posts the version the page was drawn from.
/// </summary>
public sealed class DetailsModel(
    ClaimReader reader, ClaimTransitions transitions, BudgetStore budgets, PolicyStore policies, WorkflowSettings settings,
    WorkingDayCalendar calendar, NpgsqlDataSource db, TimeProvider clock)
    : ClaimDetailsModel(reader, transitions)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public FinanceInput Input { get; set; } = new();

    public int BudgetYear { get; private set; }
    public Budget? Budget { get; private set; }
    public int NoticeDays { get; private set; }
    public DateOnly? NoticeEndsIfApproved { get; private set; }
    public IReadOnlyList<LetterRecord> Letters { get; private set; } = [];

    public DocumentList DocumentList => new(Claim, Url.Content("~/Finance/Claims"), Removable: false, Preview: true);
    public LetterPanel LetterPanel => new(Claim, Url.Content("~/Finance/Claims"), Letters);

    public decimal ClaimAmount => decimal.TryParse(Claim.Estimate.Amount, System.Globalization.NumberStyles.Number,
        System.Globalization.CultureInfo.InvariantCulture, out var a) ? a : 0m;

    /// <summary>Posted text is kept only in the panel it was posted from.</summary>
    public FinanceInput InputFor(string panel) => ActivePanel == panel ? Input : new FinanceInput();

    public Task<IActionResult> OnGetAsync() => PageAsync(Id);

    public Task<IActionResult> OnPostApproveAsync() => FireAsync(Id, "approve", Input.Version, panel: "approve");

    public Task<IActionResult> OnPostReturnAsync() => FireAsync(Id, "return_for_review", Input.Version, Input.Reason, panel: "return_for_review");

    public Task<IActionResult> OnPostRejectAsync() => FireAsync(Id, "reject", Input.Version, Input.Reason, Input.ReasonCode, panel: "reject");

    public Task<IActionResult> OnPostObjectAsync() => FireAsync(Id, "object", Input.Version, Input.Reason, panel: "object");

    protected override async Task LoadMoreAsync()
    {
        var today = clock.Today();
        BudgetYear = today.Year;
        Budget = await budgets.FindAsync(BudgetYear);
        if (await policies.FindAsync(Claim.PolicyVersion) is { } version)
        {
            NoticeDays = settings.PublicNoticeWorkingDays(version);
            NoticeEndsIfApproved = NoticeDays > 0 ? calendar.AddWorkingDays(today, NoticeDays) : null;
        }
        await using var conn = await db.OpenConnectionAsync();
        Letters = await LetterStore.ForClaimAsync(conn, Id);
    }

    protected override async Task<string> DoneMessageAsync(Guid id, ClaimTrigger trigger)
    {
        if (trigger != ClaimTrigger.Approve) return await base.DoneMessageAsync(id, trigger);
        await using var conn = await db.OpenConnectionAsync();
        var row = await ClaimStore.FindAsync(conn, id);
        var notice = row?.NoticeEndsOn is { } ends ? $"公示期至 {ClaimText.Day(ends)}" : "无公示期，已转入待拨付";
        return row?.NoticeEndsOn is not null
            ? $"已批准，补助核准通知书编号 {row.LetterNumber} 已签发，申请人已收到通知；{notice}，期满无异议后转入待拨付，随拨付批次支付。"
            : $"已批准，补助核准通知书编号 {row?.LetterNumber} 已签发，申请人已收到通知；{notice}，将随下一个拨付批次支付。";
    }
}
