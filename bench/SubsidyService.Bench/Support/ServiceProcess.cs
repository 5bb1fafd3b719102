using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SubsidyService.Bench;

/// <summary>
/// The built service (Release output of src/SubsidyService) started as its own process on a free loopback
/// port, with an embedded PostgreSQL in a fresh directory under /tmp/subsidy-bench and the demo accounts;
/// stopped with SIGTERM, and its directory removed. The scenario may reach the embedded cluster as its superuser
/// (the port from postmaster.pid, the password from superuser.password beside the cluster) to seed rows and run a
/// reference against the same server.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    public const string DataRoot = "/tmp/subsidy-bench";
    private const int KeptOutputLines = 200;
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan StopLimit = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly Queue<string> _output = new();
    public Uri BaseUrl { get; }
    public int ProcessId => _process.Id;

    /// <summary>Every line the service writes, as it comes (the scenario may read its own timings from the log).</summary>
    public event Action<string>? Line;

    /// <summary>The embedded PostgreSQL's directory (its superuser password is kept there).</summary>
    public string DataDirectory => _dataDirectory;

    private ServiceProcess(Process process, Uri baseUrl, string dataDirectory)
    {
        _process = process;
        BaseUrl = baseUrl;
        _dataDirectory = dataDirectory;
    }

    public static async Task<ServiceProcess> StartAsync(string repositoryRoot, IReadOnlyDictionary<string, string> settings)
    {
        var project = Path.Combine(repositoryRoot, "src", "SubsidyService");
        var dll = Path.Combine(project, "bin", "Release", "net10.0", "SubsidyService.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("build src/SubsidyService in Release first (bench/run.sh does)", dll);

        var data = Path.Combine(DataRoot, $"{DateTime.UtcNow:yyyyMMddTHHmmssZ}-{Guid.NewGuid().ToString("N")[..8]}");
        var url = new Uri($"http://127.0.0.1:{FreeLoopbackPort()}");
        var environment = new Dictionary<string, string>(settings)
        {
            ["ASPNETCORE_URLS"] = url.ToString(),
            ["Embedded__DataDirectory"] = data,
            ["Demo__Seed"] = "true",
            ["RateLimits__SignInPerMinute"] = "100000",
            ["RateLimits__EstimatePerMinute"] = "100000000",
            // The bench registers thousands of applicants from one address; the daily allowance per address is for the public.
            ["RateLimits__RegistrationsPerAddressPerDay"] = "100000000",
            // The bench drives the API from one address as thousands of users; the per-caller quota is for the public.
            ["RateLimits__ApiPerMinute"] = "100000000",
        };
        // The project folder holds wwwroot and appsettings.json; the build output does not.
        var psi = new ProcessStartInfo("dotnet", [dll, $"--contentRoot={project}"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment.Remove("ConnectionStrings__Subsidy");
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Demo"; // the embedded cluster is refused in Production
        foreach (var (key, value) in environment)
            psi.Environment[key] = value;

        var service = new ServiceProcess(Process.Start(psi)!, url, data);
        service._process.OutputDataReceived += (_, e) => service.Keep(e.Data);
        service._process.ErrorDataReceived += (_, e) => service.Keep(e.Data);
        service._process.BeginOutputReadLine();
        service._process.BeginErrorReadLine();
        try
        {
            await service.WaitUntilHealthyAsync();
        }
        catch
        {
            await service.DisposeAsync();
            throw;
        }
        return service;
    }

    /// <summary>The service logs every request; only the last lines are kept, for a failure message.</summary>
    private void Keep(string? line)
    {
        if (line is null) return;
        Line?.Invoke(line);
        lock (_output)
        {
            _output.Enqueue(line);
            if (_output.Count > KeptOutputLines) _output.Dequeue();
        }
    }

    public string LastOutput(int lines)
    {
        lock (_output) return string.Join('\n', _output.TakeLast(lines));
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < StartLimit && !_process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new InvalidOperationException("the service did not become healthy:\n" + LastOutput(40));
    }

    /// <summary>A superuser connection string to the service's embedded database, <c>subsidy</c>.</summary>
    public string SuperuserConnectionString()
    {
        var cluster = Path.Combine(_dataDirectory, "pg");
        var pid = File.ReadAllLines(Path.Combine(cluster, "postmaster.pid"));
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = int.Parse(pid[3]),
            Username = "postgres",
            Password = File.ReadAllText(Path.Combine(_dataDirectory, "superuser.password")).Trim(),
            Database = "subsidy",
            CommandTimeout = 600,
            Pooling = false,
        }.ConnectionString;
    }

    public async Task<NpgsqlConnection> OpenSuperuserAsync()
    {
        var conn = new NpgsqlConnection(SuperuserConnectionString());
        await conn.OpenAsync();
        return conn;
    }

    /// <summary>The service's resident set size now, in bytes (its own process only; PostgreSQL's are separate).</summary>
    public long ResidentBytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        }
        catch (IOException) { return 0; }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await term.WaitForExitAsync();
            using var cts = new CancellationTokenSource(StopLimit);
            try { await _process.WaitForExitAsync(cts.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
