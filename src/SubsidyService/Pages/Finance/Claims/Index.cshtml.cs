using Microsoft.AspNetCore.Mvc;
using SubsidyService.Claims;
using SubsidyService.Pages.Claims;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Finance.Claims;

/// <summary>The finance bureau's lists past approval: in notice, ready for payout, paid, failed; or every claim.</summary>
public sealed class IndexModel(ClaimSearch search) : ClaimPageModel
{
    public static readonly IReadOnlyList<(string Value, string Name)> Filters =
    [
        ("in_public_notice", "公示中"), ("ready_for_payout", "待拨付"), ("in_payout", "拨付中"), ("payout_failed", "拨付失败"),
        ("paid", "已拨付"), ("verified", "已核实（待审批）"), ("rejected", "已驳回"), ("", "全部"),
    ];

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Applicant { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public ClaimListingPage Claims { get; private set; } = new([], 1, ClaimReader.DefaultPageSize, 0);

    public Pager Pager => Pager.For(Claims.Page, Claims.PageSize, Claims.Total, "/Finance/Claims",
        new Dictionary<string, string?> { ["status"] = Status, ["applicant"] = Applicant });

    public string Title => Filters.FirstOrDefault(f => f.Value == (Status ?? "")).Name ?? "申请";

    public async Task OnGetAsync()
    {
        var query = ClaimQuery.Parse(Status, null, null, null, Applicant, null, null, Math.Max(1, PageNumber), ClaimReader.DefaultPageSize);
        if (!query.Succeeded)
        {
            Show(query.Refusal!);
            return;
        }
        Claims = await search.SearchAsync(query.Value!);
    }
}
