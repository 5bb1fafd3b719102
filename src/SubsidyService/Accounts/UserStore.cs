using Dapper;
using Npgsql;
using SubsidyService.Kernel;

namespace SubsidyService.Accounts;

public sealed class UserStore(NpgsqlDataSource db)
{
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
    /// <summary><see cref="ContactAsync"/> in the caller's batch.</summary>
    public static SqlBatch.Pending<Contact?> Contact(SqlBatch batch, Guid id) =>
        batch.Read("SELECT id, email, display_name AS displayname FROM users WHERE id = @contactUserId", new { contactUserId = id },
            grid => grid.ReadSingleOrDefaultAsync<Contact?>());

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
                INSERT INTO users (id, username, password_hash, email, display_name, role, created_at, security_stamp,
                                   privacy_notice_version, privacy_consented_at)
                VALUES (@Id, @Username, @PasswordHash, @Email, @DisplayName, @Role, @CreatedAt, @SecurityStamp,
                        @PrivacyNoticeVersion, @PrivacyConsentedAt)
                """, user);
            return true;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            return false;
        }
    }

    /// <summary>Every token and cookie issued so far stops working.</summary>
    public async Task RenewStampAsync(Guid id)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("UPDATE users SET security_stamp = gen_random_uuid() WHERE id = @id", new { id });
    }

    /// <returns>false when there is no such user.</returns>
    public async Task<bool> SetDisabledAsync(Guid id, DateTime? disabledAt)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteAsync(
            "UPDATE users SET disabled_at = @disabledAt, security_stamp = gen_random_uuid() WHERE id = @id", new { id, disabledAt }) == 1;
    }

    public async Task SetPasswordHashAsync(Guid id, string hash)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("UPDATE users SET password_hash = @hash WHERE id = @id", new { id, hash });
    }

    /// <summary>A new password ends every session that the old one opened.</summary>
    public async Task ChangePasswordAsync(Guid id, string hash)
    {
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync(
            "UPDATE users SET password_hash = @hash, must_change_password = false, security_stamp = gen_random_uuid() WHERE id = @id", new { id, hash });
    }
}
