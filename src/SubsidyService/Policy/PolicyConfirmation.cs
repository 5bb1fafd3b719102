using Dapper;
using SubsidyService.Domain.Policy;
using SubsidyService.Kernel;

namespace SubsidyService.Policy;

/// <summary>A stored version with who added it and who confirmed it; only a confirmed version is ever in force.</summary>
public sealed record StoredPolicyVersion(PolicyVersion Version, Guid? CreatedBy, DateTimeOffset? ConfirmedAt, Guid? ConfirmedBy)
{
    public bool Confirmed => ConfirmedAt is not null;
}

/// <summary>
/// Two people for a policy: the rate, the caps and the notice period decide every payment, so a version one
/// administrator added takes effect only when another administrator or a finance user confirms it. While it waits
/// it can be withdrawn; once confirmed only its last day can change.
/// </summary>
public sealed partial class PolicyStore
{
    public async Task<Outcome<StoredPolicyVersion>> ConfirmAsync(string id, Guid confirmedBy)
    {
        var stored = (await StoredAsync(fresh: true)).FirstOrDefault(v => v.Version.Id == id);
        if (stored is null) return Refusal.NotFound("该政策版本");
        if (stored.Confirmed) return Refusal.Conflict("policy_already_confirmed", "政策版本已确认", $"政策版本 {id} 已于此前确认生效。");
        if (stored.CreatedBy == confirmedBy)
            return new Refusal(403, "second_person_required", "须由他人确认", "政策版本须由添加人以外的管理员或财务人员确认后才生效。");
        if (await BackDatedOverClaimsAsync(stored.Version) is { } backDated)
            return Refusal.Validation("effectiveFrom", backDated);

        await using var conn = await db.OpenConnectionAsync();
        // The row's own state in the WHERE: of two confirmations at once, one updates and the other finds it done.
        var confirmedAt = await conn.ExecuteScalarAsync<DateTime?>("""
            UPDATE policy_versions SET confirmed_at = now(), confirmed_by = @confirmedBy
            WHERE id = @id AND confirmed_at IS NULL
            RETURNING confirmed_at
            """, new { id, confirmedBy });
        if (confirmedAt is null) return Refusal.Conflict("policy_already_confirmed", "政策版本已确认", $"政策版本 {id} 已由他人确认。");
        Invalidate();
        await security.RecordAsync(SecurityAct.PolicyVersionConfirmed, id, "确认后生效");
        return stored with { ConfirmedAt = new DateTimeOffset(DateTime.SpecifyKind(confirmedAt.Value, DateTimeKind.Utc)), ConfirmedBy = confirmedBy };
    }

    /// <summary>Removes a version nobody has confirmed yet (a mistake caught by the second person); confirmed versions stay.</summary>
    public async Task<Outcome<bool>> WithdrawAsync(string id)
    {
        await using var conn = await db.OpenConnectionAsync();
        var removed = await conn.ExecuteAsync("DELETE FROM policy_versions WHERE id = @id AND confirmed_at IS NULL", new { id });
        if (removed == 0)
            return await FindAsync(id, fresh: true) is null
                ? Refusal.NotFound("该政策版本")
                : Refusal.Conflict("policy_already_confirmed", "政策版本已确认", $"政策版本 {id} 已确认生效，不能撤回；可设定其失效日期。");
        Invalidate();
        await security.RecordAsync(SecurityAct.PolicyVersionWithdrawn, id, "未经确认即撤回");
        return true;
    }
}
