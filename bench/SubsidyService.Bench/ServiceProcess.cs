using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SubsidyService.Bench;

/// <summary>
/// The built service (Release output of src/SubsidyService) started as its own process on a free loopback
/// port, with an embedded PostgreSQL in a fresh directory under /tmp/subsidy-bench and the demo accounts;
/// stopped with SIGTERM, and its directory removed.
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
        };
        // The project folder holds wwwroot and appsettings.json; the build output does not.
        var psi = new ProcessStartInfo("dotnet", [dll, $"--contentRoot={project}"])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.Environment.Remove("ConnectionStrings__Subsidy");
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
