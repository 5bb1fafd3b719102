using SubsidyService.Domain.Kernel;
using Microsoft.AspNetCore.Identity;
using SubsidyService.Kernel;

namespace SubsidyService.Accounts;

public enum LoginOutcome { Success, InvalidCredentials, Throttled, Disabled }

public sealed record LoginResult(LoginOutcome Outcome, User? User, TimeSpan? RetryAfter = null);

public sealed class AccountService(UserStore users, LoginThrottle throttle, ISecurityEvents security, TimeProvider clock)
{
    private static readonly PasswordHasher<User> Hasher = new();
    // Verifying against this when the user does not exist keeps the answer time the same either way.
    private static readonly string DummyHash = Hasher.HashPassword(new User(), "not-a-real-password-0");

    /// <param name="enforcePasswordStrength">false only for the published demo accounts, whose password API.md fixes.</param>
    /// <param name="privacyNoticeVersion">The personal-information notice the applicant agreed to, recorded with the time; null when none was shown.</param>
    public async Task<Outcome<User>> CreateAsync(string? username, string? password, string? email, string? displayName, string role,
        bool enforcePasswordStrength = true, string? privacyNoticeVersion = null)
    {
        var errors = AccountRules.Check(username, password, email, displayName, enforcePasswordStrength);
        if (!Roles.All.Contains(role)) errors["role"] = [ChoiceError.Message("角色", role, Roles.All) + "。"];
        if (errors.Count > 0) return Refusal.Validation(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new User
        {
            Id = Guid.NewGuid(),
            Username = username!.Trim(),
            Email = email!.Trim(),
            DisplayName = displayName!.Trim(),
            Role = role,
            CreatedAt = now,
            PrivacyNoticeVersion = privacyNoticeVersion,
            PrivacyConsentedAt = privacyNoticeVersion is null ? null : now,
            // Stored with the row: registration signs the new applicant in at once, and the stamp check compares
            // the cookie's stamp with the row's on the very next request.
            SecurityStamp = Guid.NewGuid(),
        };
        user = WithHash(user, password!);
        if (!await users.TryCreateAsync(user))
            return Refusal.Validation("username", "该用户名已被使用，请换一个。");
        await security.RecordAsync(SecurityAct.AccountCreated, user.Id.ToString(),
            $"角色 {role}" + (privacyNoticeVersion is null ? "" : $"；同意个人信息处理告知 {privacyNoticeVersion}"));
        return user;
    }

    /// <summary>
    /// Checks a sign-in. An unknown account and a wrong password take the same steps (the throttle keyed by the
    /// name as typed, one hash check) and get the same answer; a disabled account says so only to the right password.
    /// </summary>
    /// <param name="address">The client address (after trusted forwarded headers), which the throttle counts against.</param>
    public async Task<LoginResult> LoginAsync(string username, string password, string address)
    {
        if (await throttle.TryTakeAsync(username, address) is { } wait)
        {
            await security.RecordAsync(SecurityAct.SignInThrottled, TypedName(username));
            return new LoginResult(LoginOutcome.Throttled, null, wait);
        }
        var user = await users.FindByUsernameAsync(username);
        var verdict = Hasher.VerifyHashedPassword(user ?? new User(), user?.PasswordHash ?? DummyHash, password);
        if (user is null || verdict == PasswordVerificationResult.Failed)
        {
            await security.RecordAsync(SecurityAct.SignInFailed, user?.Id.ToString() ?? TypedName(username));
            return new LoginResult(LoginOutcome.InvalidCredentials, null);
        }
        await throttle.SucceededAsync(username, address);
        if (user.DisabledAt is not null)
        {
            await security.RecordAsync(SecurityAct.SignInDisabled, user.Id.ToString(), actor: user.AsActor());
            return new LoginResult(LoginOutcome.Disabled, null);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            await users.SetPasswordHashAsync(user.Id, Hasher.HashPassword(user, password));
        await security.RecordAsync(SecurityAct.SignIn, user.Id.ToString(), actor: user.AsActor());
        return new LoginResult(LoginOutcome.Success, user);
    }

    /// <summary>Checks the current password and sets a new one; every earlier token and cookie stops working. Null when done.</summary>
    public async Task<Refusal?> ChangePasswordAsync(Guid id, string? currentPassword, string? newPassword)
    {
        var user = await users.FindAsync(id);
        if (user is null) return Refusal.Validation("currentPassword", "账户不存在。");
        if (string.IsNullOrEmpty(currentPassword) ||
            Hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
            return Refusal.Validation("currentPassword", "当前密码不正确。");
        var errors = AccountRules.Check(user.Username, newPassword, user.Email, user.DisplayName, enforcePasswordStrength: true);
        if (errors.TryGetValue("password", out var weak)) return Refusal.Validation(new Dictionary<string, string[]> { ["newPassword"] = weak });
        await users.ChangePasswordAsync(id, Hasher.HashPassword(user, newPassword!));
        await security.RecordAsync(SecurityAct.PasswordChanged, id.ToString(), actor: user.AsActor());
        return null;
    }

    // A name typed at a failed sign-in may be anything, even someone's identity number: the log keeps a fingerprint.
    private string TypedName(string username) => "用户名指纹 " + security.Fingerprint(username.Trim());

    private static User WithHash(User u, string password) => new()
    {
        Id = u.Id, Username = u.Username, Email = u.Email, DisplayName = u.DisplayName, Role = u.Role,
        CreatedAt = u.CreatedAt, PasswordHash = Hasher.HashPassword(u, password), SecurityStamp = u.SecurityStamp,
        PrivacyNoticeVersion = u.PrivacyNoticeVersion, PrivacyConsentedAt = u.PrivacyConsentedAt,
    };
}
