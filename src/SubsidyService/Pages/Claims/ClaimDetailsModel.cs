using Microsoft.AspNetCore.Mvc;
using SubsidyService.Claims;
using SubsidyService.Domain.Claims;
using SubsidyService.Domain.Policy;
using SubsidyService.Operations;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Pages.Claims;

/// <summary>
/// A claim's page for any role: loads the claim as the reader lets this person see it and fires
/// triggers through <see cref="ClaimTransitions"/>, exactly as the API does.
/// </summary>
public abstract class ClaimDetailsModel(ClaimReader reader, ClaimTransitions transitions) : ServicePageModel
{
    public ClaimView Claim { get; private set; } = null!;

    protected Actor Actor => Actor.From(User);

    public bool Permits(string trigger) => Claim.PermittedTriggers.Contains(trigger);

    /// <summary>Loads the claim; false (and a 404 for the caller to return) when this person may not see it.</summary>
    protected async Task<bool> LoadAsync(Guid id)
    {
        var view = await reader.GetAsync(Actor, id);
        if (!view.Succeeded) return false;
        Claim = view.Value!;
        await LoadMoreAsync();
        return true;
    }

    /// <summary>What a role's page shows beside the claim (a budget, letters), loaded whenever the claim is.</summary>
    protected virtual Task LoadMoreAsync() => Task.CompletedTask;

    protected async Task<IActionResult> PageAsync(Guid id) => await LoadAsync(id) ? Page() : NotFound();

    /// <summary>Shows a refusal on the page as it is now (the claim read again, since it may have moved on).</summary>
    protected async Task<IActionResult> RefusedAsync(Guid id, Refusal refusal, string? panel)
    {
        if (!await LoadAsync(id)) return NotFound();
        Show(refusal, panel);
        return Page();
    }

    protected async Task<IActionResult> FireAsync(Guid id, string? trigger, int version, string? reason = null,
        string? reasonCode = null, TriggerData? data = null, string? panel = null)
    {
        if (!EnumCodes.TryParse<ClaimTrigger>(trigger, out var t))
            return await RefusedAsync(id, Refusal.Validation("trigger", "未知的操作。"), panel);
        var request = new TransitionRequest(t, version, Blank(reason), Blank(reasonCode), data);
        if (reason?.Trim().Length > TransitionRequest.MaxReasonLength)
            return await RefusedAsync(id, Refusal.Validation("reason", $"理由不能超过 {TransitionRequest.MaxReasonLength} 个字符。"), panel);
        var fired = await transitions.FireAsync(Actor, id, request);
        if (fired.Refusal is { Status: 404 }) return NotFound();
        return fired.Succeeded
            ? Done(await DoneMessageAsync(id, t))
            : await RefusedAsync(id, fired.Refusal!, panel);
    }

    /// <summary>What the page says after a trigger went through; a page may say more (the letter's number, say).</summary>
    protected virtual Task<string> DoneMessageAsync(Guid id, ClaimTrigger trigger) => Task.FromResult(DoneText.For(trigger));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
