using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Operations;
using SubsidyService.Tests.Approval;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Objections;

/// <summary>Objections received during the public notice: recorded by staff, sustained through <c>object</c> or answered and dismissed.</summary>
public sealed class ObjectionTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Objector = "王小明";
    private const string Contact = "13912345678";

    private async Task<(ApprovalSetup People, JsonElement Claim)> InNoticeAsync()
    {
        var s = await ApprovalSetup.StartAsync(fixture.App);
        await s.SetBudgetAsync(fixture.App.Service<TimeProvider>().Today().Year, "10000000.00");
        var claim = await ClaimApi.MustFireAsync(s.Finance, await s.VerifiedAsync(), "approve");
        claim.Status().Should().Be("in_public_notice");
        return (s, claim);
    }

    private static async Task<JsonElement> RecordAsync(HttpClient staff, Guid claimId, string content = "该案判决已被再审撤销，申请人不应获得补助。")
    {
        var response = await staff.PostAsJsonAsync($"/api/v1/claims/{claimId}/objections", new { objector = Objector, contact = Contact, content });
        var json = await ClaimApi.JsonAsync(response);
        response.StatusCode.Should().Be(HttpStatusCode.Created, json.ToString());
        return json;
    }

    private static Guid IdOf(JsonElement objection) => objection.GetProperty("id").GetGuid();

    [Fact]
    public async Task An_objection_answered_and_dismissed_keeps_the_reply_and_leaves_the_claim_in_notice()
    {
        var (s, claim) = await InNoticeAsync();
        var objection = await RecordAsync(s.Verifier, claim.Id());
        objection.GetProperty("objector").GetString().Should().Be(Objector);
        objection.GetProperty("outcome").GetString().Should().Be("open");

        var url = $"/api/v1/objections/{IdOf(objection)}/dismiss";
        await (await s.Finance.PostAsJsonAsync(url, new { })).ShouldBeValidationProblemNamingAsync("reply");
        await (await s.Finance.PostAsJsonAsync(url, new { reply = "  " })).ShouldBeValidationProblemNamingAsync("reply");

        var dismissed = await s.Finance.PostAsJsonAsync(url, new { reply = "经核查，再审申请已被驳回，原判决有效。" });
        dismissed.StatusCode.Should().Be(HttpStatusCode.OK);
        var view = await ClaimApi.JsonAsync(dismissed);
        view.GetProperty("outcome").GetString().Should().Be("dismissed");
        view.GetProperty("reply").GetString().Should().Be("经核查，再审申请已被驳回，原判决有效。");
        (await ClaimApi.GetAsync(s.Verifier, claim.Id())).Status().Should().Be("in_public_notice");
        await (await s.Finance.PostAsJsonAsync(url, new { reply = "再答一次" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "objection_handled");

        var listed = await ClaimApi.JsonAsync(await s.Auditor.GetAsync($"/api/v1/objections?claimId={claim.Id()}"));
        listed.EnumerateArray().Should().ContainSingle().Which.GetProperty("reply").GetString().Should().StartWith("经核查");
        (await ClaimApi.JsonAsync(await s.Auditor.GetAsync("/api/v1/objections?outcome=dismissed"))).EnumerateArray()
            .Should().Contain(o => o.GetProperty("id").GetGuid() == IdOf(objection));
        await (await s.Auditor.GetAsync("/api/v1/objections?outcome=maybe")).ShouldBeValidationProblemNamingAsync("outcome");
    }

    [Fact]
    public async Task A_sustained_objection_sends_the_claim_back_to_review_and_the_applicant_never_sees_the_objector()
    {
        var (s, claim) = await InNoticeAsync();
        var objection = await RecordAsync(s.Finance, claim.Id(), "申请人已获省级同类资助。");
        var sustained = await s.Verifier.PostAsJsonAsync($"/api/v1/objections/{IdOf(objection)}/sustain", new { reply = "异议成立，已退回审核。" });
        sustained.StatusCode.Should().Be(HttpStatusCode.OK, await sustained.Content.ReadAsStringAsync());
        (await ClaimApi.JsonAsync(sustained)).GetProperty("outcome").GetString().Should().Be("sustained");

        var after = await ClaimApi.GetAsync(s.Verifier, claim.Id());
        after.Status().Should().Be("under_review");
        var objected = after.GetProperty("history").EnumerateArray().Last(h => h.GetProperty("trigger").GetString() == "object");
        objected.GetProperty("reason").GetString().Should().Contain("申请人已获省级同类资助");
        objected.GetProperty("data").GetProperty("objectionId").GetGuid().Should().Be(IdOf(objection));
        (await s.Finance.GetAsync($"/api/v1/claims/{claim.Id()}/letter")).StatusCode.Should().NotBe(HttpStatusCode.OK, "the approval letter is revoked");

        var mine = await ClaimApi.GetAsync(s.Applicant, claim.Id());
        var history = mine.GetProperty("history").ToString();
        history.Should().Contain("object").And.NotContain(Objector).And.NotContain(Contact).And.NotContain("objection_recorded");
        await (await s.Verifier.PostAsJsonAsync($"/api/v1/objections/{IdOf(objection)}/dismiss", new { reply = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "objection_handled");
    }

    [Fact]
    public async Task An_applicant_or_an_auditor_may_not_record_or_handle_an_objection()
    {
        var (s, claim) = await InNoticeAsync();
        var (stranger, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var body = new { objector = Objector, contact = Contact, content = "不应补助" };
        await (await stranger.PostAsJsonAsync($"/api/v1/claims/{claim.Id()}/objections", body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await s.Applicant.PostAsJsonAsync($"/api/v1/claims/{claim.Id()}/objections", body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await s.Auditor.PostAsJsonAsync($"/api/v1/claims/{claim.Id()}/objections", body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        var objection = await RecordAsync(s.Verifier, claim.Id());
        await (await stranger.PostAsJsonAsync($"/api/v1/objections/{IdOf(objection)}/dismiss", new { reply = "驳回" }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await s.Applicant.PostAsJsonAsync($"/api/v1/objections/{IdOf(objection)}/sustain", new { }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await s.Applicant.GetAsync("/api/v1/objections")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");

        // The refusals changed nothing: the objection is still open and the only one on the claim.
        var listed = await ClaimApi.JsonAsync(await s.Auditor.GetAsync($"/api/v1/objections?claimId={claim.Id()}"));
        listed.EnumerateArray().Select(o => o.GetProperty("outcome").GetString()).Should().Equal("open");
    }

    [Fact]
    public async Task An_objection_is_recorded_only_during_the_notice_and_with_its_content()
    {
        var s = await ApprovalSetup.StartAsync(fixture.App);
        var verified = await s.VerifiedAsync();
        var refused = await s.Verifier.PostAsJsonAsync($"/api/v1/claims/{verified.Id()}/objections", new { content = "不应补助" });
        await refused.ShouldBeProblemAsync((HttpStatusCode)422, "not_in_public_notice");
        await (await s.Verifier.PostAsJsonAsync($"/api/v1/claims/{Guid.NewGuid()}/objections", new { content = "不应补助" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");

        var (_, claim) = await InNoticeAsync();
        await (await s.Verifier.PostAsJsonAsync($"/api/v1/claims/{claim.Id()}/objections", new { objector = Objector }))
            .ShouldBeValidationProblemNamingAsync("content");
        await (await s.Verifier.PostAsJsonAsync($"/api/v1/claims/{claim.Id()}/objections",
            new { content = "x", receivedAt = DateTimeOffset.UtcNow.AddDays(2) })).ShouldBeValidationProblemNamingAsync("receivedAt");
        var anonymous = await s.Verifier.PostAsJsonAsync($"/api/v1/claims/{claim.Id()}/objections", new { content = "匿名来信：申请人不在本县居住。" });
        anonymous.StatusCode.Should().Be(HttpStatusCode.Created);

        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM objections WHERE claim_id = @id", new { id = verified.Id() })).Should().Be(0);
    }

    [Fact]
    public async Task Control_characters_in_an_objection_or_its_reply_are_refused_naming_the_field()
    {
        // What the malformed-request test posts to the objection page: PostgreSQL cannot keep a NUL in text.
        var (s, claim) = await InNoticeAsync();
        await (await s.Verifier.PostAsJsonAsync($"/api/v1/claims/{claim.Id()}/objections", new { content = "不应补助\u0000\u0001" }))
            .ShouldBeValidationProblemNamingAsync("content");
        await (await s.Verifier.PostAsJsonAsync($"/api/v1/claims/{claim.Id()}/objections", new { objector = "王\u0000", contact = "139\u0000", content = "不应补助" }))
            .ShouldBeValidationProblemNamingAsync("objector", "contact");

        var objection = await RecordAsync(s.Verifier, claim.Id(), "来信反映：申请人在本县无住所。\n附：来信一封。");
        await (await s.Finance.PostAsJsonAsync($"/api/v1/objections/{IdOf(objection)}/dismiss", new { reply = "经核实\u0000" }))
            .ShouldBeValidationProblemNamingAsync("reply");
    }

    [Fact]
    public async Task The_log_keeps_the_objector_and_contact_only_masked_and_fingerprinted()
    {
        var (s, claim) = await InNoticeAsync();
        var objection = await RecordAsync(s.Verifier, claim.Id());
        await s.Finance.PostAsJsonAsync($"/api/v1/objections/{IdOf(objection)}/dismiss", new { reply = "不成立" });

        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        var logged = (await conn.QueryAsync<(string Trigger, string? Reason, string? Data)>(
            "SELECT trigger, reason, data::text FROM claim_events WHERE claim_id = @id ORDER BY id", new { id = claim.Id() })).ToList();
        logged.Select(e => e.Trigger).Should().Contain(["objection_recorded", "objection_dismissed"]);
        logged.Should().NotContain(e => (e.Reason + e.Data).Contains(Contact) || (e.Reason + e.Data).Contains(Objector));
        var recorded = JsonDocument.Parse(logged.Single(e => e.Trigger == "objection_recorded").Data!).RootElement;
        recorded.GetProperty("objectorMasked").GetString().Should().Be("王**");
        recorded.GetProperty("contactMasked").GetString().Should().Be("139****5678");
        recorded.GetProperty("contactFingerprint").GetString().Should().StartWith("hmac-sha256:");
        // The row itself keeps them for staff and auditors.
        (await conn.ExecuteScalarAsync<string>("SELECT contact FROM objections WHERE id = @id", new { id = IdOf(objection) })).Should().Be(Contact);
        (await ClaimApi.JsonAsync(await s.Auditor.GetAsync("/api/v1/audit/verify"))).GetProperty("ok").GetBoolean().Should().BeTrue();
    }
}
