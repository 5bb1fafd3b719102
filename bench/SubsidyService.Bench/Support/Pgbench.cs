using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace SubsidyService.Bench;

/// <summary>
/// PostgreSQL's own pgbench (Debian's server package) running a script against the service's cluster: the reference
/// for what the same SQL costs with no service in between. Each script run is one "transaction" to pgbench (it may
/// hold several SQL transactions); its latency log gives one sample per run.
/// </summary>
public static class Pgbench
{
    public sealed record Result(int Runs, TimeSpan Duration, double PerSecond, Statistics Latency, int Failed);

    public static string? Find()
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        foreach (var dir in versions.OrderDescending())
            if (File.Exists(Path.Combine(dir, "bin", "pgbench"))) return Path.Combine(dir, "bin", "pgbench");
        return null;
    }

    /// <param name="seconds">How long the clients run the script (after connecting).</param>
    /// <param name="queryMode">
    /// extended: parameters apart from the text, as Npgsql sends them; simple: each command (a compound of
    /// statements joined by <c>\;</c> among them) as one Query message, which the extended protocol does not allow.
    /// </param>
    public static async Task<Result> RunAsync(string connectionString, string script, int clients, int seconds, string queryMode = "extended")
    {
        var pgbench = Find() ?? throw new InvalidOperationException("pgbench not found under /usr/lib/postgresql/*/bin (Debian's postgresql package)");
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var work = Directory.CreateTempSubdirectory("subsidy-pgbench-");
        try
        {
            var psi = new ProcessStartInfo(pgbench)
            {
                WorkingDirectory = work.FullName,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            // -n: no vacuum of pgbench's own tables (there are none); -M: the query mode.
            foreach (var a in new[] { "-n", "-M", queryMode, "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
                         "-T", seconds.ToString(CultureInfo.InvariantCulture), "-l", "--log-prefix", "run", "-f", script,
                         "-h", cs.Host!, "-p", cs.Port.ToString(CultureInfo.InvariantCulture), "-U", cs.Username!, cs.Database! })
                psi.ArgumentList.Add(a);
            psi.Environment["PGPASSWORD"] = cs.Password;
            psi.Environment["PGCLIENTENCODING"] = "UTF8";
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var output = await stdout + await stderr;
            if (process.ExitCode != 0) throw new InvalidOperationException($"pgbench exited with {process.ExitCode}:\n{output}");

            // Log lines: client_id transaction_no time_us script_no time_epoch time_us_part; a failed run is logged as "failed".
            var samples = new List<double>();
            var failed = 0;
            foreach (var file in work.GetFiles("run*"))
                foreach (var line in File.ReadLines(file.FullName))
                {
                    var f = line.Split(' ');
                    if (f.Length >= 3 && double.TryParse(f[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var us)) samples.Add(us);
                    else failed++;
                }
            var tps = Line(output, "tps = ") is { } t ? double.Parse(t.Split(' ')[0], CultureInfo.InvariantCulture) : samples.Count / (double)seconds;
            return new Result(samples.Count, TimeSpan.FromSeconds(seconds), tps, Statistics.Of(samples), failed);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static string? Line(string output, string prefix) =>
        output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal))?[prefix.Length..];
}
