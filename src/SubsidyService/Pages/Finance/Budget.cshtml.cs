using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SubsidyService.Budgets;
using SubsidyService.Claims;
using SubsidyService.Domain.Money;
using SubsidyService.Operations;
using SubsidyService.Pages.Claims;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Finance;

/// <summary>
/// A fiscal year's budget: its amount and what approvals have reserved and payments spent, as figures and as
/// a bar; the form that sets the amount; and the claims behind each figure.
/// </summary>
public sealed class BudgetModel(BudgetStore budgets, ClaimSearch search, TimeProvider clock) : ServicePageModel
{
    public const int EntryLimit = 500;

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty] public string? Amount { get; set; }

    public int ShownYear { get; private set; }
    public Budget? Budget { get; private set; }
    public IReadOnlyList<(BudgetEntry Entry, ClaimListing? Claim)> Entries { get; private set; } = [];

    public IEnumerable<(BudgetEntry Entry, ClaimListing? Claim)> EntriesIn(string state) => Entries.Where(e => e.Entry.State == state);

    /// <summary>Each segment's share of the bar (0–1): paid first, then reserved; the rest is what remains.</summary>
    public (double Paid, double Reserved) Shares => Budget is { Amount: > 0 } b
        ? ((double)(b.Paid / b.Amount), (double)(b.Reserved / b.Amount))
        : (0, 0);

    public async Task<IActionResult> OnGetAsync()
    {
        CheckYear();
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CheckYear())
        {
            await LoadAsync();
            return Page();
        }
        if (string.IsNullOrWhiteSpace(Amount))
            return await RefusedAsync(Refusal.Validation("amount", "请填写预算金额，如 500000 或 500,000.00。"));
        if (!AmountInput.TryParse(Amount, allowZero: true, out var amount, out var error))
            return await RefusedAsync(Refusal.Validation("amount", $"预算金额：{error}。"));
        var set = await budgets.SetAsync(ShownYear, amount.Value, Actor.From(User).Id, clock.GetUtcNow().UtcDateTime);
        if (!set.Succeeded) return await RefusedAsync(set.Refusal!);
        Notice = $"已将 {ShownYear} 年度补助预算设为 {ClaimText.Money(set.Value!.Amount)}。";
        return Redirect($"~/Finance/Budget?year={ShownYear}");
    }

    private async Task<IActionResult> RefusedAsync(Refusal refusal)
    {
        Show(refusal);
        await LoadAsync();
        return Page();
    }

    /// <summary>An impossible year is named under the year field and this year is shown instead.</summary>
    private bool CheckYear()
    {
        ShownYear = Year ?? clock.Today().Year;
        if (ShownYear is >= BudgetEndpoints.MinYear and <= BudgetEndpoints.MaxYear) return true;
        Show(Refusal.Validation("year", $"年度须在 {BudgetEndpoints.MinYear} 至 {BudgetEndpoints.MaxYear} 之间。"));
        ShownYear = clock.Today().Year;
        return false;
    }

    private async Task LoadAsync()
    {
        Budget = await budgets.FindAsync(ShownYear);
        var entries = await budgets.EntriesAsync(ShownYear, null, EntryLimit);
        var claims = await search.ByIdsAsync(entries.Select(e => e.ClaimId).ToList());
        Entries = entries.Select(e => (e, claims.GetValueOrDefault(e.ClaimId))).ToList();
        Amount ??= Budget is null ? null : Budget.Amount.ToString("0.00", CultureInfo.InvariantCulture);
    }
}
