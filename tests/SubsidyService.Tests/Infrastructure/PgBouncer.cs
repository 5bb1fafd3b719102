using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SubsidyService.Tests.Infrastructure;

/// <summary>
/// Debian's PgBouncer in transaction mode in front of the test server, as a county would put it before its
/// PostgreSQL: every database of the server under its own name, the users of <paramref name="users"/> signing in
/// with SCRAM and PgBouncer signing in to PostgreSQL as them.
/// </summary>
public sealed class PgBouncer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;
    public int Port { get; }

    private PgBouncer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    /// <param name="server">Any connection string to the server; its host and port are where PgBouncer connects.</param>
    /// <param name="users">Each user's name and password.</param>
    public static async Task<PgBouncer> StartAsync(string server, IReadOnlyDictionary<string, string> users)
    {
        var target = new NpgsqlConnectionStringBuilder(server);
        var folder = Directory.CreateTempSubdirectory("pgbouncer-").FullName;
        var port = TestMachine.FreePort();
        File.WriteAllText(Path.Combine(folder, "userlist.txt"),
            string.Concat(users.Select(u => $"\"{u.Key}\" \"{u.Value}\"\n")));
        File.WriteAllText(Path.Combine(folder, "pgbouncer.ini"), $"""
            [databases]
            * = host={target.Host} port={target.Port}

            [pgbouncer]
            listen_addr = 127.0.0.1
            listen_port = {port}
            unix_socket_dir =
            auth_type = scram-sha-256
            auth_file = {folder}/userlist.txt
            pool_mode = transaction
            default_pool_size = 10
            max_client_conn = 200
            logfile = {folder}/pgbouncer.log
            pidfile = {folder}/pgbouncer.pid
            """);
        // PgBouncer will not run as root: it is told to become the user the test's PostgreSQL already runs as.
        var arguments = new List<string>();
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", "-R", "postgres:", folder);
            arguments.AddRange(["-u", "postgres"]);
        }
        arguments.Add(Path.Combine(folder, "pgbouncer.ini"));
        var process = Process.Start(new ProcessStartInfo("pgbouncer", arguments)
            { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false })!;
        var bouncer = new PgBouncer(process, folder, port);
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (process.HasExited)
                throw new InvalidOperationException("pgbouncer stopped: " + await process.StandardError.ReadToEndAsync() + bouncer.Log());
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return bouncer;
            }
            catch (SocketException) { await Task.Delay(100); }
        }
        throw new InvalidOperationException("pgbouncer did not listen: " + bouncer.Log());
    }

    /// <summary>The same role and database as <paramref name="direct"/>, through PgBouncer.</summary>
    public string Through(string direct) => new NpgsqlConnectionStringBuilder(direct) { Host = "127.0.0.1", Port = Port }.ConnectionString;

    public string Log() => File.Exists(Path.Combine(_folder, "pgbouncer.log")) ? File.ReadAllText(Path.Combine(_folder, "pgbouncer.log")) : "";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private static async Task RunAsync(string file, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        var error = p.StandardError.ReadToEndAsync();
        await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{file} failed: {await error}");
    }
}
