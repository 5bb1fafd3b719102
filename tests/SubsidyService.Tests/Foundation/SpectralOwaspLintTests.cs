using System.Diagnostics;
using FluentAssertions;
using SubsidyService.Tests.Infrastructure;
using Xunit.Abstractions;

namespace SubsidyService.Tests.Foundation;

/// <summary>
/// The OpenAPI document declares the API's own limits: Spectral with the OWASP API Security Top 10 (2023) ruleset
/// (the repository's .spectral.yaml) finds no error in it: every input bounded, every answer with its rate-limit
/// headers. ./test.sh installs Spectral and the ruleset under .tools/spectral. Warnings are allowed.
/// </summary>
public sealed class SpectralOwaspLintTests(AppFixture fixture, ITestOutputHelper output) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Spectral_with_the_owasp_ruleset_finds_no_error_in_the_document()
    {
        var root = TestMachine.RepositoryRoot();
        var spectral = Path.Combine(root, ".tools", "spectral", "node_modules", ".bin", "spectral");
        File.Exists(spectral).Should().BeTrue($"the linter is installed at {spectral} (./test.sh installs it)");
        var document = await fixture.App.CreateClient().GetStringAsync("/openapi/v1.json");
        var dir = Directory.CreateTempSubdirectory("subsidy-openapi-");
        try
        {
            var file = Path.Combine(dir.FullName, "openapi.json");
            await File.WriteAllTextAsync(file, document);
            var (exitCode, report) = await RunAsync(spectral, root,
                "lint", file, "--ruleset", Path.Combine(root, ".spectral.yaml"), "--fail-severity", "error", "--format", "text");
            // The warnings that remain, counted by rule, for whoever reads the test's output.
            output.WriteLine(string.Join("\n", report.Split('\n')
                .Select(l => System.Text.RegularExpressions.Regex.Match(l, @"\s(warning|information|hint)\s+(\S+)"))
                .Where(m => m.Success).GroupBy(m => $"{m.Groups[1].Value} {m.Groups[2].Value}")
                .OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count(),5} {g.Key}")));
            exitCode.Should().Be(0, "Spectral reported errors:\n" + report);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
