using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Tests.Approval;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Payouts;

/// <summary>
/// Claims ready for payout, made quickly: one claim is verified and approved through the API (no notice period),
/// then copied under new ids and case numbers with its budget reservation, as an approval would have left each.
/// </summary>
public sealed class PayoutSetup
{
    public const decimal Amount = 4000.00m;
    public static int Year => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;

    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["Workflow:PublicNoticeWorkingDays"] = "0",
        ["Payouts:ChunkSize"] = "50",
        ["Jobs:QueuePollInterval"] = "00:00:00.2",
        ["Jobs:SchedulePollingInterval"] = "00:00:00.2",
    };

    public SubsidyApp App { get; }
    public ApprovalSetup People { get; }
    public HttpClient Finance => People.Finance;
    public HttpClient Applicant => People.Applicant;

    /// <summary>A second finance user: the one who imports the bank's results is not the one who ran the batch.</summary>
    public HttpClient BankClerk { get; private set; } = null!;

    private PayoutSetup(SubsidyApp app, ApprovalSetup people)
    {
        App = app;
        People = people;
    }

    public static async Task<PayoutSetup> StartAsync(SubsidyApp app) =>
        new(app, await ApprovalSetup.StartAsync(app)) { BankClerk = (await app.ClientAsAsync(SubsidyService.Accounts.Roles.Finance)).Client };

    /// <summary>One claim taken to ready_for_payout through the API; its budget is raised first as needed.</summary>
    public async Task<JsonElement> ReadyThroughApiAsync()
    {
        await RaiseBudgetAsync(Amount);
        var approved = await ClaimApi.MustFireAsync(Finance, await People.VerifiedAsync(), "approve");
        approved.Status().Should().Be("ready_for_payout");
        return approved;
    }

    /// <summary><paramref name="count"/> more ready claims of this applicant, each with a reserved budget entry.</summary>
    public async Task<Guid[]> ReadyClaimsAsync(int count)
    {
        var template = await ReadyThroughApiAsync();
        await RaiseBudgetAsync(count * Amount);
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToArray();
        await using var tx = await conn.BeginTransactionAsync();
        // Each copy takes the next 受理编号 of the template's year from the service's own counter, as a submission would.
        await conn.ExecuteAsync("""
            WITH seq AS (
                UPDATE application_number_sequences s SET last_seq = s.last_seq + cardinality(@ids)
                FROM claims t WHERE t.id = @template AND s.year = split_part(t.application_number, '-', 1)::int
                RETURNING s.year, s.last_seq - cardinality(@ids) AS first)
            INSERT INTO claims (id, applicant_id, status, version, facts, bank_account, applicant_type, applicant_name, id_number,
                                case_number, canonical_case_number, policy_version, amount, verified_by, verified_at, verification,
                                created_at, updated_at, submitted_at, approved_by, approved_at, application_number)
            SELECT n.id, c.applicant_id, c.status, c.version, c.facts, c.bank_account, c.applicant_type, c.applicant_name, c.id_number,
                   c.case_number || '-' || n.ord, c.canonical_case_number || '-' || n.ord, c.policy_version, c.amount, c.verified_by,
                   c.verified_at, c.verification, c.created_at, c.updated_at, c.submitted_at, c.approved_by, c.approved_at,
                   seq.year || '-' || lpad((seq.first + n.ord)::text, 6, '0')
            FROM claims c, seq, unnest(@ids) WITH ORDINALITY AS n(id, ord)
            WHERE c.id = @template
            """, new { ids, template = template.Id() }, tx);
        await conn.ExecuteAsync("""
            INSERT INTO budget_entries (claim_id, year, amount, state, reserved_at)
            SELECT id, @Year, amount, 'reserved', now() FROM claims WHERE id = ANY(@ids)
            """, new { ids, Year }, tx);
        await conn.ExecuteAsync("UPDATE budgets SET reserved = reserved + @sum WHERE year = @Year", new { sum = count * Amount, Year }, tx);
        await tx.CommitAsync();
        return [template.Id(), .. ids];
    }

    public async Task RaiseBudgetAsync(decimal by)
    {
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        var used = await conn.ExecuteScalarAsync<decimal?>("SELECT amount FROM budgets WHERE year = @Year", new { Year }) ?? 0m;
        await People.SetBudgetAsync(Year, (used + by).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>POST /api/v1/payout-batches, then polls the batch until it is finished.</summary>
    public async Task<JsonElement> RunBatchThroughApiAsync(TimeSpan? timeout = null)
    {
        var response = await Finance.PostAsJsonAsync("/api/v1/payout-batches", new { });
        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var id = (await ClaimApi.JsonAsync(response)).GetProperty("id").GetGuid();
        response.Headers.Location!.ToString().Should().Be($"/api/v1/payout-batches/{id}");
        return await WaitForBatchAsync(Finance, id, timeout ?? TimeSpan.FromSeconds(60));
    }

    public static async Task<JsonElement> WaitForBatchAsync(HttpClient client, Guid id, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var batch = await ClaimApi.JsonAsync(await client.GetAsync($"/api/v1/payout-batches/{id}"));
            if (batch.GetProperty("status").GetString() is "completed" or "failed") return batch;
            if (DateTime.UtcNow > until) throw new TimeoutException($"batch {id} still {batch.GetProperty("status")} after {timeout}");
            await Task.Delay(100);
        }
    }

    public async Task<string> FileAsync(Guid batchId)
    {
        var response = await Finance.GetAsync($"/api/v1/payout-batches/{batchId}/file");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        bytes.Take(3).Should().Equal(new byte[] { 0xEF, 0xBB, 0xBF }, "Excel needs the BOM to read UTF-8");
        return Encoding.UTF8.GetString(bytes[3..]);
    }

    public Task<HttpResponseMessage> PostResultsAsync(Guid batchId, string csv) => PostResultsAsync(BankClerk, batchId, csv);

    public static Task<HttpResponseMessage> PostResultsAsync(HttpClient client, Guid batchId, string csv) =>
        client.PostAsync($"/api/v1/payout-batches/{batchId}/bank-results", new StringContent(csv, Encoding.UTF8, "text/csv"));

    /// <summary>Every claim of the set has exactly one payment row, pending or paid or failed.</summary>
    public async Task EachClaimPaidOnceAsync(IReadOnlyCollection<Guid> ids)
    {
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        var counts = (await conn.QueryAsync<(Guid ClaimId, long Count)>(
            "SELECT claim_id, count(*) FROM payments WHERE claim_id = ANY(@ids) AND state IN ('pending', 'paid') GROUP BY claim_id",
            new { ids = ids.ToArray() })).ToList();
        counts.Should().HaveCount(ids.Count, "every claim has a payment");
        counts.Should().OnlyContain(c => c.Count == 1, "no claim has two");
    }

    /// <summary>A results file marking each payment line of the batch's file with its result and amount.</summary>
    public static string Results(params (string[] Line, string Result, string? Message)[] lines) =>
        "reference,result,amount,message\r\n" + string.Concat(lines.Select(l => $"{l.Line[5]},{l.Result},{l.Line[4]},{l.Message}\r\n"));

    public static List<string[]> Lines(string csv) =>
        csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(',')).ToList();

    /// <summary>A bank results file answering these payment-file lines (claimId,…,amount,reference) with one result.</summary>
    public static string Results(IEnumerable<string[]> paymentLines, string result) =>
        Results(paymentLines.Select(l => (l, result, (string?)null)).ToArray());
}
