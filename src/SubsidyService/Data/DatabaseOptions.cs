namespace SubsidyService.Data;

public sealed class DatabaseOptions
{
    /// <summary>ConnectionStrings:Subsidy; when empty the service runs its own embedded PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// ConnectionStrings:SubsidyMigrations: the schema owner, used only to migrate. Unset: the one string above
    /// is used for both, and the service runs as the owner (which may switch the event log's triggers off).
    /// </summary>
    public string? MigrationsConnectionString { get; set; }

    /// <summary>Where the embedded cluster lives (Embedded:DataDirectory), relative to the working directory.</summary>
    public string DataDirectory { get; set; } = ".data";

    public const string EmbeddedDatabaseName = "subsidy";
}
