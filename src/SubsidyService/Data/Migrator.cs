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

    public Task<int> MigrateAsync(string connectionString, IReadOnlyList<Migration> migrations, CancellationToken ct = default)
        => MigrateAsync(connectionString, migrations, null, ct);

    /// <param name="runtimeRole">
    /// The role the service runs as, when it is not the one migrating: after the files, it is granted what
    /// the service needs on every table (those of later migrations too), and no more.
    /// </param>
    public async Task<int> MigrateAsync(string connectionString, IReadOnlyList<Migration> migrations, string? runtimeRole, CancellationToken ct = default)
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
            if (runtimeRole is not null) await GrantAsync(conn, runtimeRole, ct);
            return count;
        }
    }

    /// <summary>
    /// Rows only: read and write every table, except that a table guarded by an <c>…_append_only</c> trigger
    /// may only be read and added to. Not the owner, so no DDL: the role cannot switch a trigger off.
    /// Hangfire creates its tables in schema <c>hangfire</c> at start-up, as this role.
    /// </summary>
    private static async Task GrantAsync(NpgsqlConnection conn, string role, CancellationToken ct)
    {
        var r = "\"" + role.Replace("\"", "\"\"") + "\"";
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Exec(conn, tx, $$"""
            DO $$
            DECLARE t record;
            BEGIN
                IF current_user = {{Literal(role)}} THEN RETURN; END IF;
                EXECUTE format('GRANT CONNECT, CREATE, TEMPORARY ON DATABASE %I TO {{r.Replace("%", "%%")}}', current_database());
                GRANT USAGE ON SCHEMA public TO {{r}};
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {{r}};
                GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {{r}};
                REVOKE INSERT, UPDATE, DELETE ON schema_migrations FROM {{r}};
                FOR t IN
                    SELECT DISTINCT g.tgrelid::regclass AS name FROM pg_trigger g
                    JOIN pg_proc p ON p.oid = g.tgfoid JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE p.proname LIKE '%\_append\_only' AND n.nspname = 'public'
                LOOP
                    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %s FROM {{r.Replace("%", "%%")}}', t.name);
                END LOOP;
                IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'hangfire') THEN
                    GRANT USAGE, CREATE ON SCHEMA hangfire TO {{r}};
                END IF;
            END $$
            """, ct);
        await tx.CommitAsync(ct);
    }

    private static string Literal(string s) => "'" + s.Replace("'", "''") + "'";

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
