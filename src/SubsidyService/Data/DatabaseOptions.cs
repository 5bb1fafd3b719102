namespace SubsidyService.Data;

public sealed class DatabaseOptions
{
    /// <summary>ConnectionStrings:Subsidy; when empty the service runs its own embedded PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// ConnectionStrings:SubsidyMigrations: the schema owner, used only to migrate (at start-up when
    /// <see cref="MigrateOnStart"/>, else by the <c>migrate</c> command).
    /// </summary>
    public string? MigrationsConnectionString { get; set; }

    /// <summary>
    /// ConnectionStrings:SubsidyDirect: the service's role straight to PostgreSQL, for the one thing that needs a
    /// session of its own (the LISTEN for policy changes) when <see cref="ConnectionString"/> goes through a pooler.
    /// Unset: the listener uses <see cref="ConnectionString"/>.
    /// </summary>
    public string? DirectConnectionString { get; set; }

    /// <summary>
    /// Database:Pooler=pgbouncer: <see cref="ConnectionString"/> reaches PostgreSQL through PgBouncer in transaction
    /// mode, so its pools keep no session state (no reset on close, no prepared statements, no search_path sent).
    /// </summary>
    public bool BehindPgBouncer { get; set; }

    /// <summary>Where the embedded cluster lives (Embedded:DataDirectory), relative to the working directory.</summary>
    public string DataDirectory { get; set; } = ".data";

    /// <summary>
    /// Database:MigrateOnStart. Unset: true in embedded mode and when the owner's string is given, false when the
    /// node has only the service's string (it then checks that the schema is current and refuses if not).
    /// </summary>
    public bool? MigrateOnStart { get; set; }

    /// <summary>Database:AllowPrivilegedRole: let the service's own connection be a superuser or the owner (development only).</summary>
    public bool AllowPrivilegedRole { get; set; }

    /// <summary>The host runs as Production: no demo accounts, and no embedded cluster unless Embedded:AllowInProduction.</summary>
    public bool InProduction { get; set; }

    public const string EmbeddedDatabaseName = "subsidy";
}
