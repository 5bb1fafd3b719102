using Dapper;
using Npgsql;

namespace SubsidyService.Accounts;

/// <summary>
/// Growing delays after sign-in attempts, kept per (account, address), per address and per account, keyed by the
/// username as typed so that an unknown account is treated exactly like a known one. An attempt is taken before
/// the password is checked (so a burst in parallel gains nothing) and given back when it succeeds.
/// </summary>
public sealed class LoginThrottle(NpgsqlDataSource db, TimeProvider clock)
{
    /// <summary>How many tries each row allows before delays start, and the longest delay it can impose.</summary>
    private sealed record Rule(int FreeAttempts, TimeSpan MaxDelay);

    /// <summary>Guessing one account from one address: a few tries, then up to 15 minutes' wait.</summary>
    private static readonly Rule Pair = new(5, TimeSpan.FromMinutes(15));

    /// <summary>One address trying many accounts.</summary>
    private static readonly Rule Address = new(20, TimeSpan.FromMinutes(15));

    /// <summary>
    /// One account tried from many addresses: delays capped at a minute, so strangers elsewhere cannot keep the
    /// owner out for long.
    /// </summary>
    private static readonly Rule Account = new(30, TimeSpan.FromMinutes(1));

    /// <summary>Attempts older than this are forgotten.</summary>
    public static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    /// <summary>Takes an attempt; null when allowed, else how long to wait.</summary>
    public async Task<TimeSpan?> TryTakeAsync(string username, string address)
    {
        var user = username.Trim().ToLowerInvariant();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var keys = new (string User, string Address, Rule Rule)[] { (user, address, Pair), ("", address, Address), (user, "", Account) };
        foreach (var k in keys)
            await conn.ExecuteAsync("""
                INSERT INTO login_throttles (username, address, attempts, last_attempt_at) VALUES (@User, @Address, 0, @now)
                ON CONFLICT DO NOTHING
                """, new { k.User, k.Address, now }, tx);
        // Locked in one order (the primary key's), so concurrent sign-ins cannot deadlock.
        var rows = (await conn.QueryAsync<(string Username, string Address, int Attempts, DateTime LastAttemptAt, DateTime? BlockedUntil)>("""
            SELECT username, address, attempts, last_attempt_at, blocked_until FROM login_throttles
            WHERE (username, address) IN ((@user, @address), ('', @address), (@user, ''))
            ORDER BY username, address FOR UPDATE
            """, new { user, address }, tx)).ToList();
        var wait = rows.Select(r => r.BlockedUntil is { } b && b > now ? b - now : TimeSpan.Zero).Max();
        if (wait > TimeSpan.Zero)
        {
            await tx.CommitAsync();
            return wait;
        }
        foreach (var (u, a, rule) in keys)
        {
            var row = rows.Single(r => r.Username == u && r.Address == a);
            var attempts = now - row.LastAttemptAt > Memory ? 1 : row.Attempts + 1;
            await conn.ExecuteAsync("""
                UPDATE login_throttles SET attempts = @attempts, last_attempt_at = @now, blocked_until = @blockedUntil
                WHERE username = @u AND address = @a
                """, new { u, a, attempts, now, blockedUntil = now + DelayAfter(attempts, rule) }, tx);
        }
        await tx.CommitAsync();
        return null;
    }

    /// <summary>1 s after the last free attempt, doubling with each further one, up to the rule's cap.</summary>
    private static TimeSpan DelayAfter(int attempts, Rule rule) =>
        attempts < rule.FreeAttempts ? TimeSpan.Zero
            : TimeSpan.FromSeconds(Math.Min(rule.MaxDelay.TotalSeconds, Math.Pow(2, Math.Min(30, attempts - rule.FreeAttempts))));

    /// <summary>The password was right: the account's delays end, and the address gets its attempt back.</summary>
    public async Task SucceededAsync(string username, string address)
    {
        var user = username.Trim().ToLowerInvariant();
        await using var conn = await db.OpenConnectionAsync();
        await conn.ExecuteAsync("""
            DELETE FROM login_throttles WHERE username = @user AND address IN (@address, '');
            UPDATE login_throttles SET attempts = greatest(attempts - 1, 0) WHERE username = '' AND address = @address;
            """, new { user, address });
    }

    /// <summary>An administrator clears the account's delays (from every address). False when it had none.</summary>
    public async Task<bool> ClearAsync(string username)
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteAsync("DELETE FROM login_throttles WHERE username = @user", new { user = username.Trim().ToLowerInvariant() }) > 0;
    }

    /// <summary>Rows nobody has tried for a day: forgotten.</summary>
    public async Task<int> PurgeAsync()
    {
        await using var conn = await db.OpenConnectionAsync();
        return await conn.ExecuteAsync("DELETE FROM login_throttles WHERE last_attempt_at < @cutoff",
            new { cutoff = clock.GetUtcNow().UtcDateTime - TimeSpan.FromDays(1) });
    }
}
