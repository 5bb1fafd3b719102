using SubsidyService.Kernel;
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
/// under an advisory lock so that nodes starting together migrate once; then installs the library schemas
/// (<see cref="ISchemaPart"/>) and grants the service's role its rows. Run as the schema's owner, at start-up
/// or by the <c>migrate</c> command.
/// </summary>
public sealed class Migrator(ILogger<Migrator> logger, IEnumerable<ISchemaPart>? parts = null)
{
    private readonly IReadOnlyList<ISchemaPart> _parts = parts?.ToList() ?? [];

    /// <summary>Where the service's role looks for unqualified names: never a schema of its own ("$user").</summary>
    public const string SearchPath = "public, hangfire";

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
                CREATE TABLE IF NOT EXISTS public.schema_migrations (
                    name text PRIMARY KEY,
                    checksum text NOT NULL,
                    applied_at timestamptz NOT NULL DEFAULT now())
                """, ct);
            var applied = new Dictionary<string, string>();
            await using (var cmd = new NpgsqlCommand("SELECT name, checksum FROM public.schema_migrations", conn))
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
                await Exec(conn, tx, "INSERT INTO public.schema_migrations (name, checksum) VALUES ($1, $2)", ct, m.Name, m.Checksum);
                await tx.CommitAsync(ct);
                logger.LogInformation("Applied migration {Name}", m.Name);
                count++;
            }
            foreach (var part in _parts)
            {
                await EnsureOwnedAsync(conn, part.Schema, ct);
                part.Install(conn);
            }
            if (runtimeRole is not null) await GrantAsync(conn, runtimeRole, _parts.Select(p => p.Schema), ct);
            return count;
        }
    }

    /// <summary>
    /// An earlier version let the service's role create Hangfire's schema, so that role owns it and the owner
    /// cannot upgrade it. Only a superuser can hand it over; the message says how.
    /// </summary>
    private static async Task EnsureOwnedAsync(NpgsqlConnection conn, string schema, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = $1 AND NOT pg_has_role(current_user, nspowner, 'MEMBER')", conn);
        cmd.Parameters.AddWithValue(schema);
        if (await cmd.ExecuteScalarAsync(ct) is string other)
            throw new Kernel.StartupFailure(
                $"Schema {schema} belongs to role '{other}', not to the one migrating: as a superuser, run " +
                $"REASSIGN OWNED BY {other} TO {conn.UserName} in database {conn.Database}, then migrate again.");
    }

    /// <summary>
    /// Rows only: read and write every table, except that a table guarded by an <c>…_append_only</c> trigger
    /// may only be read and added to. Not the owner, and no CREATE on the database or any schema (nor temporary
    /// tables, which come first in every search path): the role can neither switch a trigger off nor make a
    /// table that an unqualified name would find before the real one.
    /// </summary>
    private static async Task GrantAsync(NpgsqlConnection conn, string role, IEnumerable<string> schemas, CancellationToken ct)
    {
        var r = "\"" + role.Replace("\"", "\"\"") + "\"";
        var f = r.Replace("%", "%%");
        var libraries = string.Join("\n", schemas.Select(schema => $$"""
                REVOKE CREATE ON SCHEMA {{schema}} FROM PUBLIC, {{r}};
                GRANT USAGE ON SCHEMA {{schema}} TO {{r}};
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {{schema}} TO {{r}};
                GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA {{schema}} TO {{r}};
            """));
        await using var tx = await conn.BeginTransactionAsync(ct);
        await Exec(conn, tx, $$"""
            DO $$
            DECLARE t record;
            BEGIN
                IF current_user = {{Literal(role)}} THEN RETURN; END IF;
                EXECUTE format('REVOKE CREATE, TEMPORARY ON DATABASE %I FROM PUBLIC, {{f}}', current_database());
                EXECUTE format('GRANT CONNECT ON DATABASE %I TO {{f}}', current_database());
                EXECUTE format('ALTER DATABASE %I SET search_path = {{SearchPath}}', current_database());
                -- A cluster older than PostgreSQL 15 lets everyone create in public; its schema may belong to the
                -- superuser, whom only the superuser can overrule (docs/operations.md says to).
                BEGIN
                    REVOKE CREATE ON SCHEMA public FROM PUBLIC;
                EXCEPTION WHEN insufficient_privilege THEN NULL;
                END;
                REVOKE CREATE ON SCHEMA public FROM {{r}};
                GRANT USAGE ON SCHEMA public TO {{r}};
                GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {{r}};
                GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO {{r}};
                REVOKE INSERT, UPDATE, DELETE ON public.schema_migrations FROM {{r}};
                FOR t IN
                    SELECT DISTINCT g.tgrelid::regclass AS name FROM pg_trigger g
                    JOIN pg_proc p ON p.oid = g.tgfoid JOIN pg_class c ON c.oid = g.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE p.proname LIKE '%\_append\_only' AND n.nspname = 'public'
                LOOP
                    EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %s FROM {{f}}', t.name);
                END LOOP;
            {{libraries}}
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
