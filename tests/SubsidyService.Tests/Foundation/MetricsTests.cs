using System.Diagnostics;
using System.Net;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Operations.Metrics;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

/// <summary>/metrics is Prometheus' text format that promtool accepts, with the framework's series and the service's own.</summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private SubsidyApp _app = null!;

    public async Task InitializeAsync() => _app = new SubsidyApp(await TestPostgres.CreateMigratedDatabaseAsync());

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_scrape_passes_promtool_and_counts_the_claims_by_status()
    {
        var (applicant, _) = await _app.ClientAsAsync(Roles.Applicant);
        await ClaimApi.CreateAsync(applicant);
        await ClaimApi.CreateAsync(applicant);
        await _app.Service<DatabaseGaugeRefresher>().RefreshAsync(CancellationToken.None);

        var response = await _app.CreateClient().GetAsync("/metrics");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var text = await response.Content.ReadAsStringAsync();

        // Every series carries otel_scope_name; the label of interest follows it.
        text.Should().MatchRegex("(?m)^subsidy_claims\\{[^}]*status=\"draft\"\\} 2$").And.MatchRegex("(?m)^subsidy_claims\\{[^}]*status=\"paid\"\\} 0$");
        // Another host in this process (a second node, or another test) reports on its own scrape, not on this one.
        await using var neighbour = new SubsidyApp(_app.ConnectionString);
        await neighbour.Service<DatabaseGaugeRefresher>().RefreshAsync(CancellationToken.None);
        text = await _app.CreateClient().GetStringAsync("/metrics");
        System.Text.RegularExpressions.Regex.Matches(text, "(?m)^subsidy_claims\\{[^}]*status=\"draft\"\\}").Should().HaveCount(1);
        text.Should().MatchRegex("(?m)^subsidy_payout_batches\\{[^}]*status=\"failed\"\\} 0$");
        foreach (var series in new[] { "subsidy_outbox_pending", "subsidy_outbox_dead", "subsidy_outbox_oldest_pending_age_seconds", "subsidy_recoveries_open", "subsidy_audit_seal_lag_seconds" })
            text.Should().MatchRegex($"(?m)^{series}\\{{", series);
        text.Should().Contain("http_server_request_duration_seconds").And.Contain("db_client_");

        var check = new ProcessStartInfo("promtool") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        check.ArgumentList.Add("check");
        check.ArgumentList.Add("metrics");
        using var promtool = Process.Start(check)!;
        await promtool.StandardInput.WriteAsync(text);
        promtool.StandardInput.Close();
        var output = await promtool.StandardOutput.ReadToEndAsync() + await promtool.StandardError.ReadToEndAsync();
        await promtool.WaitForExitAsync();
        // 1 is a parse error; 3 is lint only. The framework's instruments follow OpenTelemetry's names
        // (db.client.connection.count), which Prometheus' lint dislikes for the "_count" ending; nothing else may be said.
        promtool.ExitCode.Should().BeOneOf([0, 3], output);
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !l.EndsWith("non-histogram and non-summary metrics should not have \"_count\" suffix", StringComparison.Ordinal))
            .Should().BeEmpty();
    }

    [Fact]
    public async Task Metrics_can_be_turned_off()
    {
        await using var off = new SubsidyApp(_app.ConnectionString, settings: new Dictionary<string, string?> { ["Metrics:Enabled"] = "false" });
        (await off.CreateClient().GetAsync("/metrics")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
