using Microsoft.AspNetCore.Mvc;
using SubsidyService.Claims;
using SubsidyService.Operations;
using SubsidyService.Pages.Claims;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Finance.Claims;

/// <summary>The finance bureau's lists past approval: in notice, ready for payout, paid, failed; or every claim. Counted, sortable, exportable.</summary>
public sealed class IndexModel(ClaimSearch search, TimeProvider clock) : ServicePageModel
{
    public static readonly IReadOnlyList<(string Value, string Name)> Filters =
    [
        ("in_public_notice", "公示中"), ("ready_for_payout", "待拨付"), ("in_payout", "拨付中"), ("payout_failed", "拨付失败"),
        ("paid", "已拨付"), ("verified", "已核实（待审批）"), ("rejected", "已驳回"), ("", "全部"),
    ];

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Applicant { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public ListPage<ClaimListing> Claims { get; private set; } = new([], 1, ClaimReader.DefaultPageSize, 0);
    public IReadOnlyDictionary<string, long> Counts { get; private set; } = new Dictionary<string, long>();

    private Dictionary<string, string?> Filter => new() { ["status"] = Status, ["applicant"] = Applicant };
    public ListLinks Links => new(Url.Content("~/Finance/Claims"), Filter, Sort);
    public StatusChips Chips => StatusChips.Of(Filters, Counts, Status ?? "", Links);

    public Pager Pager => Pager.For(Claims, Url.Content("~/Finance/Claims"), new Dictionary<string, string?>(Filter) { ["sort"] = Sort });

    public string Title => Filters.FirstOrDefault(f => f.Value == (Status ?? "")).Name ?? "申请";

    public async Task OnGetAsync()
    {
        Counts = await search.CountsAsync([.. Enum.GetValues<SubsidyService.Domain.Claims.ClaimStatus>().Select(Domain.Kernel.EnumCodes.ToCode)]);
        if (Parse() is { } q) Claims = await search.SearchAsync(q.Query, q.Sort);
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (Parse() is not { } q)
        {
            await OnGetAsync();
            return Page();
        }
        await ListCsv.WriteAsync(Response, ListLinks.FileName("finance-claims", clock.Today()), ListCsv.Listing,
            search.ExportAsync(q.Query, q.Sort, HttpContext.RequestAborted));
        return new EmptyResult();
    }

    private (ClaimQuery Query, ListSort? Sort)? Parse()
    {
        var query = ClaimQuery.Parse(Status, null, null, null, Applicant, null, null, Math.Max(1, PageNumber), ClaimReader.DefaultPageSize);
        var sort = ClaimSort.Parse(Sort);
        if (query.Succeeded && sort.Succeeded) return (query.Value!, sort.Value);
        Show(Refusal.Validation(new[] { query.Refusal, sort.Refusal }.Where(r => r?.Errors is not null)
            .SelectMany(r => r!.Errors!).ToDictionary(e => e.Key, e => e.Value)));
        return null;
    }
}
