using Npgsql;
using SubsidyService.Domain.Kernel;
using SubsidyService.Kernel;

namespace SubsidyService.Payouts;

/// <summary>A claim a batch started now would pay, with the version the confirmation page saw.</summary>
public sealed record PayableClaim(Guid Id, int Version, decimal Amount);

/// <summary>What a batch started now would pay: the claims, their count and total, and the fingerprint the confirm button carries.</summary>
public sealed record PayoutPreview(IReadOnlyList<PayableClaim> Claims, string Fingerprint)
{
    public int Count => Claims.Count;
    public decimal Total => Claims.Sum(c => c.Amount);
}

/// <summary>
/// A batch run from the pages in two steps: the preview (nothing runs), then the confirmation, which carries the
/// preview's fingerprint and is refused if the ready claims changed since. The batch then takes only the claims
/// that were previewed, so what finance confirmed is at most what the bank is sent.
/// </summary>
public sealed class PayoutConfirmation(NpgsqlDataSource db, PayoutRequests requests)
{
    public async Task<PayoutPreview> PreviewAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        var claims = await PayoutCandidates.PayableAsync(conn);
        return new PayoutPreview(claims, SetFingerprint.Of(claims.Select(c => (c.Id, c.Version, c.Amount))));
    }

    /// <summary>409 <c>payout_preview_changed</c> when the ready claims are not those previewed; 422 <c>nothing_to_pay</c> when none is ready.</summary>
    public async Task<Outcome<Guid>> ConfirmAsync(Guid requestedBy, string? fingerprint, int shownCount, decimal shownTotal)
    {
        var now = await PreviewAsync();
        if (!SetFingerprint.Matches(fingerprint, now.Fingerprint))
            return new Refusal(409, "payout_preview_changed", "待拨付的申请已有变化，未执行拨付",
                $"确认页显示 {shownCount} 件、合计 {Invariant.Money(shownTotal)} 元；现在可拨付 {now.Count} 件、合计 {Invariant.Money(now.Total)} 元。请核对新的清单后再确认。");
        if (now.Count == 0)
            return new Refusal(422, "nothing_to_pay", "没有可拨付的申请", "目前没有待拨付且无待处理筛查标记的申请，无需执行拨付批次。");
        return await requests.RequestAsync(requestedBy, "manual", now.Claims.Select(c => c.Id).ToArray());
    }
}
