using SubsidyService.Kernel;
namespace SubsidyService.Data;

/// <summary>Finds the PostgreSQL server programs: PATH first, then Debian's versioned folders.</summary>
public static class PostgresBinaries
{
    public const string MissingMessage =
        "PostgreSQL is not installed: install the Debian package 'postgresql' (apt-get install postgresql), " +
        "or set ConnectionStrings__Subsidy to use an existing server.";

    /// <summary>
    /// The programs of the major version a cluster was made by (its PG_VERSION file): a newer server cannot open
    /// an older cluster's files, so "the newest installed" is wrong for an existing cluster.
    /// </summary>
    public static string ForCluster(string clusterDirectory)
    {
        var versionFile = Path.Combine(clusterDirectory, "PG_VERSION");
        if (!File.Exists(versionFile)) return FindBinDirectory() ?? throw new Kernel.StartupFailure(MissingMessage);
        var version = File.ReadAllText(versionFile).Trim();
        var debian = Path.Combine("/usr/lib/postgresql", version, "bin");
        if (File.Exists(Path.Combine(debian, "pg_ctl"))) return debian;
        throw new Kernel.StartupFailure(
            $"The embedded cluster in {clusterDirectory} was made by PostgreSQL {version}, whose programs are not installed: " +
            $"apt-get install postgresql-{version} (or upgrade the cluster with pg_upgrade first).");
    }

    public static string? FindBinDirectory()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")))
                return dir;
        }
        const string debianRoot = "/usr/lib/postgresql";
        if (!Directory.Exists(debianRoot)) return null;
        // Highest major version wins: a machine with 15 and 16 side by side uses 16.
        return Directory.GetDirectories(debianRoot)
            .Select(d => (dir: Path.Combine(d, "bin"), version: int.TryParse(Path.GetFileName(d), out var v) ? v : -1))
            .Where(x => File.Exists(Path.Combine(x.dir, "initdb")))
            .OrderByDescending(x => x.version)
            .Select(x => x.dir)
            .FirstOrDefault();
    }
}
