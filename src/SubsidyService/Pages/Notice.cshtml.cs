using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SubsidyService.Claims;
using SubsidyService.Pages.Claims;

namespace SubsidyService.Pages;

/// <summary>
/// The public notice (公示) of approved subsidies, open to anyone: who (a natural person's name masked to the
/// surname), which case, how much, the notice's first and last day (its first is the day of approval), and where to
/// object.
/// </summary>
public sealed class NoticeModel(ClaimSearch search, IConfiguration config) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<NoticeEntry> Items { get; private set; } = [];
    public long Total { get; private set; }
    public string Authority => config["Authority:Name"] ?? "县市场监督管理局（知识产权局）";

    /// <summary>Where and how to object (a telephone and an address); unset, the page says to object in writing.</summary>
    public string? ObjectionContact => config["Authority:ObjectionContact"] is { Length: > 0 } c ? c.Trim() : null;

    public Pager Pager => Pager.For(Math.Max(1, PageNumber), PageSize, Total, Url.Content("~/Notice"), new Dictionary<string, string?>());

    public async Task OnGetAsync()
    {
        (Items, Total) = await search.PublicNoticeAsync(Math.Max(1, PageNumber), PageSize);
    }
}
