using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Payouts;

/// <summary>The bank's results settle payments through the workflow; a bad file changes nothing.</summary>
public sealed class BankResultsTests(PayoutFixture fixture) : IClassFixture<PayoutFixture>
{
    private SubsidyApp App => fixture.App;

    private async Task<(PayoutSetup S, Guid BatchId, List<string[]> Lines)> PaidOutAsync(int count)
    {
        var s = await PayoutSetup.StartAsync(App);
        await s.ReadyClaimsAsync(count - 1);
        var batch = await s.RunBatchThroughApiAsync();
        var batchId = batch.GetProperty("id").GetGuid();
        return (s, batchId, PayoutSetup.Lines(await s.FileAsync(batchId)).Skip(1).ToList());
    }

    [Fact]
    public async Task Paid_and_failed_lines_move_claims_and_budget_and_the_same_file_twice_changes_nothing()
    {
        var (s, batchId, lines) = await PaidOutAsync(4);
        var csv = "reference,result,message\r\n" +
                  $"{lines[0][5]},paid,\r\n{lines[1][5]},paid,入账成功\r\n{lines[2][5]},failed,账号不存在\r\n";

        var first = await s.PostResultsAsync(batchId, csv);
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        var summary = await ClaimApi.JsonAsync(first);
        (summary.GetProperty("paid").GetInt32(), summary.GetProperty("failed").GetInt32(), summary.GetProperty("unchanged").GetInt32())
            .Should().Be((2, 1, 0));

        var paid = await ClaimApi.GetAsync(s.Finance, Guid.Parse(lines[0][0]));
        paid.Status().Should().Be("paid");
        var failed = await ClaimApi.GetAsync(s.Finance, Guid.Parse(lines[2][0]));
        failed.Status().Should().Be("payout_failed");
        failed.GetProperty("history").EnumerateArray().Last().GetProperty("reason").GetString().Should().Contain("账号不存在");
        (await ClaimApi.GetAsync(s.Finance, Guid.Parse(lines[3][0]))).Status().Should().Be("in_payout", "the bank has not answered for it yet");
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        (await conn.ExecuteScalarAsync<string>("SELECT state FROM budget_entries WHERE claim_id = @id", new { id = Guid.Parse(lines[0][0]) }))
            .Should().Be("paid", "payment_succeeded spends the reservation");
        await s.People.BudgetShouldAgreeWithItsClaimsAsync(PayoutSetup.Year);
        var events = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events");

        var again = await ClaimApi.JsonAsync(await s.PostResultsAsync(batchId, csv));
        (again.GetProperty("paid").GetInt32(), again.GetProperty("failed").GetInt32(), again.GetProperty("unchanged").GetInt32())
            .Should().Be((0, 0, 3));
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events")).Should().Be(events, "nothing happened the second time");
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM bank_result_imports WHERE batch_id = @batchId", new { batchId })).Should().Be(1);
    }

    private async Task<JsonElement> RefusedAsync(PayoutSetup s, Guid batchId, string body)
    {
        var response = await s.PostResultsAsync(batchId, "reference,result,message\r\n" + body);
        return await response.ShouldBeProblemAsync((HttpStatusCode)422, "bank_results_rejected");
    }

    /// <summary>Each kind of bad line on its own, so one that stops being refused does not hide the others.</summary>
    [Theory]
    [InlineData("unknown_reference", "lines[3]", "不属于本批次")]
    [InlineData("repeated_reference", "lines[3]", "重复")]
    [InlineData("unknown_result", "lines[3]", "paid")]
    [InlineData("more_lines_than_payments", "file", "超过本批次")]
    public async Task A_file_with_a_bad_line_is_refused_whole_naming_the_line(string bad, string key, string wording)
    {
        var (s, batchId, lines) = await PaidOutAsync(3);
        var (a, b) = (lines[0][5], lines[1][5]);
        var body = bad switch
        {
            "unknown_reference" => $"{a},paid,\r\nSP9999999999,paid,\r\n",
            "repeated_reference" => $"{a},paid,\r\n{a},paid,\r\n",
            "unknown_result" => $"{a},paid,\r\n{b},ok,\r\n",
            _ => string.Concat(lines.Select(l => $"{l[5]},paid,\r\n")) + $"{a},paid,\r\n",
        };
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        var events = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events WHERE claim_id = ANY(@ids)",
            new { ids = lines.Select(l => Guid.Parse(l[0])).ToArray() });

        (await RefusedAsync(s, batchId, body)).GetProperty("errors").GetProperty(key)[0].GetString().Should().Contain(wording);

        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events WHERE claim_id = ANY(@ids)",
            new { ids = lines.Select(l => Guid.Parse(l[0])).ToArray() })).Should().Be(events, "a refused file applies nothing");
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM payments WHERE batch_id = @batchId AND state <> 'pending'", new { batchId })).Should().Be(0);
    }

    [Fact]
    public async Task A_payment_settled_one_way_is_not_settled_the_other_way_by_a_later_file()
    {
        var (s, batchId, lines) = await PaidOutAsync(1);
        var a = lines[0][5];
        (await s.PostResultsAsync(batchId, $"reference,result,message\r\n{a},paid,\r\n")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await RefusedAsync(s, batchId, $"{a},failed,退票\r\n")).GetProperty("errors").GetProperty("lines[2]")[0].GetString().Should().Contain("已登记为支付成功");
    }

    [Fact]
    public async Task A_file_that_is_not_a_results_file_is_refused_naming_the_file()
    {
        var (s, batchId, _) = await PaidOutAsync(1);
        await (await s.PostResultsAsync(batchId, "claimId,amount\r\nx,1\r\n")).ShouldBeValidationProblemNamingAsync("file");
    }

    [Fact]
    public async Task Results_for_a_batch_not_finished_are_refused()
    {
        var (s, _, lines) = await PaidOutAsync(1);
        var unfinished = Guid.NewGuid();
        await App.Service<SubsidyService.Payouts.PayoutStore>().CreateBatchAsync(unfinished, "manual", null, DateTime.UtcNow);
        await (await s.PostResultsAsync(unfinished, $"reference,result,message\r\n{lines[0][5]},paid,\r\n"))
            .ShouldBeProblemAsync((HttpStatusCode)422, "batch_not_completed");
    }

    [Fact]
    public async Task A_verifier_may_not_post_bank_results()
    {
        var (s, batchId, _) = await PaidOutAsync(1);
        (await s.People.Verifier.PostAsync($"/api/v1/payout-batches/{batchId}/bank-results", new StringContent("x", System.Text.Encoding.UTF8, "text/csv"))).StatusCode
            .Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_failed_payment_is_retried_after_the_applicant_corrects_the_account_and_paid_in_the_next_batch()
    {
        var (s, batchId, lines) = await PaidOutAsync(1);
        var claimId = Guid.Parse(lines[0][0]);
        (await s.PostResultsAsync(batchId, $"reference,result,message\r\n{lines[0][5]},failed,户名不符\r\n")).StatusCode.Should().Be(HttpStatusCode.OK);
        var failed = await ClaimApi.GetAsync(s.Applicant, claimId);
        failed.Triggers().Should().Contain("correct_bank_account");

        // The account is checked as at intake, and only the owner may correct it.
        var bad = await ClaimApi.FireAsync(s.Applicant, failed, "correct_bank_account", data: new { bankName = "农业银行", accountName = "张三", accountNumber = "12" });
        await bad.ShouldBeValidationProblemNamingAsync("data.accountNumber");
        var other = (await App.ClientAsAsync("applicant")).Client;
        (await ClaimApi.FireAsync(other, failed, "correct_bank_account", data: new { bankName = "农业银行", accountName = "张三", accountNumber = "6228480012345678" }))
            .StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await ClaimApi.FireAsync(s.Finance, failed, "correct_bank_account", data: new { bankName = "农业银行", accountName = "张三", accountNumber = "6228480012345678" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var corrected = await ClaimApi.MustFireAsync(s.Applicant, failed, "correct_bank_account",
            data: new { bankName = "中国农业银行县支行", accountName = "张三", accountNumber = "6228 4800 1234 5678" });
        corrected.Status().Should().Be("payout_failed");
        var history = corrected.GetProperty("history").EnumerateArray().Last();
        history.GetProperty("trigger").GetString().Should().Be("correct_bank_account");

        var retried = await ClaimApi.MustFireAsync(s.Finance, corrected, "retry_payment");
        retried.Status().Should().Be("ready_for_payout");
        // Correcting again is no longer possible once it is back in the queue.
        (await ClaimApi.FireAsync(s.Applicant, retried, "correct_bank_account", data: new { bankName = "x", accountName = "y", accountNumber = "6228480012345678" }))
            .StatusCode.Should().Be((HttpStatusCode)422);

        var next = await s.RunBatchThroughApiAsync();
        var nextId = next.GetProperty("id").GetGuid();
        var line = PayoutSetup.Lines(await s.FileAsync(nextId)).Skip(1).Single(l => Guid.Parse(l[0]) == claimId);
        (line[2], line[3]).Should().Be(("中国农业银行县支行", "6228480012345678"), "the new payment goes to the corrected account");
        line[5].Should().NotBe(lines[0][5], "a new payment has a new reference");
        (await s.PostResultsAsync(nextId, $"reference,result,message\r\n{line[5]},paid,\r\n")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await ClaimApi.GetAsync(s.Applicant, claimId)).Status().Should().Be("paid");
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        (await conn.QueryAsync<string>("SELECT state FROM payments WHERE claim_id = @claimId ORDER BY created_at", new { claimId }))
            .Should().Equal("failed", "paid");
        await s.People.BudgetShouldAgreeWithItsClaimsAsync(PayoutSetup.Year);
    }
}
