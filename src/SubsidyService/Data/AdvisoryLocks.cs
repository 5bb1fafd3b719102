using Dapper;
using Npgsql;
using SubsidyService.Kernel;

namespace SubsidyService.Data;

/// <summary>
/// Every PostgreSQL advisory lock the service takes, named in one place so that no two uses share a key by
/// accident. All nodes must agree on these values: changing one during a rolling deploy lets old and new
/// nodes run the guarded work at the same time.
/// </summary>
public static class AdvisoryLocks
{
    /// <summary>Schema migrations at start-up (session lock).</summary>
    public const long Migrations = 0x5375_6273_6964_79;

    /// <summary>Creating the first Data Protection key, so nodes starting together share one.</summary>
    public const long KeyRing = 7421;

    /// <summary>
    /// Appending an event that belongs to no claim (imports, exports) to their own small chain. A claim's events
    /// need no such lock: the claim's row lock already orders them.
    /// </summary>
    public const long UnclaimedEventChain = 0x4556_454e_5453;

    /// <summary>Sealing new events into a checkpoint: one sealer at a time, whichever node runs it.</summary>
    public const long CheckpointSeal = 0x5345_414c_4552;

    /// <summary>One applicant's draft creations queue on it, so the draft quota cannot be raced.</summary>
    public static string Drafts(Guid applicantId) => "drafts:" + applicantId.ToString();

    /// <summary>Installing or upgrading Hangfire's schema (session lock), once however many nodes start.</summary>
    public const long JobSchema = 0x4A4F_4253_4348_4D;

    // Text keys, hashed by PostgreSQL with hashtextextended(key, 0).

    /// <summary>Importing a funding register: one import at a time decides which rows are already known.</summary>
    public const string RegisterImport = "funding-register-import";

    /// <summary>Submissions of one case queue on it, so two cannot pass screening unseen by each other.</summary>
    public static string Case(string canonicalCaseNumber) => "case:" + canonicalCaseNumber;

    /// <summary>As <see cref="Case"/>, for one invoice number (its digits).</summary>
    public static string Invoice(string numberDigits) => "invoice:" + numberDigits;

    /// <summary>Waits for the lock until the transaction ends.</summary>
    public static Task ForTransactionAsync(NpgsqlConnection conn, NpgsqlTransaction tx, long key) =>
        conn.ExecuteAsync("SELECT pg_advisory_xact_lock(@key)", new { key }, tx);

    /// <inheritdoc cref="ForTransactionAsync(NpgsqlConnection, NpgsqlTransaction, long)"/>
    public static Task ForTransactionAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string key) =>
        conn.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))", new { key }, tx);

    /// <summary><see cref="ForTransactionAsync(NpgsqlConnection, NpgsqlTransaction, string)"/> in the caller's batch, before the statements it guards.</summary>
    public static void ForTransaction(SqlBatch batch, string key) =>
        batch.Select("SELECT pg_advisory_xact_lock(hashtextextended(@lockKey, 0))", new { lockKey = key });

    /// <summary>Waits for the lock and holds it for the connection's session until the result is disposed.</summary>
    public static async Task<IAsyncDisposable> ForSessionAsync(NpgsqlConnection conn, long key, CancellationToken ct = default)
    {
        await conn.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@key)", new { key }, cancellationToken: ct));
        return new SessionLock(conn, key);
    }

    private sealed class SessionLock(NpgsqlConnection conn, long key) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await conn.ExecuteAsync("SELECT pg_advisory_unlock(@key)", new { key });
    }
}
