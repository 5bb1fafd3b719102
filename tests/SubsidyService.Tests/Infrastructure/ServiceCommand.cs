using System.Diagnostics;

namespace SubsidyService.Tests.Infrastructure;

/// <summary>The service's program run to its end as its own process (a command, or a start that must fail).</summary>
public static class ServiceCommand
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> RunAsync(IEnumerable<string> args, IDictionary<string, string?> environment,
        string? workingDirectory = null, string? dll = null)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Path.GetTempPath(),
        };
        psi.ArgumentList.Add(dll ?? Path.Combine(AppContext.BaseDirectory, "SubsidyService.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        // A development machine's own settings must not leak into the child.
        foreach (var key in psi.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal)).ToList())
            psi.Environment.Remove(key);
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{TestMachine.FreePort()}";
        foreach (var (key, value) in environment) psi.Environment[key.Replace(":", "__")] = value;
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try { await process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("the service did not exit: " + await output + await error);
        }
        return new Result(process.ExitCode, await output, await error);
    }
}
