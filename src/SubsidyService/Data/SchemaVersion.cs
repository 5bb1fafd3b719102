using SubsidyService.Kernel;
using Npgsql;

namespace SubsidyService.Data;

/// <summary>
/// What a node that does not migrate checks instead: every migration it carries is applied. A database ahead of
/// the node (a newer version migrated it during a rolling upgrade) is served, since migrations only add.
/// </summary>
public static class SchemaVersion
{
    public static async Task EnsureCurrentAsync(string connectionString, IReadOnlyList<Migration> migrations, CancellationToken ct = default)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct);
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('public.schema_migrations') IS NOT NULL", conn))
        {
            if ((bool)(await exists.ExecuteScalarAsync(ct))!)
            {
                await using var cmd = new NpgsqlCommand("SELECT name FROM public.schema_migrations", conn);
                await using var reader = await cmd.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct)) applied.Add(reader.GetString(0));
            }
        }
        var missing = migrations.Where(m => !applied.Contains(m.Name)).Select(m => m.Name).ToList();
        if (missing.Count > 0)
            throw new StartupFailure(
                $"The database schema is behind this version ({missing.Count} migration(s) not applied, first {missing[0]}): " +
                "run 'dotnet SubsidyService.dll migrate' with the owner's ConnectionStrings__SubsidyMigrations, then start the service again.");
    }
}
