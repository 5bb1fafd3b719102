using Npgsql;

namespace SubsidyService.Data;

/// <summary>
/// Tables a library makes with its own installer (Hangfire's), installed by the migration run as the schema's
/// owner, after the SQL files: the service's role creates nothing, so nothing may be left for it to install.
/// </summary>
public interface ISchemaPart
{
    /// <summary>The schema the part lives in; the service's role gets rows-only rights on it.</summary>
    string Schema { get; }

    void Install(NpgsqlConnection owner);
}
