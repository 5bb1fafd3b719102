using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SubsidyService.Accounts;
using SubsidyService.Bars;
using SubsidyService.Operations;
using SubsidyService.Pages.Claims;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Bars;

/// <summary>
/// Bars (失信): verifiers and finance add and lift them, auditors read. A refused form keeps what was typed.
/// </summary>
[Authorize(Roles = $"{Roles.Verifier},{Roles.Finance},{Roles.Auditor}")]
public sealed class IndexModel(BarStore store, Barring barring, TimeProvider clock) : ServicePageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty] public string? IdNumber { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Until { get; set; }
    [BindProperty] public Guid? RecoveryId { get; set; }

    public IReadOnlyList<BarRow> Bars { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public Guid? LiftFormOf { get; private set; }

    public bool MayChange => User.IsInRole(Roles.Verifier) || User.IsInRole(Roles.Finance);

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        if (!MayChange) return Forbid();
        var added = await barring.AddAsync(Actor.From(User), new BarInput(IdNumber, Reason, Until, RecoveryId));
        if (added.Succeeded) return Done($"已登记限制：{BarIdentity.Masked(added.Value!.IdNumber)}，至 {added.Value.UntilDate:yyyy-MM-dd}。");
        Show(added.Refusal!, "add");
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostLiftAsync(Guid id, string? liftReason)
    {
        if (!MayChange) return Forbid();
        var lifted = await barring.LiftAsync(Actor.From(User), id, new LiftInput(liftReason));
        if (lifted.Succeeded) return Done($"已解除限制：{BarIdentity.Masked(lifted.Value!.IdNumber)}。");
        Show(lifted.Refusal!, "lift");
        LiftFormOf = id;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Today = clock.Today();
        Bars = await store.ListAsync(string.IsNullOrWhiteSpace(Q) ? null : BarIdentity.Normalise(Q), BarEndpoints.ListLimit);
    }
}
