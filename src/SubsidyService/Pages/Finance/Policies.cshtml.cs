using Microsoft.AspNetCore.Mvc;
using SubsidyService.Kernel;
using SubsidyService.Pages.Claims;
using SubsidyService.Policy;

namespace SubsidyService.Pages.Finance;

/// <summary>
/// Policy versions an administrator added and nobody has confirmed: the finance bureau is the second person who
/// lets a new rate or cap take effect (an administrator other than the author may also do it on the admin page).
/// </summary>
public sealed class PoliciesModel(PolicyStore store) : ServicePageModel
{
    [BindProperty(Name = "policyVersion")] public string? ChosenVersion { get; set; }

    public IReadOnlyList<PolicyVersionResponse> Pending { get; private set; } = [];
    public IReadOnlyList<PolicyVersionResponse> Confirmed { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var (confirmed, refused) = await store.ConfirmAsync(ChosenVersion ?? "", Actor.From(User).Id);
        if (confirmed is not null)
        {
            Notice = $"{confirmed.Version.Title}已确认，自 {ClaimText.ChineseDate(Domain.Kernel.Invariant.Date(confirmed.Version.EffectiveFrom))} 起生效。";
            return RedirectToPage();
        }
        Show(refused!);
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var all = (await store.StoredAsync()).Select(PolicyVersionResponse.From).ToList();
        Pending = all.Where(v => v.ConfirmedAt is null).ToList();
        Confirmed = all.Where(v => v.ConfirmedAt is not null).ToList();
    }
}
