using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace SubsidyService.Bench;

/// <summary>
/// A payout batch of many ready claims, from POST /api/v1/payout-batches to the batch completed (payments, statuses,
/// one event per claim, control totals and the file written), against a lower bound measured in the same database
/// in the same run: the same claims' payments inserted, statuses updated and file written as three set-based
/// statements with nothing else (rolled back, so the claims stay ready for the batch).
/// </summary>
public static partial class PayoutBenchmark
{
    public static async Task<List<BenchmarkResult>> RunAsync(string repositoryRoot, int claims)
    {
        var settings = new Dictionary<string, string>
        {
            ["Workflow__PublicNoticeWorkingDays"] = "0",
            ["Jobs__QueuePollInterval"] = "00:00:00.2",
        };
        Console.WriteLine($"Starting the service for the payout benchmark ({claims:N0} claims)…");
        await using var service = await ServiceProcess.StartAsync(repositoryRoot, settings);
        var port = int.Parse(PostgresPort().Match(service.LastOutput(200)).Groups[1].Value);
        var password = (await File.ReadAllTextAsync(Path.Combine(service.DataDirectory, "superuser.password"))).Trim();
        await using var db = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=subsidy;Command Timeout=600");

        using var http = new HttpClient { BaseAddress = service.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        var template = await ReadyTemplateAsync(http);
        await CopyAsync(db, template, claims - 1);

        var lowerBound = await LowerBoundAsync(db);
        var finance = await LoginAsync(http, "finance.demo");
        var watch = Stopwatch.StartNew();
        using var created = JsonDocument.Parse(await HttpBenchmarks.SendAsync(finance, HttpMethod.Post, "/api/v1/payout-batches", Encoding.UTF8.GetBytes("{}"), HttpStatusCode.Accepted, default));
        var id = created.RootElement.GetProperty("id").GetGuid();
        int count;
        while (true)
        {
            using var batch = JsonDocument.Parse(await HttpBenchmarks.SendAsync(finance, HttpMethod.Get, $"/api/v1/payout-batches/{id}", null, HttpStatusCode.OK, default));
            var status = batch.RootElement.GetProperty("status").GetString();
            if (status == "failed") throw new InvalidOperationException("the batch failed");
            if (status == "completed") { count = batch.RootElement.GetProperty("claimCount").GetInt32(); break; }
            if (watch.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("the batch did not complete in 10 minutes");
            await Task.Delay(50);
        }
        watch.Stop();
        var errors = count == claims ? 0 : 1;
        var ratio = watch.Elapsed.TotalSeconds / lowerBound.TotalSeconds;
        Console.WriteLine($"  payout.batch {watch.Elapsed.TotalSeconds:F1} s for {count:N0} claims; lower bound {lowerBound.TotalSeconds:F1} s; ratio {ratio:F1}× (goal ≤ 5×)");
        return
        [
            Result("payout.batch", $"POST /api/v1/payout-batches to completed: {claims:N0} ready claims, payments, statuses, one event each, totals, file; {ratio:F1}× the lower bound",
                claims, watch.Elapsed, errors),
            Result("payout.lowerBound", $"the same {claims:N0} claims as three set-based statements (payments INSERT…SELECT, statuses UPDATE, file from one SELECT), rolled back",
                claims, lowerBound, 0),
        ];
    }

    private static BenchmarkResult Result(string name, string description, int claims, TimeSpan elapsed, int errors)
    {
        var us = elapsed.TotalMilliseconds * 1000;
        return new BenchmarkResult(name, "payout", description, claims, 1, 1, errors, claims / elapsed.TotalSeconds, us, us, us, us, null);
    }

    /// <summary>One claim through the real workflow: created, submitted, verified, approved (no notice period).</summary>
    private static async Task<Guid> ReadyTemplateAsync(HttpClient http)
    {
        var applicant = await LoginAsync(http, "applicant.demo");
        var verifier = await LoginAsync(http, "verifier.demo");
        var finance = await LoginAsync(http, "finance.demo");
        using var claim = JsonDocument.Parse(await HttpBenchmarks.SendAsync(applicant, HttpMethod.Post, "/api/v1/claims",
            HttpBenchmarks.Body(HttpBenchmarks.ClaimBody(900_000 + Random.Shared.Next(90_000))), HttpStatusCode.Created, default));
        var id = claim.RootElement.GetProperty("id").GetGuid();
        var version = claim.RootElement.GetProperty("version").GetInt32();
        foreach (var (client, trigger) in new[] { (applicant, "submit"), (verifier, "start_review"), (verifier, "verify"), (finance, "approve") })
        {
            using var fired = JsonDocument.Parse(await HttpBenchmarks.SendAsync(client, HttpMethod.Post, $"/api/v1/claims/{id}/transitions",
                HttpBenchmarks.Body(new Dictionary<string, object?> { ["trigger"] = trigger, ["expectedVersion"] = version }), HttpStatusCode.OK, default));
            version = fired.RootElement.GetProperty("version").GetInt32();
        }
        return id;
    }

    /// <summary>Copies of the ready claim, each with its budget reservation, as approvals would have left them.</summary>
    private static async Task CopyAsync(NpgsqlDataSource db, Guid template, int count)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO claims (id, applicant_id, status, version, facts, bank_account, applicant_type, applicant_name, id_number,
                                case_number, canonical_case_number, policy_version, amount, verified_by, verified_at, verification,
                                created_at, updated_at, submitted_at, approved_by, approved_at)
            SELECT gen_random_uuid(), c.applicant_id, c.status, c.version, c.facts, c.bank_account, c.applicant_type, c.applicant_name, c.id_number,
                   c.case_number || '-' || n, c.canonical_case_number || '-' || n, c.policy_version, c.amount, c.verified_by,
                   c.verified_at, c.verification, c.created_at, c.updated_at, c.submitted_at, c.approved_by, c.approved_at
            FROM claims c, generate_series(1, @count) n WHERE c.id = @template;
            INSERT INTO budget_entries (claim_id, year, amount, state, reserved_at)
            SELECT c.id, e.year, c.amount, 'reserved', now() FROM claims c, budget_entries e
            WHERE e.claim_id = @template AND c.status = 'ready_for_payout' AND c.id <> @template;
            UPDATE budgets b SET amount = amount + x.total, reserved = reserved + x.total
            FROM (SELECT year, sum(amount) AS total FROM budget_entries WHERE claim_id <> @template AND state = 'reserved' GROUP BY year) x
            WHERE b.year = x.year;
            ANALYZE claims;
            """, conn, tx))
        {
            cmd.Parameters.AddWithValue("template", template);
            cmd.Parameters.AddWithValue("count", count);
            await cmd.ExecuteNonQueryAsync();
        }
        await tx.CommitAsync();
    }

    private static async Task<TimeSpan> LowerBoundAsync(NpgsqlDataSource db)
    {
        await using var conn = await db.OpenConnectionAsync();
        await using var tx = await conn.BeginTransactionAsync();
        var watch = Stopwatch.StartNew();
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO payout_batches (id, status, origin, requested_at, updated_at) VALUES ('00000000-0000-0000-0000-0000000000b1', 'running', 'manual', now(), now());
            INSERT INTO payments (id, batch_id, claim_id, reference, payee_name, bank_name, account_number, amount, state, created_at)
            SELECT gen_random_uuid(), '00000000-0000-0000-0000-0000000000b1', c.id, 'LB' || lpad(nextval('payment_reference_seq')::text, 10, '0'),
                   c.bank_account->>'accountName', c.bank_account->>'bankName', c.bank_account->>'accountNumber', c.amount, 'pending', now()
            FROM claims c WHERE c.status = 'ready_for_payout';
            UPDATE claims SET status = 'in_payout', version = version + 1, updated_at = now() WHERE status = 'ready_for_payout';
            """, conn, tx))
            await cmd.ExecuteNonQueryAsync();
        var file = new StringBuilder();
        await using (var cmd = new NpgsqlCommand(
            "SELECT claim_id, payee_name, bank_name, account_number, amount, reference FROM payments WHERE batch_id = '00000000-0000-0000-0000-0000000000b1' ORDER BY reference", conn, tx))
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                file.Append(reader.GetGuid(0)).Append(',').Append(reader.GetString(1)).Append(',').Append(reader.GetString(2)).Append(',')
                    .Append(reader.GetString(3)).Append(',').Append(reader.GetDecimal(4).ToString("0.00")).Append(',').Append(reader.GetString(5)).Append("\r\n");
        _ = Encoding.UTF8.GetBytes(file.ToString());
        watch.Stop();
        await tx.RollbackAsync();
        return watch.Elapsed;
    }

    private static async Task<HttpClient> LoginAsync(HttpClient anonymous, string username)
    {
        using var answer = JsonDocument.Parse(await HttpBenchmarks.SendAsync(anonymous, HttpMethod.Post, "/api/v1/auth/login",
            HttpBenchmarks.Body(new Dictionary<string, object?> { ["username"] = username, ["password"] = "Demo#2026" }), HttpStatusCode.OK, default));
        var client = new HttpClient { BaseAddress = anonymous.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", answer.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    [GeneratedRegex(@"Embedded PostgreSQL listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex PostgresPort();
}
