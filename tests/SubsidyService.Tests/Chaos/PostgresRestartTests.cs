using System.Net;
using System.Net.Http.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Data;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Chaos;

/// <summary>Runs on a PostgreSQL server of its own, since it stops and starts it.</summary>
public sealed class PostgresRestartTests
{
    private const int Applicants = 4;

    [Fact]
    public async Task The_service_recovers_by_itself_after_PostgreSQL_restarts_under_load_and_leaves_no_half_written_claim()
    {
        var root = Path.Combine(TestPostgres.RunRoot, "restart-" + Guid.NewGuid().ToString("N")[..8]);
        await using var pg = await EmbeddedPostgres.StartAsync(root);
        await pg.EnsureDatabaseAsync("subsidy");
        var cs = pg.ConnectionString("subsidy");
        try
        {
            await using var app = new SubsidyApp(cs);
            var clients = new List<HttpClient>();
            for (var i = 0; i < Applicants; i++) clients.Add((await app.ClientAsAsync(Roles.Applicant)).Client);

            // Light load: each applicant creates and submits claims one after another, before, during and after the outage.
            using var stop = new CancellationTokenSource();
            var outcomes = new System.Collections.Concurrent.ConcurrentBag<(DateTime At, bool Ok, int Status)>();
            var load = clients.Select(c => Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var ok = false;
                    var status = 0;
                    try
                    {
                        var created = await c.PostAsJsonAsync("/api/v1/claims", ClaimApi.Body());
                        status = (int)created.StatusCode;
                        if (created.StatusCode == HttpStatusCode.Created)
                        {
                            var claim = await ClaimApi.JsonAsync(created);
                            var submitted = await ClaimApi.FireAsync(c, claim, "submit");
                            status = (int)submitted.StatusCode;
                            ok = submitted.StatusCode == HttpStatusCode.OK;
                        }
                    }
                    catch (HttpRequestException) { }
                    outcomes.Add((DateTime.UtcNow, ok, status));
                    if (!ok) await Task.Delay(100);
                }
            })).ToList();

            var warmUp = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < warmUp && outcomes.Count(o => o.Ok) < Applicants)
                await Task.Delay(100);
            outcomes.Should().Contain(o => o.Ok, "claims go through before the restart");
            await pg.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));
            await pg.RestartAsync();
            var restarted = DateTime.UtcNow;

            // Recovered: claims go through again within a bounded time, with nothing done to the service.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline && outcomes.Count(o => o.At > restarted && o.Ok) < 2 * Applicants)
                await Task.Delay(200);
            await stop.CancelAsync();
            await Task.WhenAll(load);
            outcomes.Count(o => o.At > restarted && o.Ok).Should().BeGreaterThanOrEqualTo(2 * Applicants, "the service recovers by itself");
            outcomes.Where(o => o.Status >= 500).Select(o => o.At).Should().OnlyContain(at => at <= restarted.AddSeconds(5),
                "errors belong to the outage, not after it");

            // No half-written claim: each claim has its invoice and exactly the events of its status, and the chain holds.
            await using var conn = await TestPostgres.OpenAsync(cs);
            var broken = await conn.QueryAsync<string>("""
                SELECT c.id || ' ' || c.status FROM claims c
                WHERE (SELECT count(*) FROM claim_invoices i WHERE i.claim_id = c.id) <> 1
                   OR (SELECT count(*) FROM claim_events e WHERE e.claim_id = c.id AND e.trigger = 'create') <> 1
                   OR (c.status = 'submitted') <> EXISTS (SELECT 1 FROM claim_events e WHERE e.claim_id = c.id AND e.trigger = 'submit')
                   OR (c.status = 'submitted') <> (c.submitted_at IS NOT NULL)
                   OR c.version <> (SELECT count(*) FROM claim_events e WHERE e.claim_id = c.id)
                """);
            broken.Should().BeEmpty();
            (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claims")).Should().BeGreaterThan(2 * Applicants);
            var (auditor, _) = await app.ClientAsAsync(Roles.Auditor);
            var verify = await ClaimApi.JsonAsync(await auditor.GetAsync("/api/v1/audit/verify"));
            verify.GetProperty("ok").GetBoolean().Should().BeTrue(verify.ToString());
        }
        finally
        {
            await pg.StopAsync();
            Directory.Delete(root, recursive: true);
        }
    }
}
