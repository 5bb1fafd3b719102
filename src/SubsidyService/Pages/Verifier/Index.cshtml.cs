using Microsoft.AspNetCore.Mvc;
using SubsidyService.Claims;
using SubsidyService.Domain.Calendar;
using SubsidyService.Operations;
using SubsidyService.Pages.Claims;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Verifier;

/// <summary>The verifiers' queue: claims waiting for them, oldest first, with how long they have waited in working days.</summary>
public sealed class IndexModel(ClaimReader reader, WorkingDayCalendar calendar, TimeProvider clock) : ClaimPageModel
{
    public const string Waiting = "submitted,under_review";

    public static readonly IReadOnlyList<(string Value, string Name)> Filters =
    [
        (Waiting, "待办（已提交、审核中）"), ("submitted", "已提交"), ("under_review", "审核中"),
        ("supplement_requested", "待补正"), ("verified", "已核实"), ("rejected", "已驳回"), ("withdrawn", "已撤回"), ("", "全部"),
    ];

    [BindProperty(SupportsGet = true)] public string? Status { get; set; } = Waiting;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public ClaimPage Claims { get; private set; } = new([], 1, ClaimReader.DefaultPageSize, 0);
    public Pager Pager => new(Claims, "/Verifier", new Dictionary<string, string?> { ["status"] = Status ?? "", ["q"] = Q });

    public async Task OnGetAsync()
    {
        var page = await reader.ListAsync(Actor.From(User), Status, Q, Math.Max(1, PageNumber), ClaimReader.DefaultPageSize);
        if (page.Succeeded) Claims = page.Value!;
        else Show(page.Refusal!);
    }

    /// <summary>Working days since submission (since creation for a claim never submitted), counted in China time.</summary>
    public int AgeOf(ClaimSummary claim) =>
        calendar.WorkingDaysBetween(ChinaTime.DateOf(claim.SubmittedAt ?? claim.CreatedAt), clock.Today());
}
