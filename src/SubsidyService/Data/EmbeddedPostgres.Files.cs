using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;

namespace SubsidyService.Data;

/// <summary>The embedded cluster's place on disk and on the machine: its directory, its owner lock, its password, its port.</summary>
public sealed partial class EmbeddedPostgres
{
    /// <summary>Where the cluster of a project directory lives (docs/configuration.md names this rule).</summary>
    public static string ResolveClusterDirectory(string dataRoot)
    {
        var preferred = Path.Combine(Path.GetFullPath(dataRoot), "pg");
        if (!Environment.IsPrivilegedProcess || CanServiceUserReach(Path.GetFullPath(dataRoot)))
            return preferred;
        // A checkout under /root (mode 700) is out of the postgres user's reach: keep the cluster in a
        // directory that user owns, one per project path so two checkouts never share data.
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dataRoot))))[..16].ToLowerInvariant();
        return Path.Combine("/var/lib/postgresql/subsidyservice", key, "pg");
    }

    /// <summary>
    /// One service per embedded cluster: the lock is held while the service runs, so a second start on the
    /// same data fails at once instead of taking the first one's database away. (Several nodes need a
    /// shared PostgreSQL and ConnectionStrings__Subsidy.) The OS drops the lock if the process dies.
    /// </summary>
    private static FileStream TakeOwnership(string lockFile)
    {
        try
        {
            return new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new InvalidOperationException(
                $"Another SubsidyService is already running on this embedded database ({lockFile} is locked). " +
                "Stop it first, or give this one its own Embedded__DataDirectory.");
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool CanServiceUserReach(string dir)
    {
        if (OperatingSystem.IsWindows()) return true;
        // Every ancestor must let 'others' search it, else the postgres user cannot enter.
        for (var d = new DirectoryInfo(dir); d is not null; d = d.Parent)
        {
            if (!d.Exists) continue;
            if ((d.UnixFileMode & UnixFileMode.OtherExecute) == 0) return false;
        }
        return true;
    }

    private static async Task ChownAsync(string path, string user, CancellationToken ct)
    {
        var (code, output) = await ProcessRunner.RunAsync(null, "chown", [user + ":", path], TimeSpan.FromSeconds(30), ct);
        if (code != 0) throw new InvalidOperationException($"chown {path} failed: {output}");
    }

    private static async Task<string> ReadOrCreatePasswordAsync(string file)
    {
        if (File.Exists(file)) return (await File.ReadAllTextAsync(file)).Trim();
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        await SecretFile.WriteAsync(file, password);
        return password;
    }
}
