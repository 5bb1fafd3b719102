using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace SubsidyService.Data;

/// <summary>
/// The two roles of an embedded cluster: the owner of the schema, who runs the migrations, and the role the
/// service runs as, which may read and write rows but never change the schema, switch a trigger off, or
/// rewrite the event log. Their passwords are derived from the superuser's, so nothing more is kept on disk.
/// </summary>
public static class DatabaseRoles
{
    public const string Owner = "subsidy_owner";
    public const string Service = "subsidy_service";

    public static string PasswordOf(string superuserPassword, string role) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(superuserPassword), Encoding.UTF8.GetBytes("role:" + role)))[..40]
            .ToLowerInvariant();

    /// <summary>The same server and database as a superuser connection string, signed in as one of the two roles.</summary>
    public static string ConnectionStringAs(string superuserConnectionString, string role)
    {
        var b = new NpgsqlConnectionStringBuilder(superuserConnectionString);
        b.Password = PasswordOf(b.Password ?? "", role);
        b.Username = role;
        return b.ConnectionString;
    }

    /// <summary>Creates both roles when missing and (re)sets their passwords; run as the superuser.</summary>
    public static async Task EnsureAsync(NpgsqlConnection superuser, string superuserPassword, CancellationToken ct = default)
    {
        foreach (var role in new[] { Owner, Service })
        {
            // Role names are constants and passwords hex digits: nothing here comes from outside.
            await using var cmd = new NpgsqlCommand($"""
                DO $$ BEGIN
                    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{role}') THEN
                        CREATE ROLE {role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;
                    END IF;
                END $$;
                ALTER ROLE {role} LOGIN PASSWORD '{PasswordOf(superuserPassword, role)}';
                ALTER ROLE {role} SET search_path = {Migrator.SearchPath}
                """, superuser);
            try
            {
                await cmd.ExecuteNonQueryAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
            {
                // Another process created it between the check and the CREATE: it exists, which is all we need.
            }
        }
    }

    /// <summary>
    /// A database made before the roles existed belongs to the superuser, and so do its tables; Hangfire's schema
    /// was made by the service's role before the owner installed it: hand the database and everything in
    /// schemas public and hangfire to the owner role, so that migrations run as the owner. Sequences owned by a
    /// column follow their table.
    /// </summary>
    public static async Task HandOverAsync(NpgsqlConnection superuserOnDatabase, CancellationToken ct = default)
    {
        await using var cmd = new NpgsqlCommand($$"""
            DO $$
            DECLARE r record;
            BEGIN
                EXECUTE format('ALTER DATABASE %I OWNER TO {{Owner}}', current_database());
                IF EXISTS (SELECT FROM pg_namespace WHERE nspname = 'hangfire' AND nspowner <> '{{Owner}}'::regrole) THEN
                    ALTER SCHEMA hangfire OWNER TO {{Owner}};
                END IF;
                FOR r IN
                    SELECT c.oid::regclass AS name, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    WHERE n.nspname IN ('public', 'hangfire') AND c.relowner <> '{{Owner}}'::regrole AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                      AND NOT (c.relkind = 'S' AND EXISTS (
                          SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i')))
                LOOP
                    EXECUTE format('ALTER %s %s OWNER TO {{Owner}}',
                        CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END, r.name);
                END LOOP;
                FOR r IN
                    SELECT p.oid::regprocedure AS name FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname IN ('public', 'hangfire') AND p.proowner <> '{{Owner}}'::regrole
                LOOP
                    EXECUTE format('ALTER ROUTINE %s OWNER TO {{Owner}}', r.name);
                END LOOP;
                FOR r IN
                    SELECT t.oid::regtype AS name FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                    WHERE n.nspname IN ('public', 'hangfire') AND t.typowner <> '{{Owner}}'::regrole AND t.typtype = 'e'
                LOOP
                    EXECUTE format('ALTER TYPE %s OWNER TO {{Owner}}', r.name);
                END LOOP;
            END $$
            """, superuserOnDatabase);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
