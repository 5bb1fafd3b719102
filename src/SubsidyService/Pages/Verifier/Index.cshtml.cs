using Microsoft.AspNetCore.Mvc;
using SubsidyService.Claims;
using SubsidyService.Domain.Calendar;
using SubsidyService.Operations;
using SubsidyService.Pages.Claims;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Verifier;

/// <summary>
/// The verifiers' queue: claims waiting for them, oldest first, with how long they have waited in working days;
/// counts by status, any column to sort by, and the list as CSV.
/// </summary>
public sealed class IndexModel(ClaimReader reader, WorkingDayCalendar calendar, TimeProvider clock) : ServicePageModel
{
    public const string Waiting = "submitted,under_review";

    public static readonly IReadOnlyList<(string Value, string Name)> Filters =
    [
        (Waiting, "待办（已提交、审核中）"), ("submitted", "已提交"), ("under_review", "审核中"),
        ("supplement_requested", "待补正"), ("verified", "已核实"), ("rejected", "已驳回"), ("withdrawn", "已撤回"), ("", "全部"),
    ];

    /// <summary>Absent: the waiting claims. Present but blank ("全部"): every claim, which binding leaves as null.</summary>
    [BindProperty(SupportsGet = true)] public string? Status { get; set; } = Waiting;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    /// <summary>Only the claims whose review is past its due date.</summary>
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public ListPage<ClaimSummary> Claims { get; private set; } = new([], 1, ClaimReader.DefaultPageSize, 0);
    public IReadOnlyDictionary<string, long> Counts { get; private set; } = new Dictionary<string, long>();

    public string StatusValue => Status ?? "";
    public bool Searching => !string.IsNullOrWhiteSpace(Q) || Overdue;
    /// <summary>The chosen filter's name; a value no option has (a tampered query) is not repeated back.</summary>
    public string FilterName => Filters.FirstOrDefault(f => f.Value == StatusValue).Name ??
        (SubsidyService.Domain.Kernel.EnumCodes.TryParse<SubsidyService.Domain.Claims.ClaimStatus>(StatusValue, out _) ? ClaimText.Status(StatusValue) : "所选状态");

    private Dictionary<string, string?> Filter => new() { ["status"] = StatusValue, ["q"] = Q, ["overdue"] = Overdue ? "true" : null };
    public ListLinks Links => new(Url.Content("~/Verifier"), Filter, Sort);
    public StatusChips Chips => StatusChips.Of(Filters, Counts, StatusValue, Links);
    public Pager Pager => Pager.For(Claims, Url.Content("~/Verifier"), new Dictionary<string, string?>(Filter) { ["sort"] = Sort });

    public async Task OnGetAsync()
    {
        Counts = await reader.StatusCountsAsync(Actor.From(User));
        var sort = ClaimSort.Parse(Sort);
        if (!sort.Succeeded)
        {
            Show(sort.Refusal!);
            return;
        }
        var page = await reader.ListAsync(Actor.From(User), Status, Q, Math.Max(1, PageNumber), ClaimReader.DefaultPageSize, sort.Value,
            capTotal: true, overdue: Overdue);
        if (page.Succeeded) Claims = page.Value!;
        else Show(page.Refusal!);
    }

    /// <summary>The list as filtered and sorted on the page, every page of it.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        var sort = ClaimSort.Parse(Sort);
        Outcome<IAsyncEnumerable<ClaimSummary>> rows = sort.Succeeded ? reader.Export(Actor.From(User), Status, Q, sort.Value, Overdue) : sort.Refusal!;
        if (!rows.Succeeded)
        {
            await OnGetAsync();
            return Page();
        }
        await ListCsv.WriteAsync(Response, ListLinks.FileName("verifier-claims", clock.Today()), ListCsv.Summary, rows.Value!);
        return new EmptyResult();
    }

    /// <summary>Working days since submission (since creation for a claim never submitted), counted in China time.</summary>
    public int AgeOf(ClaimSummary claim) =>
        calendar.WorkingDaysBetween(ChinaTime.DateOf(claim.SubmittedAt ?? claim.CreatedAt), clock.Today());
}
