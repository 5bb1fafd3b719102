using FluentAssertions;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

/// <summary>
/// The service started as its own process with one wrong setting: it exits with code 1 and one line naming the
/// key and the form expected, before it has begun anything (no embedded cluster left behind).
/// </summary>
public sealed class FailFastTests
{
    [Theory]
    [InlineData("Payouts:Channel", "bogus", "file、simulated")]
    [InlineData("RateLimits:EstimatePerMinute", "-5", "整数")]
    [InlineData("Calendar:Holidays:0", "2026-13-01", "YYYY-MM-DD")]
    [InlineData("Payouts:Cron", "every night", "cron")]
    [InlineData("Jobs:Schedules:idempotency-cleanup", "61 * * * *", "cron")]
    [InlineData("Jobs:InvisibilityTimeout", "five minutes", "00:05:00")]
    [InlineData("Idempotency:WaitLimit", "-00:00:30", "时间间隔")]
    [InlineData("Payouts:SimulatedFailureRate", "1.5", "0 至 1")]
    [InlineData("Authority:PublicUrl", "subsidy.example", "https://")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "10.0.0.0/8", "IP 地址")]
    [InlineData("Smtp:Port", "70000", "65535")]
    [InlineData("Database:MigrateOnStart", "maybe", "true 或 false")]
    [InlineData("Database:Pooler", "pgpool", "none、pgbouncer")]
    [InlineData("Jobs:MaxPoolSize", "0", "1 至 100")]
    [InlineData("DataProtection:CertificateFile", "/nonexistent/keyring.pfx", "文件")]
    public async Task A_wrong_value_stops_start_up_with_one_line_naming_the_key_and_the_form(string key, string value, string expected)
    {
        var data = Path.Combine(TestPostgres.RunRoot, "failfast-" + Guid.NewGuid().ToString("N")[..8]);
        var result = await ServiceCommand.RunAsync([], new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Demo",
            ["Embedded:DataDirectory"] = data,
            [key] = value,
        });

        result.ExitCode.Should().Be(1, result.Output + result.Error);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().ContainSingle(result.Error);
        lines[0].Should().Contain(key).And.Contain(key.Replace(":", "__")).And.Contain(expected);
        Directory.Exists(Path.Combine(data, "pg")).Should().BeFalse("nothing was started");
    }

    [Fact]
    public async Task Production_without_a_connection_string_refuses_the_embedded_cluster_unless_allowed()
    {
        var data = Path.Combine(TestPostgres.RunRoot, "failfast-" + Guid.NewGuid().ToString("N")[..8]);
        var result = await ServiceCommand.RunAsync([], new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Embedded:DataDirectory"] = data,
        });

        result.ExitCode.Should().Be(1, result.Output + result.Error);
        result.Error.Trim().Should().NotContain("\n").And.Contain("Embedded__AllowInProduction").And.Contain("ConnectionStrings__Subsidy");
        Directory.Exists(Path.Combine(data, "pg")).Should().BeFalse();
    }

    [Fact]
    public async Task An_external_database_without_a_key_ring_certificate_stops_start_up()
    {
        var result = await ServiceCommand.RunAsync([], new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Demo",
            ["ConnectionStrings:Subsidy"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none",
        });

        result.ExitCode.Should().Be(1, result.Output + result.Error);
        result.Error.Trim().Should().NotContain("\n").And.Contain("DataProtection__CertificateFile").And.Contain("DataProtection__AllowUnencryptedKeyRing");
    }

    [Fact]
    public async Task A_node_behind_pgbouncer_without_a_direct_connection_string_stops_start_up()
    {
        var result = await ServiceCommand.RunAsync([], new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Demo",
            ["ConnectionStrings:Subsidy"] = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none",
            ["Database:Pooler"] = "pgbouncer",
        });

        result.ExitCode.Should().Be(1, result.Output + result.Error);
        result.Error.Trim().Should().NotContain("\n").And.Contain("ConnectionStrings__SubsidyDirect").And.Contain("Database:Pooler");
    }
}
