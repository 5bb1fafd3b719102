namespace SubsidyService.Data;

public sealed class DatabaseOptions
{
    /// <summary>ConnectionStrings:Subsidy; when empty the service runs its own embedded PostgreSQL.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Where the embedded cluster lives (Embedded:DataDirectory), relative to the working directory.</summary>
    public string DataDirectory { get; set; } = ".data";

    public const string EmbeddedDatabaseName = "subsidy";
}
