using Microsoft.AspNetCore.Mvc;
using SubsidyService.Claims;
using SubsidyService.Pages.Claims;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Applicant;

public sealed class IndexModel(ClaimReader reader) : ClaimPageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public ClaimPage Claims { get; private set; } = new([], 1, ClaimReader.DefaultPageSize, 0);
    public Pager Pager => new(Claims, "/Applicant", new Dictionary<string, string?>());

    public async Task OnGetAsync()
    {
        var page = await reader.ListAsync(Actor.From(User), null, null, Math.Max(1, PageNumber), ClaimReader.DefaultPageSize);
        if (page.Succeeded) Claims = page.Value!;
        else Show(page.Refusal!);
    }
}
