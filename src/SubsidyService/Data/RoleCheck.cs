using SubsidyService.Kernel;
using Npgsql;

namespace SubsidyService.Data;

/// <summary>
/// The service's own connection must be a rows-only role: a superuser or the database's owner could switch the
/// event log's triggers off or shadow its tables. Refused unless Database:AllowPrivilegedRole says otherwise
/// (a throwaway development database with one login).
/// </summary>
public static class RoleCheck
{
    public static async Task EnsureUnprivilegedAsync(string connectionString, bool allowed, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        await using var cmd = new NpgsqlCommand("""
            SELECT current_user,
                   (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),
                   pg_has_role(current_user, d.datdba, 'MEMBER'),
                   has_database_privilege(current_database(), 'CREATE')
            FROM pg_database d WHERE d.datname = current_database()
            """, conn);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (role, superuser, owner, create) = (reader.GetString(0), reader.GetBoolean(1), reader.GetBoolean(2), reader.GetBoolean(3));
        if (allowed || !(superuser || owner || create)) return;
        var what = superuser ? "a superuser" : owner ? "the database's owner" : "allowed to create schemas in the database";
        throw new StartupFailure(
            $"ConnectionStrings:Subsidy signs in as '{role}', which is {what}: give the service its own rows-only role " +
            "(docs/operations.md, Database roles) or set Database:AllowPrivilegedRole=true on a development database.");
    }
}
