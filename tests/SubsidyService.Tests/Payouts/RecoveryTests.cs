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

        var register = $"source,level,recipientName,recipientId,caseNumber,amount,awardedOn,programme\r\n市知识产权局,市级,{claim.GetProperty("facts").GetProperty("name").GetString()},,{caseNumber},3000.00,2026-01-10,维权资助\r\n";
        var imported = await s.People.Verifier.PostAsync("/api/v1/registers/external-funding", new StringContent(register, Encoding.UTF8, "text/csv"));
        imported.StatusCode.Should().Be(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        (await ClaimApi.JsonAsync(imported)).GetProperty("recoveriesProposed").GetInt32().Should().Be(1);

        var list = await ClaimApi.JsonAsync(await s.People.Auditor.GetAsync("/api/v1/recoveries"));
        var recovery = list.EnumerateArray().Single(r => r.GetProperty("claimId").GetGuid() == claim.Id());
        recovery.GetProperty("amount").GetString().Should().Be("4000.00");
        // A register match alone makes nobody owe money: a person confirms what it proposes.
        recovery.GetProperty("state").GetString().Should().Be("proposed");
        var proposed = recovery.GetProperty("id").GetGuid();
        (await s.Finance.PostAsJsonAsync($"/api/v1/recoveries/{proposed}/settle", new { method = "repaid", note = "x" }))
            .StatusCode.Should().Be(HttpStatusCode.Conflict, "a proposal is not owed");
        await (await s.People.Verifier.PostAsJsonAsync($"/api/v1/recoveries/{proposed}/confirm", new { reason = "" }))
            .ShouldBeValidationProblemNamingAsync("reason");
        var confirmed = await s.People.Verifier.PostAsJsonAsync($"/api/v1/recoveries/{proposed}/confirm",
            new { reason = "名录受资助人即本申请人，同一案件" });
        confirmed.StatusCode.Should().Be(HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        recovery = await ClaimApi.JsonAsync(confirmed);
        recovery.GetProperty("state").GetString().Should().Be("open");
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
}
