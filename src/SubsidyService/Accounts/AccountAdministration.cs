using System.Security.Cryptography;
using Dapper;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using SubsidyService.Kernel;

namespace SubsidyService.Accounts;

/// <summary>
/// What an administrator does to an account: disable and enable it, reset its password, change its role. Every act
/// renews the account's stamp, so its tokens and cookies fail at their next request, and is a security event.
/// An administrator never acts on their own account here, and the service always keeps an enabled administrator.
/// </summary>
public sealed class AccountAdministration(NpgsqlDataSource db, ISecurityEvents security, TimeProvider clock)
{
    private static readonly PasswordHasher<User> Hasher = new();

    // No 0/O, 1/l/I: the administrator reads it out or writes it down for its owner.
    private const string PasswordAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    public const int OneTimePasswordLength = 14;

    public Task<Refusal?> DisableAsync(Actor admin, Guid id) => ChangeAsync(admin, id, "停用", async (conn, tx, user) =>
    {
        if (user.DisabledAt is not null) return null;
        if (user.Role == Roles.Admin && await OtherEnabledAdminsAsync(conn, tx, id) == 0)
            return LastAdmin;
        await conn.ExecuteAsync("UPDATE users SET disabled_at = @now, security_stamp = gen_random_uuid() WHERE id = @id",
            new { id, now = clock.GetUtcNow().UtcDateTime }, tx);
        return null;
    }, SecurityAct.AccountDisabled, _ => null);

    public Task<Refusal?> EnableAsync(Actor admin, Guid id) => ChangeAsync(admin, id, "启用", async (conn, tx, user) =>
    {
        await conn.ExecuteAsync("UPDATE users SET disabled_at = NULL, security_stamp = gen_random_uuid() WHERE id = @id", new { id }, tx);
        return null;
    }, SecurityAct.AccountEnabled, _ => null);

    /// <summary>A staff account moves between the staff roles; an applicant's account stays an applicant's (its claims are its own).</summary>
    public Task<Refusal?> ChangeRoleAsync(Actor admin, Guid id, string? role) => ChangeAsync(admin, id, "变更角色", async (conn, tx, user) =>
    {
        if (role is null || !Roles.Staff.Contains(role))
            return Refusal.Validation("role", "请选择工作人员角色（审核员、财务审批、审计或系统管理员）。");
        if (user.Role == Roles.Applicant)
            return Refusal.Validation("role", "申请人账户不能改为工作人员账户；请为工作人员另开账户。");
        if (user.Role == role) return Refusal.Validation("role", $"该账户已是{Roles.DisplayName(role)}。");
        if (user.Role == Roles.Admin && user.DisabledAt is null && await OtherEnabledAdminsAsync(conn, tx, id) == 0)
            return LastAdmin;
        await conn.ExecuteAsync("UPDATE users SET role = @role, security_stamp = gen_random_uuid() WHERE id = @id", new { id, role }, tx);
        return null;
    }, SecurityAct.RoleChanged, user => $"{Roles.DisplayName(user.Role)} → {Roles.DisplayName(role!)}");

    /// <summary>Sets a one-time password, returned once for the administrator to hand over; its owner must replace it at sign-in.</summary>
    public async Task<Outcome<string>> ResetPasswordAsync(Actor admin, Guid id)
    {
        var password = OneTimePassword();
        var refused = await ChangeAsync(admin, id, "重置密码", async (conn, tx, user) =>
        {
            await conn.ExecuteAsync("""
                UPDATE users SET password_hash = @hash, must_change_password = true, security_stamp = gen_random_uuid() WHERE id = @id
                """, new { id, hash = Hasher.HashPassword(user, password) }, tx);
            return null;
        }, SecurityAct.PasswordReset, _ => null);
        return refused is null ? password : refused;
    }

    private static Refusal LastAdmin => new(StatusCodes.Status409Conflict, "last_admin", "须保留管理员",
        "这是唯一在用的系统管理员账户，不能停用或改为其他角色；请先开设或启用另一个管理员账户。");

    /// <summary>
    /// Runs one act in a transaction that first locks every administrator's row, so two administrators acting on each
    /// other at once cannot leave the service with none.
    /// </summary>
    private async Task<Refusal?> ChangeAsync(Actor admin, Guid id, string what,
        Func<NpgsqlConnection, NpgsqlTransaction, User, Task<Refusal?>> act, SecurityAct securityAct, Func<User, string?> detail)
    {
        if (admin.Id == id)
            return new Refusal(StatusCodes.Status409Conflict, "own_account", "不能操作自己的账户",
                $"不能{what}自己的账户；请由另一名系统管理员办理。修改自己的密码请使用“修改密码”。");
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await conn.ExecuteAsync("SELECT id FROM users WHERE role = 'admin' ORDER BY id FOR UPDATE", transaction: tx);
        var user = await conn.QuerySingleOrDefaultAsync<User>("SELECT * FROM users WHERE id = @id FOR UPDATE", new { id }, tx);
        if (user is null) return Refusal.NotFound("该账户");
        var refused = await act(conn, tx, user);
        if (refused is not null) return refused;
        await tx.CommitAsync();
        await security.RecordAsync(securityAct, id.ToString(), detail(user));
        return null;
    }

    private static Task<long> OtherEnabledAdminsAsync(NpgsqlConnection conn, NpgsqlTransaction tx, Guid id) =>
        conn.ExecuteScalarAsync<long>("SELECT count(*) FROM users WHERE role = 'admin' AND disabled_at IS NULL AND id <> @id", new { id }, tx);

    private static string OneTimePassword() =>
        string.Create(OneTimePasswordLength, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = PasswordAlphabet[RandomNumberGenerator.GetInt32(PasswordAlphabet.Length)];
        });
}
