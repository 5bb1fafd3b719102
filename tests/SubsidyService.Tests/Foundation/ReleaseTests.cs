using System.Diagnostics;
using System.Net;
using FluentAssertions;
using SubsidyService.Data;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

/// <summary>
/// The release a county installs: scripts/publish.sh's tarball, unpacked, started from / (systemd's working
/// directory) with nothing but an environment file, against a database of its own, answers /readyz.
/// </summary>
public sealed class ReleaseTests
{
    [Fact]
    public async Task The_tarball_unpacks_and_starts_from_the_root_directory_with_an_environment_file()
    {
        var work = Path.Combine(TestPostgres.RunRoot, "release-" + Guid.NewGuid().ToString("N")[..8]);
        var dist = Path.Combine(work, "dist");
        var publish = await RunAsync("bash", [Path.Combine(TestMachine.RepositoryRoot(), "scripts", "publish.sh"), "0.0.0-test", dist], TestMachine.RepositoryRoot());
        publish.Code.Should().Be(0, publish.Output);

        var tarball = Path.Combine(dist, "subsidyservice-0.0.0-test-linux-x64.tar.gz");
        new FileInfo(tarball).Length.Should().BeLessThan(100L * 1024 * 1024);
        (await RunAsync("sha256sum", ["-c", tarball + ".sha256"], dist)).Code.Should().Be(0);
        (await RunAsync("tar", ["-xzf", tarball, "-C", work], work)).Code.Should().Be(0);
        var root = Path.Combine(work, "subsidyservice-0.0.0-test-linux-x64");
        foreach (var file in new[] { "app/SubsidyService.dll", "app/templates", "app/wwwroot/css/site.css", "subsidyservice.service",
                     "nginx-subsidyservice.conf", "subsidyservice.env.example", "appsettings.example.json", "OPERATIONS.md", "SHA256SUMS" })
            Path.Exists(Path.Combine(root, file)).Should().BeTrue(file);
        Directory.Exists(Path.Combine(root, "app", "runtimes")).Should().BeFalse("linux-x64 only: no other systems' natives");
        (await RunAsync("sha256sum", ["--quiet", "-c", "SHA256SUMS"], root)).Code.Should().Be(0);
        var unit = await RunAsync("systemd-analyze", ["verify", Path.Combine(root, "subsidyservice.service")], root);
        if (unit.Code != 127) unit.Code.Should().Be(0, unit.Output);

        // An environment file as the operator writes it from the example; the service reads nothing else.
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        var port = TestMachine.FreePort();
        var env = Path.Combine(work, "subsidyservice.env");
        await File.WriteAllLinesAsync(env,
        [
            "ASPNETCORE_ENVIRONMENT=Production",
            $"ASPNETCORE_URLS=http://127.0.0.1:{port}",
            $"ConnectionStrings__Subsidy={DatabaseRoles.ConnectionStringAs(cs, DatabaseRoles.Service)}",
            "Database__MigrateOnStart=false",
            $"Audit__SealKey={SubsidyApp.SealKey}",
            $"DataProtection__CertificateFile={TestKeyRing.File}",
            $"Letters__SigningCertificateFile={TestLetterSeal.File}",
            "Authority__PublicUrl=https://subsidy.example.gov.cn",
        ]);
        var psi = new ProcessStartInfo("dotnet") { WorkingDirectory = "/", RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(root, "app", "SubsidyService.dll"));
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("ASPNETCORE_", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(key);
        foreach (var line in await File.ReadAllLinesAsync(env))
            psi.Environment[line[..line.IndexOf('=')]] = line[(line.IndexOf('=') + 1)..];

        using var process = Process.Start(psi)!;
        var output = new List<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            var ready = false;
            for (var waited = Stopwatch.StartNew(); !ready && waited.Elapsed < TimeSpan.FromSeconds(120) && !process.HasExited; await Task.Delay(250))
            {
                try { ready = (await http.GetAsync("/readyz")).StatusCode == HttpStatusCode.OK; }
                catch (HttpRequestException) { }
                catch (TaskCanceledException) { }
            }
            string Log() { lock (output) return string.Join("\n", output.TakeLast(40)); }
            ready.Should().BeTrue(Log());
            (await http.GetAsync("/css/site.css")).StatusCode.Should().Be(HttpStatusCode.OK, "the static files are found beside the program");
            (await http.GetStringAsync("/")).Should().Contain("专利");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string file, string[] args, string directory)
    {
        var psi = new ProcessStartInfo(file) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(psi)!;
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            return (p.ExitCode, await stdout + await stderr);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (127, file + " is not installed");
        }
    }
}
