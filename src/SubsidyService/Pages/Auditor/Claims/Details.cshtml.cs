using Microsoft.AspNetCore.Mvc;
using Npgsql;
using SubsidyService.Claims;
using SubsidyService.Letters;
using SubsidyService.Pages.Claims;

namespace SubsidyService.Pages.Auditor.Claims;

/// <summary>A claim for the auditors, read-only: everything the record holds, every event with all its data, every letter.</summary>
public sealed class DetailsModel(ClaimReader reader, ClaimTransitions transitions, NpgsqlDataSource db) : ClaimDetailsModel(reader, transitions)
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public IReadOnlyList<LetterRecord> Letters { get; private set; } = [];

    public DocumentList DocumentList => new(Claim, Url.Content("~/Auditor/Claims"), Removable: false, Preview: true);
    public LetterPanel LetterPanel => new(Claim, Url.Content("~/Auditor/Claims"), Letters);

    public Task<IActionResult> OnGetAsync() => PageAsync(Id);

    protected override async Task LoadMoreAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        Letters = await LetterStore.ForClaimAsync(conn, Id);
    }
}
