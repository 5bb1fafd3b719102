using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SubsidyService.BrowserTests;

/// <summary>
/// The service as a person meets it: the built program started as its own process on a free loopback
/// port, with its embedded PostgreSQL and the demo accounts, stopped with SIGTERM like Ctrl-C.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDirectory;
    public Uri BaseUrl { get; }
    public List<string> Output { get; } = [];

    private ServiceProcess(Process process, Uri baseUrl, string dataDirectory)
    {
        _process = process;
        BaseUrl = baseUrl;
        _dataDirectory = dataDirectory;
    }

    public static async Task<ServiceProcess> StartAsync()
    {
        var repo = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(repo, "src", "SubsidyService", "bin", configuration, "net10.0", "SubsidyService.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("build src/SubsidyService first", dll);

        var root = Environment.GetEnvironmentVariable("SUBSIDY_TEST_ROOT") is { Length: > 0 } r ? r : Path.Combine(Path.GetTempPath(), "subsidy-tests", "adhoc");
        var data = Path.Combine(root, "browser-" + Guid.NewGuid().ToString("N")[..8]);
        var url = new Uri($"http://127.0.0.1:{FreePort()}");
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add(dll);
        // The project folder holds wwwroot and appsettings.json; the build output does not.
        psi.ArgumentList.Add($"--contentRoot={Path.Combine(repo, "src", "SubsidyService")}");
        psi.Environment["ASPNETCORE_URLS"] = url.ToString();
        psi.Environment["Embedded__DataDirectory"] = data;
        psi.Environment["Demo__Seed"] = "true";
        // Every test signs in from this one address; the per-address limit is tested in the service's own tests.
        psi.Environment["RateLimits__SignInPerMinute"] = "100000";
        psi.Environment.Remove("ConnectionStrings__Subsidy");

        var process = Process.Start(psi)!;
        var service = new ServiceProcess(process, url, data);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (service.Output) service.Output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (service.Output) service.Output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await service.WaitUntilHealthyAsync();
        return service;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) break;
            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(250);
        }
        throw new InvalidOperationException("the service did not become healthy:\n" + string.Join("\n", Output.TakeLast(40)));
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await term!.WaitForExitAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await _process.WaitForExitAsync(cts.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static string RepositoryRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "SubsidyService.sln"))) return d.FullName;
        throw new InvalidOperationException("SubsidyService.sln not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
