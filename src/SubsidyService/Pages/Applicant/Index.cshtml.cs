using Microsoft.AspNetCore.Mvc;
using SubsidyService.Claims;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Kernel;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Pages.Claims;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Applicant;

/// <summary>An applicant's own claims, newest first: counted by status, filtered, sorted, and as CSV for their records.</summary>
public sealed class IndexModel(ClaimReader reader, TimeProvider clock) : ServicePageModel
{
    public static readonly IReadOnlyList<(string Value, string Name)> Filters =
        [("", "全部"), .. Enum.GetValues<ClaimStatus>().Select(s => (EnumCodes.ToCode(s), ClaimNames.Of(s)))];

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public ListPage<ClaimSummary> Claims { get; private set; } = new([], 1, ClaimReader.DefaultPageSize, 0);
    public IReadOnlyDictionary<string, long> Counts { get; private set; } = new Dictionary<string, long>();

    private Dictionary<string, string?> Filter => new() { ["status"] = Status, ["q"] = Q };
    public bool Searching => !string.IsNullOrWhiteSpace(Q);
    public ListLinks Links => new(Url.Content("~/Applicant"), Filter, Sort);

    /// <summary>Only the statuses this applicant has claims in (and 全部), so that the row stays short.</summary>
    public StatusChips Chips => StatusChips.Of(Filters.Where(f => f.Value.Length == 0 || Counts.ContainsKey(f.Value) || f.Value == Status),
        Counts, Status ?? "", Links);

    public Pager Pager => Pager.For(Claims, Url.Content("~/Applicant"), new Dictionary<string, string?>(Filter) { ["sort"] = Sort });
    public string FilterName => Filters.FirstOrDefault(f => f.Value == (Status ?? "")).Name ??
        (SubsidyService.Domain.Kernel.EnumCodes.TryParse<SubsidyService.Domain.Claims.ClaimStatus>(Status, out _) ? ClaimText.Status(Status) : "所选状态");

    public async Task OnGetAsync()
    {
        Counts = await reader.StatusCountsAsync(Actor.From(User));
        var sort = ClaimSort.Parse(Sort);
        if (!sort.Succeeded)
        {
            Show(sort.Refusal!);
            return;
        }
        var page = await reader.ListAsync(Actor.From(User), Status, Q, Math.Max(1, PageNumber), ClaimReader.DefaultPageSize, sort.Value);
        if (page.Succeeded) Claims = page.Value!;
        else Show(page.Refusal!);
    }

    public async Task<IActionResult> OnGetCsvAsync()
    {
        var sort = ClaimSort.Parse(Sort);
        Outcome<IAsyncEnumerable<ClaimSummary>> rows = sort.Succeeded ? reader.Export(Actor.From(User), Status, Q, sort.Value) : sort.Refusal!;
        if (!rows.Succeeded)
        {
            await OnGetAsync();
            return Page();
        }
        await ListCsv.WriteAsync(Response, ListLinks.FileName("my-claims", clock.Today()), ListCsv.Summary, rows.Value!);
        return new EmptyResult();
    }
}
