using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace SubsidyService.Data;

public sealed record Migration(string Name, string Sql)
{
    public string Checksum => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Sql))).ToLowerInvariant();
}

/// <summary>
/// Applies the SQL files embedded under Data/Migrations in name order, each in its own transaction,
/// under an advisory lock so that nodes starting together migrate once.
/// </summary>
public sealed class Migrator(ILogger<Migrator> logger)
{
    public static IReadOnlyList<Migration> Embedded()
    {
        var asm = typeof(Migrator).Assembly;
        return asm.GetManifestResourceNames()
            .Where(n => n.StartsWith("migrations/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new Migration(n["migrations/".Length..], Read(asm, n)))
            .ToList();
    }

    /// <returns>How many files this call applied.</returns>
    public async Task<int> MigrateAsync(string connectionString, CancellationToken ct = default)
        => await MigrateAsync(connectionString, Embedded(), ct);

    public async Task<int> MigrateAsync(string connectionString, IReadOnlyList<Migration> migrations, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using (await AdvisoryLocks.ForSessionAsync(conn, AdvisoryLocks.Migrations, ct))
        {
            await Exec(conn, null, """
                CREATE TABLE IF NOT EXISTS schema_migrations (
                    name text PRIMARY KEY,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, ct);
            var applied = new Dictionary<string, string>();
            await using (var cmd = new NpgsqlCommand("SELECT name, checksum FROM schema_migrations", conn))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
                while (await reader.ReadAsync(ct)) applied[reader.GetString(0)] = reader.GetString(1);

            var count = 0;
            foreach (var m in migrations)
            {
                if (applied.TryGetValue(m.Name, out var checksum))
                {
                    if (checksum != m.Checksum)
                        throw new InvalidOperationException(
                            $"Migration {m.Name} was changed after it was applied (checksum {checksum} in the database, " +
                            $"{m.Checksum} now). Applied migrations must never be edited: add a new file instead.");
                    continue;
                }
                await using var tx = await conn.BeginTransactionAsync(ct);
                await Exec(conn, tx, m.Sql, ct);
                await Exec(conn, tx, "INSERT INTO schema_migrations (name, checksum) VALUES ($1, $2)", ct, m.Name, m.Checksum);
                await tx.CommitAsync(ct);
                logger.LogInformation("Applied migration {Name}", m.Name);
                count++;
            }
            return count;
        }
    }

    private static async Task Exec(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql, CancellationToken ct, params object[] args)
    {
        await using var cmd = new NpgsqlCommand(sql, conn, tx);
        foreach (var a in args) cmd.Parameters.AddWithValue(a);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static string Read(Assembly asm, string name)
    {
        using var stream = asm.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
