using System.Diagnostics;
using System.Net;

namespace SubsidyService.BrowserTests;

/// <summary>
/// The service as a person meets it: the built program started as its own process on a free loopback
/// port, with its embedded PostgreSQL and the demo accounts, stopped with SIGTERM like Ctrl-C.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    /// <summary>Where the public notice tells people to object (<c>Authority:ObjectionContact</c>).</summary>
    public const string ObjectionContact = "县市场监督管理局知识产权股，电话 0571-12345678";

    private Process _process;
    private readonly string _dataDirectory;
    private readonly IReadOnlyDictionary<string, string> _settings;
    public Uri BaseUrl { get; }
    public List<string> Output { get; } = [];

    private ServiceProcess(Uri baseUrl, string dataDirectory, IReadOnlyDictionary<string, string> settings)
    {
        BaseUrl = baseUrl;
        _dataDirectory = dataDirectory;
        _settings = settings;
        _process = null!;
    }

    /// <summary>This run's folder for servers' data: test.sh's SUBSIDY_TEST_ROOT, else one under the temp folder.</summary>
    public static string RunRoot =>
        Environment.GetEnvironmentVariable("SUBSIDY_TEST_ROOT") is { Length: > 0 } r ? r : Path.Combine(Path.GetTempPath(), "subsidy-tests", "adhoc");

    /// <summary>Starts the service; <paramref name="settings"/> are configuration keys in environment form (<c>Smtp__Host</c>).</summary>
    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null, int? port = null)
    {
        var data = Path.Combine(RunRoot, "browser-" + Guid.NewGuid().ToString("N")[..8]);
        var service = new ServiceProcess(new Uri($"http://127.0.0.1:{port ?? TestMachine.FreePort()}"), data, settings ?? new Dictionary<string, string>());
        await service.LaunchAsync(clockShift: null);
        return service;
    }

    /// <summary>
    /// Stops the service as Ctrl-C would and starts it again on the same data and address, its clock (and its
    /// embedded PostgreSQL's, a child process) set <paramref name="clockShift"/> ahead by libfaketime: the
    /// service as it would be met that much later.
    /// </summary>
    public async Task RestartAsync(TimeSpan clockShift)
    {
        await StopAsync();
        await LaunchAsync(clockShift);
    }

    /// <summary>Debian's libfaketime (package <c>faketime</c>, installed by test.sh), the thread-safe build.</summary>
    private const string FakeTimeLibrary = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1";

    private async Task LaunchAsync(TimeSpan? clockShift)
    {
        var repo = TestMachine.RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(repo, "src", "SubsidyService", "bin", configuration, "net10.0", "SubsidyService.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException("build src/SubsidyService first", dll);

        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (clockShift is { } shift)
        {
            // Preloaded into the service and inherited by its PostgreSQL, so both read the same shifted time. A
            // relative offset: the clocks run on from real time plus the shift, at their real pace. (Leaving the
            // monotonic clock unshifted, FAKETIME_DONT_FAKE_MONOTONIC, makes PostgreSQL's waits hang.)
            psi.Environment["LD_PRELOAD"] = FakeTimeLibrary;
            psi.Environment["FAKETIME"] = $"+{(long)shift.TotalSeconds}s";
        }
        psi.ArgumentList.Add(dll);
        // The project folder holds wwwroot and appsettings.json; the build output does not.
        psi.ArgumentList.Add($"--contentRoot={Path.Combine(repo, "src", "SubsidyService")}");
        psi.Environment["ASPNETCORE_URLS"] = BaseUrl.ToString();
        psi.Environment["Embedded__DataDirectory"] = _dataDirectory;
        psi.Environment["Demo__Seed"] = "true";
        // Where the public notice tells people to object; the journey files one as someone who read it would.
        psi.Environment["Authority__ObjectionContact"] = ObjectionContact;
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Demo"; // embedded and demo accounts: refused in Production
        // Every test signs in from this one address; the per-address limit is tested in the service's own tests.
        psi.Environment["RateLimits__SignInPerMinute"] = "100000";
        psi.Environment["RateLimits__ApiPerMinute"] = "100000";
        // The page tour uploads every required document to several claims of one applicant within a minute.
        psi.Environment["Uploads__PerMinute"] = "100000";
        // The journey restarts its node weeks later (faketime): a weekday batch would then misfire at once and race the
        // notice sweep for the claim the journey pays by hand. Never (31 February); a test may set its own.
        psi.Environment["Payouts__Cron"] = "0 0 31 2 *";
        psi.Environment.Remove("ConnectionStrings__Subsidy");
        foreach (var (key, value) in _settings) psi.Environment[key] = value;

        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (Output) Output.Add(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (Output) Output.Add(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilHealthyAsync();
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

    private async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()])) await term!.WaitForExitAsync();
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try { await _process.WaitForExitAsync(cts.Token); }
            catch (OperationCanceledException) { _process.Kill(entireProcessTree: true); }
        }
        _process.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null) await StopAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
