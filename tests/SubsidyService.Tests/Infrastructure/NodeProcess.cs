using System.Diagnostics;
using System.Net;
using SubsidyService.Data;

namespace SubsidyService.Tests.Infrastructure;

/// <summary>
/// A service node as its own operating-system process on a test database, so that a test can kill it with
/// SIGKILL: no disposal, no graceful shutdown, its connections and job leases simply gone.
/// </summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _output = [];
    public Uri BaseUrl { get; }
    public int Pid => _process.Id;

    private NodeProcess(Process process, Uri baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public static async Task<NodeProcess> StartAsync(string connectionString, IDictionary<string, string?> settings)
    {
        // The test project references the service, so its program sits beside the tests.
        var dll = Path.Combine(AppContext.BaseDirectory, "SubsidyService.dll");
        var url = new Uri($"http://127.0.0.1:{TestMachine.FreePort()}");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        psi.ArgumentList.Add($"--contentRoot={Path.Combine(TestMachine.RepositoryRoot(), "src", "SubsidyService")}");
        psi.Environment["ASPNETCORE_URLS"] = url.ToString();
        psi.Environment["ConnectionStrings__Subsidy"] = DatabaseRoles.ConnectionStringAs(connectionString, DatabaseRoles.Service);
        psi.Environment["ConnectionStrings__SubsidyMigrations"] = DatabaseRoles.ConnectionStringAs(connectionString, DatabaseRoles.Owner);
        psi.Environment["Audit__SealKey"] = SubsidyApp.SealKey;
        psi.Environment["Demo__Seed"] = "false";
        psi.Environment["RateLimits__SignInPerMinute"] = "100000";
        psi.Environment["RateLimits__ApiPerMinute"] = "100000";
        psi.Environment["DataProtection__CertificateFile"] = TestKeyRing.File;
        psi.Environment["Letters__SigningCertificateFile"] = TestLetterSeal.File;
        foreach (var (key, value) in settings) psi.Environment[key.Replace(":", "__")] = value;

        var process = Process.Start(psi)!;
        var node = new NodeProcess(process, url);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (node._output) node._output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (node._output) node._output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await node.WaitUntilHealthyAsync();
        return node;
    }

    public HttpClient Client(string? bearer = null)
    {
        var client = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(30) };
        if (bearer is not null) client.DefaultRequestHeaders.Authorization = new("Bearer", bearer);
        return client;
    }

    public void Kill() => _process.Kill(entireProcessTree: true);

    public string Tail(int lines = 40)
    {
        lock (_output) return string.Join("\n", _output.TakeLast(lines));
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = Client();
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(120) && !_process.HasExited)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new InvalidOperationException("the node did not become healthy:\n" + Tail());
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
    }
}
