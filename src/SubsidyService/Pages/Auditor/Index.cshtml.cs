using Microsoft.AspNetCore.Mvc;
using SubsidyService.Audit;
using SubsidyService.Claims;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Letters;
using SubsidyService.Operations;
using SubsidyService.Pages.Claims;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Auditor;

/// <summary>
/// The auditors' start page: a read-only search over every claim, the two exports (the letters as a ZIP
/// with their register, the event log as CSV) and the check of the event log's hash chains, served here
/// under the page's cookie since the API's take a bearer token.
/// </summary>
public sealed class IndexModel(ClaimSearch search, LetterExport letters, EventExport events, EventChainVerifier chains) : ServicePageModel
{
    public static readonly IReadOnlyList<(string Value, string Name)> Tiers =
        [("", "全部档次"), .. Enum.GetValues<Tier>().Select(t => (EnumCodes.ToCode(t), ChineseNames.Of(t)))];

    public static readonly IReadOnlyList<(string Value, string Name)> Statuses =
        [("", "全部状态"), .. Enum.GetValues<ClaimStatus>().Select(s => (EnumCodes.ToCode(s), ClaimNames.Of(s)))];

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tier { get; set; }
    [BindProperty(SupportsGet = true)] public string? Applicant { get; set; }
    [BindProperty(SupportsGet = true)] public string? Min { get; set; }
    [BindProperty(SupportsGet = true)] public string? Max { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    [BindProperty(SupportsGet = true)] public string? LetterFrom { get; set; }
    [BindProperty(SupportsGet = true)] public string? LetterTo { get; set; }
    [BindProperty(SupportsGet = true)] public string? EventFrom { get; set; }
    [BindProperty(SupportsGet = true)] public string? EventTo { get; set; }

    public ListPage<ClaimListing> Claims { get; private set; } = new([], 1, ClaimReader.DefaultPageSize, 0);
    public IReadOnlyDictionary<string, long> StatusCounts { get; private set; } = new Dictionary<string, long>();

    public bool Filtered => new[] { Status, From, To, Tier, Applicant, Min, Max }.Any(v => !string.IsNullOrWhiteSpace(v));

    private Dictionary<string, string?> Filter => new()
    {
        ["status"] = Status, ["from"] = From, ["to"] = To, ["tier"] = Tier, ["applicant"] = Applicant, ["min"] = Min, ["max"] = Max,
    };

    public ListLinks Links => new(Url.Content("~/Auditor"), Filter, Sort);
    public StatusChips Chips => StatusChips.Of(Statuses, StatusCounts, Status ?? "", Links);

    public Pager Pager => Pager.For(Claims, Url.Content("~/Auditor"), new Dictionary<string, string?>(Filter) { ["sort"] = Sort });

    public Task OnGetAsync() => SearchAsync();

    /// <summary>The search's result as CSV, every page of it, in the order the page shows.</summary>
    public async Task<IActionResult> OnGetCsvAsync([FromServices] TimeProvider clock)
    {
        var query = ClaimQuery.Parse(Status, From, To, Tier, Applicant, Min, Max, 1, ClaimReader.DefaultPageSize);
        var sort = ClaimSort.Parse(Sort);
        if (!query.Succeeded || !sort.Succeeded) return await PageWithSearchAsync();
        await ListCsv.WriteAsync(Response, ListLinks.FileName("audit-claims", clock.Today()), ListCsv.Listing,
            search.ExportAsync(query.Value!, sort.Value, HttpContext.RequestAborted));
        return new EmptyResult();
    }

    public async Task<IActionResult> OnGetLettersAsync()
    {
        if (!TryRange(LetterFrom, LetterTo, "letterFrom", "letterTo", out var range)) return await PageWithSearchAsync();
        await letters.WriteZipAsync(HttpContext, Actor.From(User), range);
        return new EmptyResult();
    }

    /// <summary>What the last check of the event log found; null until the auditor asks.</summary>
    public ChainReport? Chain { get; private set; }

    /// <summary>The same check as GET /api/v1/audit/verify: it only reads, so a GET serves it.</summary>
    public async Task OnGetVerifyAsync()
    {
        Chain = await chains.VerifyAsync(HttpContext.RequestAborted);
        await SearchAsync();
    }

    public async Task<IActionResult> OnGetEventsAsync()
    {
        if (!TryRange(EventFrom, EventTo, "eventFrom", "eventTo", out var range)) return await PageWithSearchAsync();
        await events.WriteCsvAsync(HttpContext, Actor.From(User), range);
        return new EmptyResult();
    }

    /// <summary>A refused export shows its errors under its own fields, on the page as the search left it.</summary>
    private async Task<IActionResult> PageWithSearchAsync()
    {
        await SearchAsync();
        return Page();
    }

    private async Task SearchAsync()
    {
        StatusCounts = await search.CountsAsync([.. Enum.GetValues<ClaimStatus>().Select(EnumCodes.ToCode)]);
        var query = ClaimQuery.Parse(Status, From, To, Tier, Applicant, Min, Max, Math.Max(1, PageNumber), ClaimReader.DefaultPageSize);
        var sort = ClaimSort.Parse(Sort);
        if (!query.Succeeded || !sort.Succeeded)
        {
            var refusal = query.Refusal ?? sort.Refusal!;
            // Keep an export's errors, if any, beside the search's.
            var errors = Errors.Concat(query.Refusal?.Errors ?? Empty).Concat(sort.Refusal?.Errors ?? Empty)
                .GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.First().Value);
            Show(refusal with { Errors = errors });
            return;
        }
        Claims = await search.SearchAsync(query.Value!, sort.Value);
    }

    private static readonly IReadOnlyDictionary<string, string[]> Empty = new Dictionary<string, string[]>();

    private bool TryRange(string? from, string? to, string fromField, string toField, out DateRange range)
    {
        var errors = new Dictionary<string, string[]>();
        range = DateRange.Parse(from, to, fromField, toField, errors);
        if (errors.Count > 0)
        {
            Show(Refusal.Validation(errors));
            // The export forms sit below the results: say at the top that nothing was exported, and why.
            ShowProblem("未导出：" + string.Join("；", errors.Values.SelectMany(m => m)));
            return false;
        }
        return true;
    }
}
