using Microsoft.AspNetCore.Mvc;
using SubsidyService.Operations;
using SubsidyService.Pages.Claims;
using SubsidyService.Recoveries;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Finance;

/// <summary>
/// Paid claims found duplicate-funded after payment: the open ones by default, each with its settle form; counted
/// open and settled, searched by applicant or case number, sortable, paged and exported.
/// </summary>
public sealed class RecoveriesModel(RecoveryStore store, RecoverySettling settling, TimeProvider clock) : ServicePageModel
{
    public const string Open = "open";

    public static readonly IReadOnlyList<(string Value, string Name)> Filters =
        [("proposed", "待确认"), (Open, "待追回"), ("settled", "已登记"), ("dismissed", "已排除"), ("", "全部")];

    /// <summary>Absent: the open recoveries. Present but blank ("全部"): every recovery, which binding leaves as null.</summary>
    [BindProperty(SupportsGet = true)] public string? State { get; set; } = Open;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sort { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public ListPage<RecoveryRow> Recoveries { get; private set; } = new([], 1, ListPage.DefaultSize, 0);
    public IReadOnlyDictionary<string, long> Counts { get; private set; } = new Dictionary<string, long>();
    public Guid? FormOf { get; private set; }

    public string StateValue => State ?? "";
    public bool Searching => !string.IsNullOrWhiteSpace(Q);
    public string FilterName => Filters.FirstOrDefault(f => f.Value == StateValue).Name ?? "所选状态";

    private Dictionary<string, string?> Filter => new() { ["state"] = StateValue, ["q"] = Q };
    public ListLinks Links => new(Url.Content("~/Finance/Recoveries"), Filter, Sort);
    public StatusChips Chips => StatusChips.Of(Filters, Counts, StateValue, Links) with { Parameter = "state" };
    public Pager Pager => Pager.For(Recoveries, Url.Content("~/Finance/Recoveries"), new Dictionary<string, string?>(Filter) { ["sort"] = Sort });

    public Task OnGetAsync() => LoadAsync();

    /// <summary>The list as filtered and sorted on the page, every page of it.</summary>
    public async Task<IActionResult> OnGetCsvAsync()
    {
        if (Parse() is not { } q)
        {
            await LoadAsync();
            return Page();
        }
        await ListCsv.WriteAsync(Response, ListLinks.FileName("recoveries", clock.Today()), Columns,
            store.ExportAsync(q.Filter, q.Sort, HttpContext.RequestAborted));
        return new EmptyResult();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, string? method, string? amount, string? reference, string? note)
    {
        var settled = await settling.SettleAsync(Actor.From(User), id, new SettleInput(Blank(method), Blank(amount), Blank(reference), Blank(note)));
        if (settled.Succeeded)
        {
            // Back to the list as the clerk had it filtered.
            Notice = $"已登记追回结果：{Settlement.Methods[settled.Value!.Method!]}。";
            return Redirect(Request.Path + Request.QueryString);
        }
        Show(settled.Refusal!);
        FormOf = id;
        await LoadAsync();
        return Page();
    }

    public static readonly IReadOnlyList<ListCsv.Column<RecoveryRow>> Columns =
    [
        new("状态", r => StateName(r.State)),
        new("申请人", r => r.ApplicantName),
        new("案号", r => r.CaseNumber),
        new("应追回金额（元）", r => ListCsv.Amount(r.Amount)),
        new("原因", r => r.Reason),
        new("发起时间", r => ListCsv.Time(r.OpenedAt)),
        new("追回方式", r => r.Method is { } m ? Settlement.Methods.GetValueOrDefault(m, m) : null),
        new("追回金额（元）", r => r.SettledAmount is { } a ? ListCsv.Amount(a) : null),
        new("凭证号", r => r.SettlementRef),
        new("说明", r => r.Note),
        new("登记时间", r => ListCsv.Time(r.SettledAt)),
        new("申请编号", r => r.ClaimId.ToString()),
        new("追回编号", r => r.Id.ToString()),
    ];

    public static string StateName(string state) => state switch
    {
        "proposed" => "待确认",
        Open => "待追回",
        "dismissed" => "已排除",
        _ => "已登记",
    };

    private async Task LoadAsync()
    {
        Counts = await store.CountsAsync();
        if (Parse() is { } q) Recoveries = await store.PageAsync(q.Filter, q.Sort, Math.Max(1, PageNumber), ListPage.DefaultSize);
    }

    private (RecoveryFilter Filter, ListSort? Sort)? Parse()
    {
        var filter = RecoveryFilter.Parse(State, Q);
        var sort = RecoveryFilter.Sorts.Parse(Sort);
        if (filter.Succeeded && sort.Succeeded) return (filter.Value!, sort.Value);
        // A refused settlement's field errors stay beside the list's.
        var errors = Errors.Concat(new[] { filter.Refusal, sort.Refusal }.Where(r => r?.Errors is not null).SelectMany(r => r!.Errors!))
            .GroupBy(e => e.Key).ToDictionary(g => g.Key, g => g.Last().Value);
        Show(Refusal.Validation(errors));
        return null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
