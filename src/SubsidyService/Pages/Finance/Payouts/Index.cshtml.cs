using Microsoft.AspNetCore.Mvc;
using SubsidyService.Claims;
using SubsidyService.Pages.Claims;
using SubsidyService.Payouts;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Finance.Payouts;

/// <summary>The payout batches, newest first, and the button that starts one now.</summary>
public sealed class IndexModel(PayoutStore store, PayoutRequests requests) : ClaimPageModel
{
    public IReadOnlyList<BatchRow> Batches { get; private set; } = [];

    public async Task OnGetAsync() => Batches = await store.ListAsync(50);

    public async Task<IActionResult> OnPostAsync()
    {
        var id = await requests.RequestAsync(Actor.From(User).Id);
        Notice = "拨付批次已提交，后台任务正在汇集待拨付的申请。";
        return RedirectToPage("Details", new { id });
    }
}
