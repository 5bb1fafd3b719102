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
        var csv = "reference,result,amount,message\r\n" +
                  $"{lines[0][5]},paid,4000.00,\r\n{lines[1][5]},paid,4000.00,入账成功\r\n{lines[2][5]},failed,4000.00,账号不存在\r\n";

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
        var events = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events WHERE claim_id IS NOT NULL");

        var again = await ClaimApi.JsonAsync(await s.PostResultsAsync(batchId, csv));
        (again.GetProperty("paid").GetInt32(), again.GetProperty("failed").GetInt32(), again.GetProperty("unchanged").GetInt32())
            .Should().Be((0, 0, 3));
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events WHERE claim_id IS NOT NULL")).Should().Be(events, "nothing happened the second time");
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM bank_result_imports WHERE batch_id = @batchId", new { batchId })).Should().Be(1);
        // Each accepted file is a security act, the repeated one too, with the batch as its subject.
        (await conn.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM claim_events WHERE claim_id IS NULL AND trigger = 'bank_results_imported' AND data::json->>'subject' = @batch
            """, new { batch = batchId.ToString() })).Should().Be(2);
        (await conn.ExecuteScalarAsync<long>("""
            SELECT count(*) FROM claim_events WHERE claim_id IS NULL AND trigger = 'payout_batch_requested' AND data::json->>'subject' = @batch
            """, new { batch = batchId.ToString() })).Should().Be(1);
    }

    [Fact]
    public async Task Results_under_chinese_headers_in_any_order_with_chinese_words_import_and_a_missing_column_is_named_in_chinese()
    {
        var (s, batchId, lines) = await PaidOutAsync(3);

        var missing = await s.PostResultsAsync(batchId, $"业务参考号,金额\r\n{lines[0][5]},4000.00\r\n");
        var errors = (await missing.ShouldBeValidationProblemNamingAsync("file")).GetProperty("errors").GetProperty("file");
        errors[0].GetString().Should().Be("缺少“结果”列（也可用英文列名 result）。");
        errors.ToString().Should().NotContain("不能为空");
        (await (await s.PostResultsAsync(batchId, $"业务参考号,结果,金额,经办人\r\n{lines[0][5]},成功,4000.00,张三\r\n"))
            .ShouldBeValidationProblemNamingAsync("file")).GetProperty("errors").GetProperty("file")[0].GetString().Should().StartWith("无法识别的列“经办人”");
        var badWord = await (await s.PostResultsAsync(batchId, $"业务参考号,结果,金额\r\n{lines[0][5]},也许,4000.00\r\n"))
            .ShouldBeProblemAsync((HttpStatusCode)422, "bank_results_rejected");
        badWord.GetProperty("errors").GetProperty("lines[2]")[0].GetString().Should().Be("“结果”须为 成功 或 失败（也可写 paid、failed），而不是“也许”。");
        var noReference = await (await s.PostResultsAsync(batchId, $"结果,金额,业务参考号\r\n成功,4000.00,\r\n"))
            .ShouldBeProblemAsync((HttpStatusCode)422, "bank_results_rejected");
        noReference.GetProperty("errors").GetProperty("lines[2]")[0].GetString().Should().Be("“业务参考号”为空。");

        // The people's list's own headers, the columns moved about, the results in Chinese.
        var csv = "金额,业务参考号,结果,备注\r\n" +
                  $"4000.00,{lines[0][5]},成功,\r\n4000.00,{lines[1][5]},支付失败,户名不符\r\n4000.00,{lines[2][5]},PAID,\r\n";
        var imported = await s.PostResultsAsync(batchId, csv);
        imported.StatusCode.Should().Be(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        var summary = await ClaimApi.JsonAsync(imported);
        (summary.GetProperty("paid").GetInt32(), summary.GetProperty("failed").GetInt32()).Should().Be((2, 1));
        var failed = await ClaimApi.GetAsync(s.Finance, Guid.Parse(lines[1][0]));
        failed.Status().Should().Be("payout_failed");
        failed.GetProperty("history").EnumerateArray().Last().GetProperty("reason").GetString().Should().Contain("户名不符");
    }

    [Fact]
    public async Task A_file_with_any_bad_line_is_refused_whole_naming_each_line()
    {
        var (s, batchId, lines) = await PaidOutAsync(3);
        var (a, b) = (lines[0][5], lines[1][5]);
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        var events = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events WHERE claim_id IS NOT NULL");

        async Task<JsonElement> RefusedAsync(string body)
        {
            var response = await s.PostResultsAsync(batchId, "reference,result,amount,message\r\n" + body);
            return await response.ShouldBeProblemAsync((HttpStatusCode)422, "bank_results_rejected");
        }

        (await RefusedAsync($"{a},paid,4000.00,\r\nSP9999999999,paid,4000.00,\r\n")).GetProperty("errors").GetProperty("lines[3]")[0].GetString().Should().Contain("不属于本批次");
        (await RefusedAsync($"{a},paid,4000.00,\r\n{a},paid,4000.00,\r\n")).GetProperty("errors").GetProperty("lines[3]")[0].GetString().Should().Contain("重复");
        (await RefusedAsync($"{a},paid,4000.00,\r\n{b},ok,4000.00,\r\n")).GetProperty("errors").GetProperty("lines[3]")[0].GetString().Should().Contain("paid");
        var tooMany = string.Concat(lines.Select(l => $"{l[5]},paid,4000.00,\r\n")) + $"{a},paid,4000.00,\r\n";
        (await RefusedAsync(tooMany)).GetProperty("errors").GetProperty("file")[0].GetString().Should().Contain("超过本批次");
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events WHERE claim_id IS NOT NULL")).Should().Be(events, "a refused file applies nothing");
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM payments WHERE batch_id = @batchId AND state <> 'pending'", new { batchId })).Should().Be(0);

        // Settled one way, a later file may not settle it the other way.
        (await s.PostResultsAsync(batchId, $"reference,result,amount,message\r\n{a},paid,4000.00,\r\n")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await RefusedAsync($"{a},failed,4000.00,退票\r\n")).GetProperty("errors").GetProperty("lines[2]")[0].GetString().Should().Contain("已登记为支付成功");

        // Not a results file at all, or a batch not finished: refused too.
        await (await s.PostResultsAsync(batchId, "claimId,amount\r\nx,1\r\n")).ShouldBeValidationProblemNamingAsync("file");
        var unfinished = Guid.NewGuid();
        await App.Service<SubsidyService.Payouts.PayoutStore>().CreateBatchAsync(unfinished, "manual", null, DateTime.UtcNow);
        await (await s.PostResultsAsync(unfinished, $"reference,result,amount,message\r\n{b},paid,4000.00,\r\n"))
            .ShouldBeProblemAsync((HttpStatusCode)422, "batch_not_completed");
        (await s.People.Verifier.PostAsync($"/api/v1/payout-batches/{batchId}/bank-results", new StringContent("x", System.Text.Encoding.UTF8, "text/csv"))).StatusCode
            .Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task What_the_bank_paid_must_be_what_was_sent_and_only_the_batch_it_sent_imported_by_a_second_finance_user()
    {
        var (s, batchId, lines) = await PaidOutAsync(2);
        var (other, _, otherLines) = await PaidOutAsync(1);
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        var events = await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events WHERE claim_id IS NOT NULL");

        // A wrong amount on one line refuses the whole file, the good line included.
        var wrongAmount = $"reference,result,amount,message\r\n{lines[0][5]},paid,{lines[0][4]},\r\n{lines[1][5]},paid,3999.99,\r\n";
        var refused = await (await s.PostResultsAsync(batchId, wrongAmount)).ShouldBeProblemAsync((HttpStatusCode)422, "bank_results_rejected");
        refused.GetProperty("errors").GetProperty("lines[3]")[0].GetString().Should().Contain("3999.99").And.Contain("4000.00");
        refused.GetProperty("errors").TryGetProperty("lines[2]", out _).Should().BeFalse();
        var noAmount = $"reference,result,amount,message\r\n{lines[0][5]},paid,,\r\n";
        (await (await s.PostResultsAsync(batchId, noAmount)).ShouldBeProblemAsync((HttpStatusCode)422, "bank_results_rejected"))
            .GetProperty("errors").GetProperty("lines[2]")[0].GetString().Should().Contain("“金额”");
        // The old three-column file is not a results file any more.
        await (await s.PostResultsAsync(batchId, $"reference,result,message\r\n{lines[0][5]},paid,\r\n")).ShouldBeValidationProblemNamingAsync("file");

        // A payment of another batch is not one this batch sent.
        var foreign = PayoutSetup.Results((lines[0], "paid", null), (otherLines[0], "paid", null));
        (await (await s.PostResultsAsync(batchId, foreign)).ShouldBeProblemAsync((HttpStatusCode)422, "bank_results_rejected"))
            .GetProperty("errors").GetProperty("lines[3]")[0].GetString().Should().Contain("不属于本批次");

        // The finance user who ran the batch may not import its results, even a correct file.
        var correct = PayoutSetup.Results((lines[0], "paid", null), (lines[1], "failed", "账号已销户"));
        await (await PayoutSetup.PostResultsAsync(s.Finance, batchId, correct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "second_person_required");
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_events WHERE claim_id IS NOT NULL")).Should().Be(events, "every refused file applied nothing");
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM payments WHERE batch_id = @batchId AND state <> 'pending'", new { batchId })).Should().Be(0);

        var summary = await ClaimApi.JsonAsync(await s.PostResultsAsync(batchId, correct));
        (summary.GetProperty("paid").GetInt32(), summary.GetProperty("failed").GetInt32()).Should().Be((1, 1));
        (await ClaimApi.GetAsync(s.Finance, Guid.Parse(lines[0][0]))).Status().Should().Be("paid");
        (await ClaimApi.GetAsync(s.Finance, Guid.Parse(lines[1][0]))).Status().Should().Be("payout_failed");
        (await ClaimApi.GetAsync(other.Finance, Guid.Parse(otherLines[0][0]))).Status().Should().Be("in_payout");
    }

    [Fact]
    public async Task A_failed_payment_is_retried_after_the_applicant_corrects_the_account_and_paid_in_the_next_batch()
    {
        var (s, batchId, lines) = await PaidOutAsync(1);
        var claimId = Guid.Parse(lines[0][0]);
        (await s.PostResultsAsync(batchId, $"reference,result,amount,message\r\n{lines[0][5]},failed,4000.00,户名不符\r\n")).StatusCode.Should().Be(HttpStatusCode.OK);
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

        // A stranger's account is refused: the subsidy is paid only to the applicant.
        await (await ClaimApi.FireAsync(s.Applicant, failed, "correct_bank_account",
            data: new { bankName = "中国农业银行县支行", accountName = "王五", accountNumber = "6228 4800 1234 5678" }))
            .ShouldBeValidationProblemNamingAsync("data.accountName");
        var corrected = await ClaimApi.MustFireAsync(s.Applicant, failed, "correct_bank_account",
            data: new { bankName = "中国农业银行县支行", accountName = "张明", accountNumber = "6228 4800 1234 5678" });
        corrected.Status().Should().Be("payout_failed");
        var history = corrected.GetProperty("history").EnumerateArray().Last();
        history.GetProperty("trigger").GetString().Should().Be("correct_bank_account");

        // Money goes to the new account only once a verifier has confirmed it.
        await (await ClaimApi.FireAsync(s.Finance, corrected, "retry_payment")).ShouldBeProblemAsync((HttpStatusCode)422, "trigger_not_permitted");
        corrected.GetProperty("screening").EnumerateArray().Should().Contain(f => f.GetProperty("code").GetString() == "bank_account_changed");
        corrected = await ClaimApi.MustFireAsync(s.People.Verifier, corrected, "resolve_screening", reason: "已核实新账户为申请人本人账户",
            data: new { code = "bank_account_changed", decision = "confirm" });
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
        (await s.PostResultsAsync(nextId, $"reference,result,amount,message\r\n{line[5]},paid,4000.00,\r\n")).StatusCode.Should().Be(HttpStatusCode.OK);

        (await ClaimApi.GetAsync(s.Applicant, claimId)).Status().Should().Be("paid");
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        (await conn.QueryAsync<string>("SELECT state FROM payments WHERE claim_id = @claimId ORDER BY created_at", new { claimId }))
            .Should().Equal("failed", "paid");
        await s.People.BudgetShouldAgreeWithItsClaimsAsync(PayoutSetup.Year);
    }
}
