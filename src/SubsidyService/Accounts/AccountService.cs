using Microsoft.AspNetCore.Identity;

namespace SubsidyService.Accounts;

public enum LoginOutcome { Success, InvalidCredentials, LockedOut, Disabled }

public sealed record LoginResult(LoginOutcome Outcome, User? User, DateTimeOffset? LockedUntil = null);

public sealed record CreateUserResult(User? User, Dictionary<string, string[]> Errors)
{
    public bool Succeeded => User is not null;
}

public sealed class AccountService(UserStore users, TimeProvider clock)
{
    private static readonly PasswordHasher<User> Hasher = new();
    // Verifying against this when the user does not exist keeps the answer time the same either way.
    private static readonly string DummyHash = Hasher.HashPassword(new User(), "not-a-real-password-0");

    /// <param name="enforcePasswordStrength">false only for the published demo accounts, whose password API.md fixes.</param>
    public async Task<CreateUserResult> CreateAsync(string? username, string? password, string? email, string? displayName, string role,
        bool enforcePasswordStrength = true)
    {
        var errors = AccountRules.Check(username, password, email, displayName, enforcePasswordStrength);
        if (!Roles.All.Contains(role)) errors["role"] = ["角色须为 " + string.Join("、", Roles.All) + " 之一。"];
        if (errors.Count > 0) return new CreateUserResult(null, errors);

        var user = new User
        {
            Id = Guid.NewGuid(),
            Username = username!.Trim(),
            Email = email!.Trim(),
            DisplayName = displayName!.Trim(),
            Role = role,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            // Stored with the row: registration signs the new applicant in at once, and the stamp check compares
            // the cookie's stamp with the row's on the very next request.
            SecurityStamp = Guid.NewGuid(),
        };
        user = WithHash(user, password!);
        if (!await users.TryCreateAsync(user))
            return new CreateUserResult(null, new() { ["username"] = ["该用户名已被使用，请换一个。"] });
        return new CreateUserResult(user, errors);
    }

    public async Task<LoginResult> LoginAsync(string username, string password)
    {
        var user = await users.FindByUsernameAsync(username);
        var now = clock.GetUtcNow();
        if (user is null)
        {
            Hasher.VerifyHashedPassword(new User(), DummyHash, password);
            return new LoginResult(LoginOutcome.InvalidCredentials, null);
        }
        if (user.DisabledAt is not null)
        {
            Hasher.VerifyHashedPassword(new User(), DummyHash, password);
            return new LoginResult(LoginOutcome.Disabled, null);
        }
        if (!await users.TryTakeLoginAttemptAsync(user.Id, now))
        {
            var locked = await users.FindAsync(user.Id);
            return new LoginResult(LoginOutcome.LockedOut, null,
                locked?.LockedUntil is { } until ? new DateTimeOffset(until, TimeSpan.Zero) : now + UserStore.LockoutDuration);
        }

        var verdict = Hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            await users.RecordFailedLoginAsync(user.Id, now);
            return new LoginResult(LoginOutcome.InvalidCredentials, null);
        }
        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
            await users.SetPasswordHashAsync(user.Id, Hasher.HashPassword(user, password));
        await users.RecordSuccessfulLoginAsync(user.Id);
        return new LoginResult(LoginOutcome.Success, user);
    }

    /// <summary>Checks the current password and sets a new one; every earlier token and cookie stops working.</summary>
    public async Task<Dictionary<string, string[]>> ChangePasswordAsync(Guid id, string? currentPassword, string? newPassword)
    {
        var user = await users.FindAsync(id);
        if (user is null) return new() { ["currentPassword"] = ["账户不存在。"] };
        if (string.IsNullOrEmpty(currentPassword) ||
            Hasher.VerifyHashedPassword(user, user.PasswordHash, currentPassword) == PasswordVerificationResult.Failed)
            return new() { ["currentPassword"] = ["当前密码不正确。"] };
        var errors = AccountRules.Check(user.Username, newPassword, user.Email, user.DisplayName, enforcePasswordStrength: true);
        if (errors.TryGetValue("password", out var weak)) return new() { ["newPassword"] = weak };
        await users.ChangePasswordAsync(id, Hasher.HashPassword(user, newPassword!));
        return [];
    }

    private static User WithHash(User u, string password) => new()
    {
        Id = u.Id, Username = u.Username, Email = u.Email, DisplayName = u.DisplayName, Role = u.Role,
        CreatedAt = u.CreatedAt, PasswordHash = Hasher.HashPassword(u, password),
    };
}
