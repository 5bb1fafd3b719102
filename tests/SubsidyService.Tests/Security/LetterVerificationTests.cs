using System.Net;
using System.Text.RegularExpressions;
using FluentAssertions;
using SubsidyService.Letters.Tests;
using SubsidyService.Tests.Approval;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Letters;

namespace SubsidyService.Tests.Security;

/// <summary>A letter number is sequential: verifying needs what only the letter's holder has, answers no more than the letter says, and is rate-limited.</summary>
public sealed partial class LetterVerificationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static int Year => DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).Year;

    [Fact]
    public async Task A_number_alone_is_refused_and_the_code_printed_under_the_qr_verifies_without_naming_the_claim()
    {
        var s = await ApprovalSetup.StartAsync(fixture.App);
        await s.SetBudgetAsync(Year, "100000.00");
        var approved = await ClaimApi.MustFireAsync(s.Finance, await s.VerifiedAsync(), "approve");
        var number = approved.GetProperty("letter").GetProperty("number").GetString()!;
        var pdf = await (await s.Applicant.GetAsync($"/api/v1/claims/{approved.Id()}/letter")).Content.ReadAsByteArrayAsync();
        var code = PrintedCode().Match(Poppler.Text(pdf)).Groups[1].Value;
        code.Should().MatchRegex("^[0-9A-Z]{5}-[0-9A-Z]{5}$", "the letter prints its verification code under the QR code");
        Poppler.QrCodes(pdf, Poppler.Pages(pdf)).Should().ContainSingle().Which.Should().EndWith("&code=" + code);
        using var anonymous = fixture.App.CreateClient();
        var path = $"/api/v1/letters/{Uri.EscapeDataString(number)}/verify";

        await (await anonymous.GetAsync(path)).ShouldBeValidationProblemNamingAsync("code");

        var genuine = await ClaimApi.JsonAsync(await anonymous.GetAsync(path + "?code=" + code.ToLowerInvariant()));
        genuine.GetProperty("valid").GetBoolean().Should().BeTrue();
        genuine.GetProperty("amount").GetString().Should().Be("4000.00");
        genuine.TryGetProperty("claimId", out _).Should().BeFalse();
        genuine.ToString().Should().NotContain(approved.Id().ToString());

        var guessed = await ClaimApi.JsonAsync(await anonymous.GetAsync(path + "?code=00000-00000"));
        guessed.GetProperty("valid").GetBoolean().Should().BeFalse();
        guessed.GetProperty("amount").ValueKind.Should().Be(System.Text.Json.JsonValueKind.Null, "a wrong code learns nothing");

        await ClaimApi.MustFireAsync(s.Verifier, approved, "object", reason: "内部意见：申请人疑似重复申报");
        var revoked = await anonymous.GetAsync(path + "?code=" + code);
        var body = await revoked.Content.ReadAsStringAsync();
        (await ClaimApi.JsonAsync(revoked)).GetProperty("revoked").GetBoolean().Should().BeTrue();
        body.Should().NotContain("疑似重复申报", "staff's reasons stay inside").And.NotContain(approved.Id().ToString());
    }

    [Fact]
    public async Task Verifying_past_the_per_address_limit_answers_429_for_the_api_and_the_page_alike()
    {
        await using var app = new SubsidyApp(fixture.ConnectionString, settings: new Dictionary<string, string?> { ["RateLimits:LetterVerifyPerMinute"] = "3" });
        using var client = app.CreateClient();
        var path = $"/api/v1/letters/{Uri.EscapeDataString("县知补〔2026〕第0001号")}/verify?code=00000-00000";
        (await client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync(path)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/Letters/Verify")).StatusCode.Should().Be(HttpStatusCode.OK);

        var refused = await client.GetAsync(path);
        await refused.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        refused.Headers.RetryAfter.Should().NotBeNull();
        (await client.GetAsync("/Letters/Verify?number=x&code=00000-00000")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);
    }

    [GeneratedRegex(@"核验码\s*([0-9A-Z]{5}-[0-9A-Z]{5})")]
    private static partial Regex PrintedCode();
}
