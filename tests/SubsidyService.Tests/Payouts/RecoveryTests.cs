using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using FluentAssertions;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Payouts;

/// <summary>A register imported after payment proposes a recovery; a person confirms it; finance records how it was settled.</summary>
public sealed class RecoveryTests(PayoutFixture fixture) : IClassFixture<PayoutFixture>
{
    private SubsidyApp App => fixture.App;

    [Fact]
    public async Task A_register_matching_a_paid_claim_opens_a_recovery_that_finance_settles_both_in_the_claims_history()
    {
        var s = await PayoutSetup.StartAsync(App);
        var claim = await s.ReadyThroughApiAsync();
        var batchId = (await s.RunBatchThroughApiAsync()).GetProperty("id").GetGuid();
        var line = PayoutSetup.Lines(await s.FileAsync(batchId)).Skip(1).Single(l => Guid.Parse(l[0]) == claim.Id());
        (await s.PostResultsAsync(batchId, $"reference,result,amount,message\r\n{line[5]},paid,4000.00,\r\n")).StatusCode.Should().Be(HttpStatusCode.OK);
        var caseNumber = claim.GetProperty("facts").GetProperty("caseNumber").GetString()!;

        var name = claim.GetProperty("facts").GetProperty("name").GetString()!;
        // The owner's view has the identity number whole (staff views mask it).
        var idNumber = (await ClaimApi.GetAsync(s.Applicant, claim.Id())).GetProperty("facts").GetProperty("idNumber").GetString()!;
        var register = $"source,level,recipientName,recipientId,caseNumber,amount,awardedOn,programme\r\n市知识产权局,市级,{name},{idNumber},{caseNumber},3000.00,2026-01-10,维权资助\r\n";
        var imported = await s.People.Verifier.PostAsync("/api/v1/registers/external-funding", new StringContent(register, Encoding.UTF8, "text/csv"));
        imported.StatusCode.Should().Be(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        (await ClaimApi.JsonAsync(imported)).GetProperty("recoveriesProposed").GetInt32().Should().Be(1);

        var list = await ClaimApi.JsonAsync(await s.People.Auditor.GetAsync("/api/v1/recoveries"));
        var recovery = list.EnumerateArray().Single(r => r.GetProperty("claimId").GetGuid() == claim.Id());
        recovery.GetProperty("amount").GetString().Should().Be("4000.00");
        // A register match alone makes nobody owe money: a person confirms what it proposes.
        recovery.GetProperty("state").GetString().Should().Be("proposed");
        var proposed = recovery.GetProperty("id").GetGuid();
        // The applicant is not told of a proposal; the log keeps the register's recipient only masked and fingerprinted.
        (await ClaimApi.GetAsync(s.Applicant, claim.Id())).GetProperty("history").EnumerateArray()
            .Select(h => h.GetProperty("trigger").GetString()).Should().NotContain("recovery_proposed");
        await using (var log = await TestPostgres.OpenAsync(App.ConnectionString))
        {
            var written = string.Concat(await log.QueryAsync<string>(
                "SELECT coalesce(data::text, '') || coalesce(reason, '') FROM claim_events WHERE claim_id = @id AND trigger = 'recovery_proposed'",
                new { id = claim.Id() }));
            written.Should().Contain("recipientIdFingerprint").And.NotContain(idNumber).And.NotContain(name);
        }
        (await s.Finance.PostAsJsonAsync($"/api/v1/recoveries/{proposed}/settle", new { method = "repaid", note = "x" }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "a proposal is not owed");
        await (await s.People.Verifier.PostAsJsonAsync($"/api/v1/recoveries/{proposed}/confirm", new { reason = "" }))
            .ShouldBeValidationProblemNamingAsync("reason");
        var confirmed = await s.People.Verifier.PostAsJsonAsync($"/api/v1/recoveries/{proposed}/confirm",
            new { reason = "名录受资助人即本申请人，同一案件" });
        confirmed.StatusCode.Should().Be(HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        recovery = await ClaimApi.JsonAsync(confirmed);
        recovery.GetProperty("state").GetString().Should().Be("open");
        // Once confirmed the applicant is told: the history shows what is owed, and the notice is in the inbox.
        var told = (await ClaimApi.GetAsync(s.Applicant, claim.Id())).GetProperty("history").EnumerateArray().Last();
        told.GetProperty("trigger").GetString().Should().Be("open_recovery");
        told.GetProperty("data").GetProperty("amount").GetString().Should().Be("4000.00");
        await using (var inbox = await TestPostgres.OpenAsync(App.ConnectionString))
            (await inbox.ExecuteScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE claim_id = @id AND kind = 'recovery'", new { id = claim.Id() }))
                .Should().Be(1);
        recovery.GetProperty("registerRow").GetProperty("caseNumber").GetString().Should().Be(caseNumber);
        recovery.GetProperty("settlement").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null);
        var paid = await ClaimApi.GetAsync(s.Finance, claim.Id());
        paid.Status().Should().Be("paid");
        paid.GetProperty("history").EnumerateArray().Last().GetProperty("trigger").GetString().Should().Be("open_recovery");

        var id = recovery.GetProperty("id").GetGuid();
        await (await s.Finance.PostAsJsonAsync($"/api/v1/recoveries/{id}/settle", new { method = "gift", note = "" }))
            .ShouldBeValidationProblemNamingAsync("method", "note");
        await (await s.Finance.PostAsJsonAsync($"/api/v1/recoveries/{id}/settle", new { method = "repaid", amount = "5000.00", note = "已退回" }))
            .ShouldBeValidationProblemNamingAsync("amount");
        (await s.People.Auditor.PostAsJsonAsync($"/api/v1/recoveries/{id}/settle", new { method = "repaid", note = "x" })).StatusCode
            .Should().Be(HttpStatusCode.Forbidden);

        var settled = await s.Finance.PostAsJsonAsync($"/api/v1/recoveries/{id}/settle",
            new { method = "repaid", reference = "缴款书 2026-0042", note = "申请人已全额退回国库" });
        settled.StatusCode.Should().Be(HttpStatusCode.OK, await settled.Content.ReadAsStringAsync());
        var view = await ClaimApi.JsonAsync(settled);
        view.GetProperty("state").GetString().Should().Be("settled");
        view.GetProperty("settlement").GetProperty("amount").GetString().Should().Be("4000.00");
        view.GetProperty("settlement").GetProperty("reference").GetString().Should().Be("缴款书 2026-0042");
        var history = (await ClaimApi.GetAsync(s.Finance, claim.Id())).GetProperty("history").EnumerateArray().Last();
        history.GetProperty("trigger").GetString().Should().Be("settle_recovery");

        (await s.Finance.PostAsJsonAsync($"/api/v1/recoveries/{id}/settle", new { method = "offset", note = "再次" }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict);
        // The same register again opens nothing new.
        var again = await s.People.Verifier.PostAsync("/api/v1/registers/external-funding", new StringContent(register, Encoding.UTF8, "text/csv"));
        (await ClaimApi.JsonAsync(again)).GetProperty("recoveriesProposed").GetInt32().Should().Be(0);
        await using var conn = await TestPostgres.OpenAsync(App.ConnectionString);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM recoveries WHERE claim_id = @id", new { id = claim.Id() })).Should().Be(1);
        (await ClaimApi.JsonAsync(await s.People.Auditor.GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean().Should().BeTrue();
    }

    /// <summary>A claim paid through a batch and the bank's answer, as the owner's API view.</summary>
    private static async Task<System.Text.Json.JsonElement> PaidAsync(PayoutSetup s)
    {
        var claim = await s.ReadyThroughApiAsync();
        var batchId = (await s.RunBatchThroughApiAsync()).GetProperty("id").GetGuid();
        var line = PayoutSetup.Lines(await s.FileAsync(batchId)).Skip(1).Single(l => Guid.Parse(l[0]) == claim.Id());
        (await s.PostResultsAsync(batchId, PayoutSetup.Results((line, "paid", null)))).StatusCode.Should().Be(HttpStatusCode.OK);
        return claim;
    }

    [Fact]
    public async Task A_proposal_dismissed_with_its_reason_is_owed_by_nobody()
    {
        var s = await PayoutSetup.StartAsync(App);
        var claim = await PaidAsync(s);
        var caseNumber = claim.GetProperty("facts").GetProperty("caseNumber").GetString()!;
        var register = $"source,level,recipientName,recipientId,caseNumber,amount,awardedOn,programme\r\n市知识产权局,市级,另一家公司,,{caseNumber},3000.00,2026-01-10,维权资助\r\n";
        (await s.People.Verifier.PostAsync("/api/v1/registers/external-funding", new StringContent(register, Encoding.UTF8, "text/csv")))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        var list = await ClaimApi.JsonAsync(await s.Finance.GetAsync("/api/v1/recoveries?state=proposed"));
        var id = list.EnumerateArray().Single(r => r.GetProperty("claimId").GetGuid() == claim.Id()).GetProperty("id").GetGuid();

        await (await s.Finance.PostAsJsonAsync($"/api/v1/recoveries/{id}/dismiss", new { })).ShouldBeValidationProblemNamingAsync("reason");
        (await s.People.Auditor.PostAsJsonAsync($"/api/v1/recoveries/{id}/dismiss", new { reason = "x" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var dismissed = await s.Finance.PostAsJsonAsync($"/api/v1/recoveries/{id}/dismiss", new { reason = "名录受资助人为另一家公司，非本申请人" });
        dismissed.StatusCode.Should().Be(HttpStatusCode.OK, await dismissed.Content.ReadAsStringAsync());
        var view = await ClaimApi.JsonAsync(dismissed);
        view.GetProperty("state").GetString().Should().Be("dismissed");
        view.GetProperty("decisionReason").GetString().Should().Contain("另一家公司");

        (await s.Finance.PostAsJsonAsync($"/api/v1/recoveries/{id}/confirm", new { reason = "改变主意" })).StatusCode.Should().Be(HttpStatusCode.Conflict);
        var staff = await ClaimApi.GetAsync(s.Finance, claim.Id());
        staff.Status().Should().Be("paid");
        staff.GetProperty("history").EnumerateArray().Last().GetProperty("trigger").GetString().Should().Be("recovery_dismissed");
        (await ClaimApi.GetAsync(s.Applicant, claim.Id())).GetProperty("history").EnumerateArray()
            .Select(h => h.GetProperty("trigger").GetString()).Should().NotContain("recovery_dismissed").And.NotContain("open_recovery");
    }

    [Fact]
    public async Task A_recovery_opened_directly_is_at_most_what_was_paid_and_answers_its_own_id()
    {
        var s = await PayoutSetup.StartAsync(App);
        var claim = await PaidAsync(s);

        await (await s.People.Verifier.PostAsJsonAsync("/api/v1/recoveries",
                new { claimId = claim.Id(), grounds = "gift", amount = "4000.01", reason = "" }))
            .ShouldBeValidationProblemNamingAsync("grounds", "reason");
        await (await s.People.Verifier.PostAsJsonAsync("/api/v1/recoveries",
                new { claimId = claim.Id(), grounds = "fraud", amount = "4000.01", reason = "发票系伪造" }))
            .ShouldBeValidationProblemNamingAsync("amount");
        (await s.Applicant.PostAsJsonAsync("/api/v1/recoveries", new { claimId = claim.Id(), grounds = "fraud", amount = "1.00", reason = "x" }))
            .StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var opened = await s.People.Verifier.PostAsJsonAsync("/api/v1/recoveries",
            new { claimId = claim.Id(), grounds = "fraud", amount = "2500.00", reason = "经核实发票系伪造" });
        opened.StatusCode.Should().Be(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var id = (await ClaimApi.JsonAsync(opened)).GetProperty("id").GetGuid();

        var list = await ClaimApi.JsonAsync(await s.People.Auditor.GetAsync("/api/v1/recoveries"));
        var recovery = list.EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        (recovery.GetProperty("claimId").GetGuid(), recovery.GetProperty("state").GetString(), recovery.GetProperty("grounds").GetString(),
            recovery.GetProperty("amount").GetString()).Should().Be((claim.Id(), "open", "fraud", "2500.00"));
        var told = (await ClaimApi.GetAsync(s.Applicant, claim.Id())).GetProperty("history").EnumerateArray().Last();
        told.GetProperty("trigger").GetString().Should().Be("open_recovery");
        told.GetProperty("data").GetProperty("grounds").GetString().Should().Be("fraud");
    }

    [Fact]
    public async Task A_register_matching_a_claim_in_payout_flags_it_and_its_failed_payment_cannot_be_retried()
    {
        var s = await PayoutSetup.StartAsync(App);
        var claim = await s.ReadyThroughApiAsync();
        var batchId = (await s.RunBatchThroughApiAsync()).GetProperty("id").GetGuid();
        (await ClaimApi.GetAsync(s.Finance, claim.Id())).Status().Should().Be("in_payout");
        var caseNumber = claim.GetProperty("facts").GetProperty("caseNumber").GetString()!;
        var register = $"source,level,recipientName,recipientId,caseNumber,amount,awardedOn,programme\r\n省知识产权局,省级,张明,,{caseNumber},3000.00,2026-01-10,维权资助\r\n";
        var imported = await s.People.Verifier.PostAsync("/api/v1/registers/external-funding", new StringContent(register, Encoding.UTF8, "text/csv"));
        (await ClaimApi.JsonAsync(imported)).GetProperty("matchedClaims").GetInt32().Should().Be(1);

        var line = PayoutSetup.Lines(await s.FileAsync(batchId)).Skip(1).Single(l => Guid.Parse(l[0]) == claim.Id());
        (await s.PostResultsAsync(batchId, PayoutSetup.Results((line, "failed", "账户冻结")))).StatusCode.Should().Be(HttpStatusCode.OK);
        var failed = await ClaimApi.GetAsync(s.Finance, claim.Id());
        failed.Status().Should().Be("payout_failed");
        failed.GetProperty("screening").EnumerateArray().Should().Contain(f =>
            f.GetProperty("code").GetString() == "external_funding_match" && f.GetProperty("resolution").ValueKind == System.Text.Json.JsonValueKind.Null);
        failed.GetProperty("permittedTriggers").EnumerateArray().Select(t => t.GetString()).Should().NotContain("retry_payment");
        await (await ClaimApi.FireAsync(s.Finance, failed, "retry_payment")).ShouldBeProblemAsync((HttpStatusCode)422, "trigger_not_permitted");
    }
}
