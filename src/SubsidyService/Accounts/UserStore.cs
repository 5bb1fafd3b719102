using Dapper;
using Npgsql;

namespace SubsidyService.Accounts;

public sealed class UserStore(NpgsqlDataSource db)
{
    public const int MaxFailedLogins = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public async Task<User?> FindByUsernameAsync(string username)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QuerySingleOrDefaultAsync<User>(
            "SELECT * FROM users WHERE lower(username) = lower(@username)", new { username });
    }

    public async Task<User?> FindAsync(Guid id)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.QuerySingleOrDefaultAsync<User>("SELECT * FROM users WHERE id = @id", new { id });
    }

    /// <summary>Where to write to a person, read in the caller's transaction (for mail written with the change that causes it).</summary>
    public static Task<Contact?> ContactAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, Guid id) =>
        conn.QuerySingleOrDefaultAsync<Contact>("SELECT id, email, display_name AS displayname FROM users WHERE id = @id", new { id }, tx);

    /// <summary>Everyone of a role, for mail to a whole team (the verifiers' digest, finance's batch reports).</summary>
    public static async Task<IReadOnlyList<Contact>> ContactsInRoleAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string role) =>
        (await conn.QueryAsync<Contact>(
            "SELECT id, email, display_name AS displayname FROM users WHERE role = @role ORDER BY lower(username)", new { role }, tx)).ToList();

    public async Task<IReadOnlyList<User>> ListAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        return (await conn.QueryAsync<User>("SELECT * FROM users ORDER BY role, lower(username)")).ToList();
    }

    /// <returns>false when the username is taken (the unique index decides, so two racing registrations cannot both win).</returns>
    public async Task<bool> TryCreateAsync(User user)
    {
        await using var conn = await db.OpenConnectionAsync();
        try
        {
            await conn.ExecuteAsync("""
                INSERT INTO users (id, username, password_hash, email, display_name, role, failed_logins, created_at)
                VALUES (@Id, @Username, @PasswordHash, @Email, @DisplayName, @Role, 0, @CreatedAt)
                """, user);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    /// <summary>Counts a failed login in one statement; the fifth in a row locks the account.</summary>
    public async Task RecordFailedLoginAsync(Guid id, DateTimeOffset now)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            UPDATE users SET
                locked_until  = CASE WHEN failed_logins + 1 >= @max THEN @lockedUntil ELSE locked_until END,
                failed_logins = CASE WHEN failed_logins + 1 >= @max THEN 0 ELSE failed_logins + 1 END
            WHERE id = @id
            """, new { id, max = MaxFailedLogins, lockedUntil = now + LockoutDuration });
    }

    public async Task RecordSuccessfulLoginAsync(Guid id)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = @id", new { id });
    }

    public async Task SetPasswordHashAsync(Guid id, string hash)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("UPDATE users SET password_hash = @hash WHERE id = @id", new { id, hash });
    }
}
