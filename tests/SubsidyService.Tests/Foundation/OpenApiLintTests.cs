using System.Diagnostics;
using FluentAssertions;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

/// <summary>
/// The OpenAPI document is good enough for clients to generate from: Redocly's linter with its recommended
/// rules finds no error in it. ./test.sh installs the linter under .tools/redocly.
/// </summary>
public sealed class OpenApiLintTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Redocly_lint_with_the_recommended_rules_finds_no_error_in_the_document()
    {
        var redocly = Path.Combine(TestMachine.RepositoryRoot(), ".tools", "redocly", "node_modules", ".bin", "redocly");
        File.Exists(redocly).Should().BeTrue($"the linter is installed at {redocly} (./test.sh installs it)");
        var document = await fixture.App.CreateClient().GetStringAsync("/openapi/v1.json");
        var dir = Directory.CreateTempSubdirectory("subsidy-openapi-");
        try
        {
            var file = Path.Combine(dir.FullName, "openapi.json");
            await File.WriteAllTextAsync(file, document);
            var (exitCode, output) = await RunAsync(redocly, dir.FullName, "lint", file, "--extends", "recommended", "--format", "stylish");
            exitCode.Should().Be(0, "redocly lint reported errors:\n" + output);
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
        // No network from the linter: no telemetry, no update check.
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }
}
