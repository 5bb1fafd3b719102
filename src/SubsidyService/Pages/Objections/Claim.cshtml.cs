using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SubsidyService.Accounts;
using SubsidyService.Kernel;
using SubsidyService.Objections;
using SubsidyService.Pages.Claims;

namespace SubsidyService.Pages.Objections;

/// <summary>
/// Where the claim page's objection forms post. Done, it goes back to the claim page with the notice; refused, it
/// shows the objections here with the error and what was typed, since the claim page cannot keep it.
/// </summary>
[Authorize(Roles = $"{Roles.Verifier},{Roles.Finance}")]
public sealed class ClaimModel(ObjectionStore store, ObjectionRecording recording, ObjectionHandling handling) : ServicePageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Back { get; set; }
    [BindProperty] public string? Objector { get; set; }
    [BindProperty] public string? Contact { get; set; }
    [BindProperty(Name = "Content")] public string? ObjectionContent { get; set; }
    [BindProperty] public string? Reply { get; set; }

    public IReadOnlyList<ObjectionRow> Objections { get; private set; } = [];
    public Guid? ReplyFormOf { get; private set; }

    /// <summary>Only a staff claim page is a place to go back to: an open redirect would be a phishing aid.</summary>
    public string ClaimPage => "~" + (Back is { } b && (b == $"/Verifier/Claims/{Id}" || b == $"/Finance/Claims/{Id}") ? b : $"/Objections/Claim/{Id}");

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostRecordAsync()
    {
        var recorded = await recording.RecordAsync(Actor.From(User), Id, new ObjectionInput(Objector, Contact, ObjectionContent, null));
        return recorded.Succeeded ? ReturnToClaim("已登记异议。") : await RefusedAsync(recorded.Refusal!, "record");
    }

    public async Task<IActionResult> OnPostSustainAsync(Guid objectionId)
    {
        var sustained = await handling.SustainAsync(Actor.From(User), objectionId, new SustainInput(null));
        return sustained.Succeeded ? ReturnToClaim("异议成立，申请已退回审核，决定书已撤销。") : await RefusedAsync(sustained.Refusal!, "sustain");
    }

    public async Task<IActionResult> OnPostDismissAsync(Guid objectionId)
    {
        var dismissed = await handling.DismissAsync(Actor.From(User), objectionId, new DismissInput(Reply));
        if (dismissed.Succeeded) return ReturnToClaim("已答复并驳回异议。");
        ReplyFormOf = objectionId;
        return await RefusedAsync(dismissed.Refusal!, "dismiss");
    }

    private IActionResult ReturnToClaim(string notice)
    {
        Notice = notice;
        return Redirect(ClaimPage);
    }

    private async Task<IActionResult> RefusedAsync(Refusal refusal, string panel)
    {
        Show(refusal, panel);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync() => Objections = await store.ListAsync(Id, null, ObjectionEndpoints.ListLimit);
}
