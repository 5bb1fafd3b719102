using Microsoft.AspNetCore.Mvc;
using SubsidyService.Claims;
using SubsidyService.Pages.Claims;
using SubsidyService.Recoveries;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Finance;

/// <summary>Paid claims found duplicate-funded after payment: open ones with a settle form, then the settled.</summary>
public sealed class RecoveriesModel(RecoveryStore store, RecoverySettling settling) : ClaimPageModel
{
    public IReadOnlyList<RecoveryRow> Recoveries { get; private set; } = [];
    public Guid? FormOf { get; private set; }

    public async Task OnGetAsync() => Recoveries = await store.ListAsync(null, 500);

    public async Task<IActionResult> OnPostAsync(Guid id, string? method, string? amount, string? reference, string? note)
    {
        var settled = await settling.SettleAsync(Actor.From(User), id, new SettleInput(Blank(method), Blank(amount), Blank(reference), Blank(note)));
        if (settled.Succeeded) return Done($"已登记追回结果：{Settlement.Methods[settled.Value!.Method!]}。");
        Show(settled.Refusal!);
        FormOf = id;
        Recoveries = await store.ListAsync(null, 500);
        return Page();
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
