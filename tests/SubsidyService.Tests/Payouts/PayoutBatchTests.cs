using System.Net;
using Dapper;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using FluentAssertions;
using SubsidyService.Payouts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Payouts;

/// <summary>Batches gather every ready claim once, however their jobs are delivered.</summary>
public sealed class PayoutBatchTests(PayoutFixture fixture) : IClassFixture<PayoutFixture>
{
    private SubsidyApp App => fixture.App;

    [Fact]
    public async Task A_batch_requested_over_the_api_pays_every_ready_claim_once_and_writes_the_file_with_control_totals()
    {
        var s = await PayoutSetup.StartAsync(App);
        var ids = await s.ReadyClaimsAsync(120);

        var batch = await s.RunBatchThroughApiAsync();

        batch.GetProperty("status").GetString().Should().Be("completed");
        batch.GetProperty("claimCount").GetInt32().Should().Be(ids.Length);
        batch.GetProperty("totalAmount").GetString().Should().Be((ids.Length * PayoutSetup.Amount).ToString("0.00"));
        batch.GetProperty("progress").GetDouble().Should().Be(1.0);
        var batchId = batch.GetProperty("id").GetGuid();

        var lines = PayoutSetup.Lines(await s.FileAsync(batchId));
        lines[0].Should().Equal("claimId", "payeeName", "bankName", "accountNumber", "amount", "reference");
        lines.Skip(1).Select(l => Guid.Parse(l[0])).Should().BeEquivalentTo(ids);
        lines.Skip(1).Select(l => l[4]).Should().OnlyContain(a => a == "4000.00");
        lines.Skip(1).Select(l => l[5]).Should().OnlyHaveUniqueItems().And.BeInAscendingOrder();
        await s.EachClaimPaidOnceAsync(ids);

        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claims WHERE id = ANY(@ids) AND status = 'in_payout'", new { ids }))
            .Should().Be(ids.Length);
        (await conn.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM claim_events WHERE claim_id = ANY(@ids) AND trigger = 'include_in_payout' AND from_status = 'ready_for_payout' AND to_status = 'in_payout'",
            new { ids })).Should().Be(ids.Length, "each claim's history records its inclusion");
        var claim = await ClaimApi.GetAsync(s.Finance, ids[1]);
        claim.GetProperty("history").EnumerateArray().Last().GetProperty("trigger").GetString().Should().Be("include_in_payout");

        // The bulk events are chained as any other: the auditor's check still passes.
        var verify = await ClaimApi.JsonAsync(await s.People.Auditor.GetAsync("/api/v1/audit/verify"));
        verify.GetProperty("ok").GetBoolean().Should().BeTrue();

        var xlsx = await s.Finance.GetAsync($"/api/v1/payout-batches/{batchId}/file?format=xlsx");
        xlsx.StatusCode.Should().Be(HttpStatusCode.OK);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        var rows = doc.WorkbookPart!.WorksheetParts.First().Worksheet.Descendants<Row>().ToList();
        rows.Should().HaveCount(ids.Length + 1);
        rows[1].Descendants<Cell>().Select(c => c.InnerText).Should().Equal(lines[1]);

        // A later batch finds nothing left to pay.
        var next = await s.RunBatchThroughApiAsync();
        next.GetProperty("claimCount").GetInt32().Should().Be(0);
        await s.EachClaimPaidOnceAsync(ids);
    }

    [Fact]
    public async Task The_same_batch_run_twice_at_once_puts_no_claim_in_two_payments()
    {
        var s = await PayoutSetup.StartAsync(App);
        var ids = await s.ReadyClaimsAsync(400);
        var batchId = await NewBatchAsync();
        var runner = App.Service<PayoutBatchRunner>();

        await Task.WhenAll(Task.Run(() => runner.RunBatchAsync(batchId, CancellationToken.None)),
            Task.Run(() => runner.RunBatchAsync(batchId, CancellationToken.None)));

        await s.EachClaimPaidOnceAsync(ids);
        await ControlTotalsShouldMatchThePaymentsAsync(batchId, ids.Length);
        (await App.Service<PayoutStore>().FindAsync(batchId))!.Attempts.Should().Be(2);
    }

    [Fact]
    public async Task Two_batches_at_once_never_share_a_claim()
    {
        var s = await PayoutSetup.StartAsync(App);
        var ids = await s.ReadyClaimsAsync(400);
        var (a, b) = (await NewBatchAsync(), await NewBatchAsync());
        var runner = App.Service<PayoutBatchRunner>();

        await Task.WhenAll(Task.Run(() => runner.RunBatchAsync(a, CancellationToken.None)), Task.Run(() => runner.RunBatchAsync(b, CancellationToken.None)));

        await s.EachClaimPaidOnceAsync(ids);
        var inA = await ControlTotalsShouldMatchThePaymentsAsync(a, null);
        var inB = await ControlTotalsShouldMatchThePaymentsAsync(b, null);
        inA.Intersect(inB).Should().BeEmpty();
        inA.Union(inB).Should().BeEquivalentTo(ids);
    }

    [Fact]
    public async Task A_run_stopped_midway_is_continued_by_the_next_run_and_pays_each_claim_once()
    {
        var s = await PayoutSetup.StartAsync(App);
        var ids = await s.ReadyClaimsAsync(1500);
        var batchId = await NewBatchAsync();
        var store = App.Service<PayoutStore>();
        var runner = App.Service<PayoutBatchRunner>();

        using var stop = new CancellationTokenSource();
        var run = Task.Run(() => runner.RunBatchAsync(batchId, stop.Token));
        while ((await store.FindAsync(batchId))!.Gathered == 0) await Task.Delay(5);
        await stop.CancelAsync();
        await FluentActions.Awaiting(() => run).Should().ThrowAsync<OperationCanceledException>();
        var stopped = (await store.FindAsync(batchId))!;
        stopped.Status.Should().Be("running");
        stopped.Gathered.Should().BeInRange(1, ids.Length - 1, "the run was stopped midway");
        stopped.Progress.Should().BeInRange(0.0, 0.99);

        await runner.RunBatchAsync(batchId, CancellationToken.None);

        await s.EachClaimPaidOnceAsync(ids);
        await ControlTotalsShouldMatchThePaymentsAsync(batchId, ids.Length);
        // A run delivered once more after completion changes nothing.
        await runner.RunBatchAsync(batchId, CancellationToken.None);
        await ControlTotalsShouldMatchThePaymentsAsync(batchId, ids.Length);
    }

    [Fact]
    public async Task A_claim_with_an_unresolved_screening_flag_is_left_out_of_the_batch()
    {
        var s = await PayoutSetup.StartAsync(App);
        var ids = await s.ReadyClaimsAsync(3);
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        await conn.ExecuteAsync("""
            INSERT INTO screening_flags (id, claim_id, code, detail, matched_register_row_id, raised_at)
            VALUES (gen_random_uuid(), @id, 'external_funding_match', 'test', gen_random_uuid(), now())
            """, new { id = ids[1] });

        var batch = await s.RunBatchThroughApiAsync();

        batch.GetProperty("claimCount").GetInt32().Should().Be(ids.Length - 1);
        (await conn.ExecuteScalarAsync<string>("SELECT status FROM claims WHERE id = @id", new { id = ids[1] })).Should().Be("ready_for_payout");
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM payments WHERE claim_id = @id", new { id = ids[1] })).Should().Be(0);
    }

    [Fact]
    public async Task A_batch_recorded_but_never_handed_to_the_job_server_is_run_by_the_next_scheduled_payout()
    {
        var s = await PayoutSetup.StartAsync(App);
        var ids = await s.ReadyClaimsAsync(30);
        // What a request leaves when it dies between recording the batch and enqueueing its job.
        var orphan = Guid.NewGuid();
        await App.Service<PayoutStore>().CreateBatchAsync(orphan, "manual", null, App.Service<TimeProvider>().GetUtcNow().UtcDateTime.AddMinutes(-5));

        await App.RunRecurringJobAsync(ScheduledPayout.JobId);

        var batch = await PayoutSetup.WaitForBatchAsync(s.Finance, orphan, TimeSpan.FromSeconds(60));
        batch.GetProperty("status").GetString().Should().Be("completed");
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        (await conn.ExecuteScalarAsync<string?>("SELECT job_id FROM payout_batches WHERE id = @orphan", new { orphan })).Should().NotBeNull();
        await WaitForPaymentsAsync(conn, ids);
        await s.EachClaimPaidOnceAsync(ids);
    }

    private static async Task WaitForPaymentsAsync(Npgsql.NpgsqlConnection conn, Guid[] ids)
    {
        // The scheduled run also requests a batch of its own; the two share the claims between them.
        for (var i = 0; i < 600 && await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM payments WHERE claim_id = ANY(@ids)", new { ids }) < ids.Length; i++)
            await Task.Delay(100);
    }

    [Fact]
    public async Task Only_finance_starts_batches_and_reads_the_file()
    {
        var s = await PayoutSetup.StartAsync(App);
        (await s.People.Verifier.PostAsync("/api/v1/payout-batches", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await s.Applicant.PostAsync("/api/v1/payout-batches", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        // A body that asks for something (these claims, this amount) is refused rather than read as "pay everything".
        await (await s.Finance.PostAsync("/api/v1/payout-batches", System.Net.Http.Json.JsonContent.Create(new { claimIds = new[] { Guid.NewGuid() } })))
            .ShouldBeValidationProblemNamingAsync("body");
        var batch = await s.RunBatchThroughApiAsync();
        var id = batch.GetProperty("id").GetGuid();
        (await s.People.Auditor.GetAsync($"/api/v1/payout-batches/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await s.People.Auditor.GetAsync($"/api/v1/payout-batches/{id}/file")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await s.Finance.GetAsync($"/api/v1/payout-batches/{Guid.NewGuid()}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<Guid> NewBatchAsync()
    {
        var id = Guid.NewGuid();
        await App.Service<PayoutStore>().CreateBatchAsync(id, "manual", null, DateTime.UtcNow);
        return id;
    }

    /// <summary>The batch's totals and file equal its payments; returns the claims it paid.</summary>
    private async Task<IReadOnlyList<Guid>> ControlTotalsShouldMatchThePaymentsAsync(Guid batchId, int? expectedCount)
    {
        var batch = (await App.Service<PayoutStore>().FindAsync(batchId))!;
        batch.Status.Should().Be("completed");
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        var (count, sum) = await conn.QuerySingleAsync<(int, decimal)>(
            "SELECT count(*)::int, coalesce(sum(c.amount), 0) FROM payments p JOIN claims c ON c.id = p.claim_id WHERE p.batch_id = @batchId",
            new { batchId });
        batch.ClaimCount.Should().Be(count);
        batch.TotalAmount.Should().Be(sum, "the control total is the sum of the claims paid");
        if (expectedCount is { } n) count.Should().Be(n);
        var file = System.Text.Encoding.UTF8.GetString((await App.Service<PayoutStore>().FileAsync(batchId))!);
        var claims = PayoutSetup.Lines(file.TrimStart('\uFEFF')).Skip(1).Select(l => Guid.Parse(l[0])).ToList();
        claims.Should().HaveCount(count).And.OnlyHaveUniqueItems();
        return claims;
    }
}
