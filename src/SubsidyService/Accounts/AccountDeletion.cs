using Dapper;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using SubsidyService.Kernel;

namespace SubsidyService.Accounts;

/// <summary>
/// An applicant deletes their own account, confirmed by the current password, as long as no claim of theirs was ever
/// submitted. Each feature removes what it keeps of the account (<see cref="IAccountErasure"/>), then the account's
/// row goes, its sessions with it (so every token and cookie fails at its next request), all in one transaction.
/// The username, e-mail and identity number are free to register again. The chained log is not touched; it gains an
/// <c>account_deleted</c> event naming the account by id only, with counts of what went.
/// </summary>
public sealed class AccountDeletion(NpgsqlDataSource db, IEnumerable<IAccountErasure> erasures, LoginThrottle throttle, ISecurityEvents security)
{
    private static readonly PasswordHasher<User> Hasher = new();
    private readonly IReadOnlyList<IAccountErasure> ordered = erasures.OrderBy(e => e.Order).ToList();

    public static Refusal StaffRefused => Refusal.Forbidden("工作人员账户不能自行注销；不再使用的工作人员账户由系统管理员停用。");

    /// <summary>Why the account cannot be deleted, or null when it can (for the page to say so before asking for the password).</summary>
    public async Task<string?> KeptBecauseAsync(Guid id)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        foreach (var erasure in ordered)
            if (await erasure.KeptBecauseAsync(conn, tx, id) is { } reason) return reason;
        return null;
    }

    /// <returns>null when the account is gone; otherwise why not (403 staff, 400 wrong password, 429 too many wrong
    /// passwords, 409 a submitted claim).</returns>
    /// <param name="address">The client address: wrong passwords here count in the sign-in throttle, so a stolen
    /// session cannot be used to guess the password at the speed of the network.</param>
    public async Task<Refusal?> DeleteAsync(Guid id, string? currentPassword, string address)
    {
        await using var conn = await db.OpenConnectionAsync();
        // The password is checked before any lock is taken: a hash check is slow, and nothing waits on it.
        var user = await conn.QuerySingleOrDefaultAsync<User>("SELECT * FROM users WHERE id = @id", new { id });
        if (user is null) return Refusal.Unauthorized("token_revoked", "账户已不存在，请重新登录。");
        if (user.Role != Roles.Applicant) return StaffRefused;
        if (await throttle.TryTakeAsync(user.Username, address) is { } wait)
        {
            var message = AccountEndpoints.ThrottledMessage(wait);
            return new Refusal(StatusCodes.Status429TooManyRequests, "login_throttled", "尝试过于频繁", message,
                new Dictionary<string, string[]> { ["currentPassword"] = [message] });
        }
        if (string.IsNullOrEmpty(currentPassword) ||
            Hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
            return Refusal.Validation("currentPassword", "当前密码不正确。注销账号须输入当前的登录密码确认。");
        await throttle.SucceededAsync(user.Username, address);

        await using var tx = await conn.BeginTransactionAsync();
        // Locks in the order a draft's creation (the drafts lock, then the account's row through its foreign key) and
        // a submission (the claim's row, then the account's row through the outbox's) take them, so deleting beside
        // either waits rather than deadlocks: the erasures' locks first, the account's row last.
        foreach (var erasure in ordered)
            if (await erasure.KeptBecauseAsync(conn, tx, id) is { } reason)
                return Refusal.Conflict("account_has_claims", "账户不能注销", reason);
        if (await conn.ExecuteScalarAsync<Guid?>("SELECT id FROM users WHERE id = @id FOR UPDATE", new { id }, tx) is null)
            return Refusal.Unauthorized("token_revoked", "账户已不存在，请重新登录。");
        var counts = new List<string>();
        foreach (var erasure in ordered)
            if (await erasure.EraseAsync(conn, tx, id) is { } count) counts.Add(count);
        // Its sessions go with it (ON DELETE CASCADE).
        await conn.ExecuteAsync("DELETE FROM users WHERE id = @id", new { id }, tx);
        await tx.CommitAsync();
        await throttle.ClearAsync(user.Username);
        await security.RecordAsync(SecurityAct.AccountDeleted, id.ToString(), counts.Count == 0 ? null : string.Join("; ", counts), Actor.Deleted(id));
        return null;
    }
}
