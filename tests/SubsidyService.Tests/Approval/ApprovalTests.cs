using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Approval;

public sealed class ApprovalTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static int Year => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;

    [Fact]
    public async Task Approval_reserves_the_budget_starts_the_notice_and_issues_a_numbered_letter()
    {
        var s = await ApprovalSetup.StartAsync(fixture.App);
        await s.SetBudgetAsync(Year, "100000.00");
        var before = await s.BudgetAsync(Year);
        var claim = await s.VerifiedAsync();
        claim.Triggers().Should().BeEmpty("a verifier cannot approve");

        var approved = await ClaimApi.MustFireAsync(s.Finance, claim, "approve");

        approved.Status().Should().Be("in_public_notice");
        var letter = approved.GetProperty("letter");
        letter.GetProperty("number").GetString().Should().MatchRegex($@"〔{Year}〕第\d{{4}}号$");
        letter.GetProperty("sha256").GetString().Should().MatchRegex("^[0-9a-f]{64}$");
        approved.GetProperty("noticeEndsOn").GetString().Should().NotBeNull();
        var after = await s.BudgetAsync(Year);
        Money(after, "reserved").Should().Be(Money(before, "reserved") + 4000m);
        Money(after, "remaining").Should().Be(Money(before, "remaining") - 4000m);
        approved.Triggers().Should().BeEquivalentTo(["object"]);
        var approve = approved.GetProperty("history").EnumerateArray().Last();
        approve.GetProperty("trigger").GetString().Should().Be("approve");
        approve.GetProperty("data").GetProperty("approval").GetProperty("reserved").GetString().Should().Be("4000.00");
        await s.BudgetShouldAgreeWithItsClaimsAsync(Year);
    }

    [Fact]
    public async Task The_letter_downloads_for_its_owner_and_staff_and_verifies_by_number_and_hash()
    {
        var s = await ApprovalSetup.StartAsync(fixture.App);
        await s.SetBudgetAsync(Year, "100000.00");
        var approved = await ClaimApi.MustFireAsync(s.Finance, await s.VerifiedAsync(), "approve");
        var number = approved.GetProperty("letter").GetProperty("number").GetString()!;
        var sha = approved.GetProperty("letter").GetProperty("sha256").GetString()!;

        var pdf = await s.Applicant.GetAsync($"/api/v1/claims/{approved.Id()}/letter");
        pdf.StatusCode.Should().Be(HttpStatusCode.OK);
        pdf.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(await pdf.Content.ReadAsByteArrayAsync())).Should().Be(sha);
        (await s.Auditor.GetAsync($"/api/v1/claims/{approved.Id()}/letter")).StatusCode.Should().Be(HttpStatusCode.OK);
        var (stranger, _) = await fixture.App.ClientAsAsync("applicant");
        await (await stranger.GetAsync($"/api/v1/claims/{approved.Id()}/letter")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");

        using var anonymous = fixture.App.CreateClient();
        var genuine = await ClaimApi.JsonAsync(await anonymous.GetAsync($"/api/v1/letters/{Uri.EscapeDataString(number)}/verify?sha256={sha}"));
        genuine.GetProperty("valid").GetBoolean().Should().BeTrue();
        genuine.GetProperty("revoked").GetBoolean().Should().BeFalse();
        genuine.GetProperty("amount").GetString().Should().Be("4000.00");
        genuine.TryGetProperty("claimId", out _).Should().BeFalse("a letter's holder learns nothing of the claim behind it");
        var forged = await ClaimApi.JsonAsync(await anonymous.GetAsync($"/api/v1/letters/{Uri.EscapeDataString(number)}/verify?sha256={new string('0', 64)}"));
        forged.GetProperty("valid").GetBoolean().Should().BeFalse();
        var unknown = await ClaimApi.JsonAsync(await anonymous.GetAsync($"/api/v1/letters/{Uri.EscapeDataString("县知补〔1999〕第9999号")}/verify?sha256={sha}"));
        unknown.GetProperty("valid").GetBoolean().Should().BeFalse();
    }

    [Fact]
    public async Task An_objection_revokes_the_letter_and_releases_the_budget_and_a_new_approval_takes_a_new_number()
    {
        var s = await ApprovalSetup.StartAsync(fixture.App);
        await s.SetBudgetAsync(Year, "100000.00");
        var approved = await ClaimApi.MustFireAsync(s.Finance, await s.VerifiedAsync(), "approve");
        var first = approved.GetProperty("letter").GetProperty("number").GetString()!;
        var reservedBefore = Money(await s.BudgetAsync(Year), "reserved");

        (await ClaimApi.FireAsync(s.Finance, approved, "object")).StatusCode.Should().Be(HttpStatusCode.BadRequest, "an objection needs a reason");
        var objected = await ClaimApi.MustFireAsync(s.Verifier, approved, "object", reason: "公示期间收到异议：发票真实性存疑");

        objected.Status().Should().Be("under_review");
        objected.GetProperty("letter").ValueKind.Should().Be(JsonValueKind.Null);
        Money(await s.BudgetAsync(Year), "reserved").Should().Be(reservedBefore - 4000m);
        using var anonymous = fixture.App.CreateClient();
        var sha = approved.GetProperty("letter").GetProperty("sha256").GetString()!;
        var verdict = await ClaimApi.JsonAsync(await anonymous.GetAsync($"/api/v1/letters/{Uri.EscapeDataString(first)}/verify?sha256={sha}"));
        verdict.GetProperty("revoked").GetBoolean().Should().BeTrue();
        await s.BudgetShouldAgreeWithItsClaimsAsync(Year);

        var again = await ClaimApi.MustFireAsync(s.Finance, await ClaimApi.MustFireAsync(s.Verifier, objected, "verify"), "approve");
        again.GetProperty("letter").GetProperty("number").GetString().Should().NotBe(first);
        await s.BudgetShouldAgreeWithItsClaimsAsync(Year);
    }

    [Fact]
    public async Task Approval_beyond_the_budget_is_refused_and_changes_nothing()
    {
        var s = await ApprovalSetup.StartAsync(fixture.App);
        var year = Year;
        var claim = await s.VerifiedAsync();
        // Whatever other tests reserved, leave less than this claim needs.
        var current = await s.BudgetAsync(year);
        var used = Money(current, "reserved") + Money(current, "paid");
        await s.SetBudgetAsync(year, (used + 3999.99m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));

        await (await ClaimApi.FireAsync(s.Finance, claim, "approve")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "insufficient_budget");

        var after = await ClaimApi.GetAsync(s.Finance, claim.Id());
        after.Status().Should().Be("verified");
        after.GetProperty("version").GetInt32().Should().Be(claim.GetProperty("version").GetInt32());
        after.GetProperty("letter").ValueKind.Should().Be(JsonValueKind.Null);
        Money(await s.BudgetAsync(year), "reserved").Should().Be(Money(current, "reserved"));
        await s.SetBudgetAsync(year, "100000000.00");
    }

    [Fact]
    public async Task A_rejection_issues_a_rejection_notice_to_the_applicant()
    {
        var s = await ApprovalSetup.StartAsync(fixture.App);
        var claim = await s.VerifiedAsync();
        var rejected = await ClaimApi.MustFireAsync(s.Finance, claim, "reject", reason: "代理合同与发票抬头不一致", reasonCode: "evidence_insufficient");
        rejected.Status().Should().Be("rejected");
        var number = rejected.GetProperty("letter").GetProperty("number").GetString()!;
        var pdf = await s.Applicant.GetAsync($"/api/v1/claims/{rejected.Id()}/letter");
        pdf.StatusCode.Should().Be(HttpStatusCode.OK);
        await using var conn = await TestPostgres.OpenAsync(fixture.App.ConnectionString);
        (await conn.ExecuteScalarAsync<string>("SELECT kind FROM letters WHERE number = @number", new { number })).Should().Be("rejection");
    }

    [Fact]
    public async Task Budgets_are_set_by_finance_read_by_auditors_and_checked()
    {
        var s = await ApprovalSetup.StartAsync(fixture.App);
        await s.SetBudgetAsync(2031, "250000.00");
        var budget = await s.BudgetAsync(2031);
        budget.GetProperty("amount").GetString().Should().Be("250000.00");
        budget.GetProperty("reserved").GetString().Should().Be("0.00");
        budget.GetProperty("remaining").GetString().Should().Be("250000.00");
        (await s.Auditor.GetAsync("/api/v1/budgets/2031")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await s.Auditor.PutAsJsonAsync("/api/v1/budgets/2031", new { amount = "1.00" })).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await s.Verifier.GetAsync("/api/v1/budgets/2031")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await s.Applicant.GetAsync("/api/v1/budgets/2031")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        await (await s.Finance.PutAsJsonAsync("/api/v1/budgets/2031", new { amount = "-5" })).ShouldBeValidationProblemNamingAsync("amount");
        await (await s.Finance.PutAsJsonAsync("/api/v1/budgets/2031", new { amount = "1.234" })).ShouldBeValidationProblemNamingAsync("amount");
        await (await s.Finance.PutAsJsonAsync("/api/v1/budgets/1800", new { amount = "1.00" })).ShouldBeValidationProblemNamingAsync("year");
        await (await s.Finance.GetAsync("/api/v1/budgets/2032")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_register_match_during_the_notice_sends_the_claim_back_revokes_its_letter_and_releases_its_budget()
    {
        var s = await ApprovalSetup.StartAsync(fixture.App);
        await s.SetBudgetAsync(Year, "100000000.00");
        var approved = await ClaimApi.MustFireAsync(s.Finance, await s.VerifiedAsync(), "approve");
        var number = approved.GetProperty("letter").GetProperty("number").GetString()!;
        var sha = approved.GetProperty("letter").GetProperty("sha256").GetString()!;
        var reserved = Money(await s.BudgetAsync(Year), "reserved");
        var caseNumber = approved.GetProperty("facts").GetProperty("caseNumber").GetString()!;

        var import = await s.Verifier.PostAsync("/api/v1/registers/external-funding", new StringContent(
            "source,level,recipientName,recipientId,caseNumber,amount,awardedOn,programme\n" +
            $"省知识产权局,省级,张明,,{caseNumber},3000.00,2024-08-01,维权援助\n", System.Text.Encoding.UTF8, "text/csv"));
        import.StatusCode.Should().Be(HttpStatusCode.OK, await import.Content.ReadAsStringAsync());

        var back = await ClaimApi.GetAsync(s.Finance, approved.Id());
        back.Status().Should().Be("under_review");
        back.GetProperty("letter").ValueKind.Should().Be(JsonValueKind.Null);
        back.GetProperty("history").EnumerateArray().Last().GetProperty("trigger").GetString().Should().Be("screening_flag_raised");
        Money(await s.BudgetAsync(Year), "reserved").Should().Be(reserved - 4000m);
        using var anonymous = fixture.App.CreateClient();
        (await ClaimApi.JsonAsync(await anonymous.GetAsync($"/api/v1/letters/{Uri.EscapeDataString(number)}/verify?sha256={sha}")))
            .GetProperty("revoked").GetBoolean().Should().BeTrue();
        await s.BudgetShouldAgreeWithItsClaimsAsync(Year);
    }

    private static decimal Money(JsonElement budget, string field) =>
        decimal.Parse(budget.GetProperty(field).GetString()!, System.Globalization.CultureInfo.InvariantCulture);
}
