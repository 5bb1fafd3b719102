using System.Net;
using System.Text.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Claims;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Policy;

namespace SubsidyService.Tests.ServiceHall;

/// <summary>The applicant rates the service once a claim is paid or rejected, once, their own claim only; staff see the averages.</summary>
public sealed class ServiceRatingTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private sealed record Applicant(User User, HttpClient Api, HttpClient Browser);

    private async Task<Applicant> ApplicantAsync()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Applicant);
        var browser = PageForms.Browser(fixture.App);
        var token = await PageForms.TokenAsync(browser, "/Account/Login");
        await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Username"] = user.Username, ["Password"] = SubsidyApp.Password, ["__RequestVerificationToken"] = token,
        }));
        return new Applicant(user, fixture.App.ClientWithToken(await fixture.App.TokenAsync(user.Username)), browser);
    }

    private async Task<JsonElement> SubmittedAsync(Applicant applicant) =>
        await ClaimApi.MustFireAsync(applicant.Api, await ClaimApi.CreateAsync(applicant.Api, documents: false), "submit");

    private async Task<JsonElement> RejectedAsync(Applicant applicant)
    {
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        return await ClaimApi.MustFireAsync(verifier, await SubmittedAsync(applicant), "reject", reason: "判决结果为败诉", reasonCode: "not_won");
    }

    private static async Task<HttpResponseMessage> RateAsync(HttpClient browser, Guid claim, string score, string comment = "")
    {
        var page = $"/Applicant/Claims/{claim}";
        var token = await PageForms.TokenAsync(browser, page);
        return await browser.PostAsync($"{page}?handler=Rate", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["score"] = score, ["comment"] = comment, ["__RequestVerificationToken"] = token,
        }));
    }

    private async Task<long> RatingsOfAsync(Guid claim)
    {
        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        return await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claim_ratings WHERE claim_id = @claim", new { claim });
    }

    [Fact]
    public async Task A_rejected_claim_is_rated_once_on_its_page_and_the_rating_is_shown_instead_of_the_form()
    {
        var applicant = await ApplicantAsync();
        var claim = (await RejectedAsync(applicant)).Id();
        (await applicant.Browser.GetStringAsync($"/Applicant/Claims/{claim}")).Should().Contain("评价本次服务").And.Contain("name=\"score\"");

        var rated = await RateAsync(applicant.Browser, claim, "4", "审核意见写得清楚");
        rated.StatusCode.Should().Be(HttpStatusCode.Redirect, await rated.Content.ReadAsStringAsync());
        var page = await applicant.Browser.GetStringAsync($"/Applicant/Claims/{claim}");
        page.Should().Contain("感谢您的评价").And.Contain("4 分（满分 5 分）：审核意见写得清楚").And.NotContain("name=\"score\"");

        var again = await fixture.App.Service<ClaimRatings>().RateAsync(applicant.User.AsActor(), claim, 1, "改成差评");
        again!.Code.Should().Be("already_rated");
        (await RatingsOfAsync(claim)).Should().Be(1);
        (await fixture.App.Service<ClaimRatings>().ForClaimAsync(claim))!.Score.Should().Be(4);
    }

    [Fact]
    public async Task A_claim_still_in_progress_cannot_be_rated_nor_another_applicants_claim_nor_with_a_score_out_of_range()
    {
        var owner = await ApplicantAsync();
        var submitted = (await SubmittedAsync(owner)).Id();
        (await owner.Browser.GetStringAsync($"/Applicant/Claims/{submitted}")).Should().NotContain("评价本次服务");
        var early = await (await RateAsync(owner.Browser, submitted, "5")).Content.ReadAsStringAsync();
        early.Should().Contain("申请办结（已拨付或已驳回）后才能评价");
        (await RatingsOfAsync(submitted)).Should().Be(0);

        var rejected = (await RejectedAsync(owner)).Id();
        var stranger = await ApplicantAsync();
        (await fixture.App.Service<ClaimRatings>().RateAsync(stranger.User.AsActor(), rejected, 1, null))!.Status.Should().Be(404);
        var outOfRange = await (await RateAsync(owner.Browser, rejected, "6")).Content.ReadAsStringAsync();
        outOfRange.Should().Contain("data-field=\"score\"");
        (await RatingsOfAsync(rejected)).Should().Be(0);
    }

    [Fact]
    public async Task Finance_and_auditors_see_the_count_and_averages_on_the_report()
    {
        var ratings = fixture.App.Service<ClaimRatings>();
        var first = await ApplicantAsync();
        var rejected = (await RejectedAsync(first)).Id();
        var paidClaim = (await SubmittedAsync(first)).Id();
        // A paid claim takes a budget, a notice period and a bank file; its status is what the rating looks at.
        await using (var conn = await TestPostgres.OpenAsync(fixture.ConnectionString))
            await conn.ExecuteAsync("UPDATE claims SET status = 'paid' WHERE id = @paidClaim", new { paidClaim });
        var before = await ratings.SummaryAsync(DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(1));

        (await ratings.RateAsync(first.User.AsActor(), rejected, 2, null)).Should().BeNull();
        (await ratings.RateAsync(first.User.AsActor(), paidClaim, 5, "到账很快")).Should().BeNull();

        var after = await ratings.SummaryAsync(DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(1));
        after.Count.Should().Be(before.Count + 2);
        after.PaidCount.Should().Be(before.PaidCount + 1);
        after.RejectedCount.Should().Be(before.RejectedCount + 1);
        if (before.Count == 0) after.Average.Should().Be(3.50m);

        foreach (var role in new[] { Roles.Finance, Roles.Auditor })
        {
            var staff = await PageForms.SignedInAsync(fixture.App, role);
            var report = await staff.GetStringAsync("/Reports");
            report.Should().Contain("服务评价（好差评）").And.Contain($"{after.Count} 件").And.Contain($"{after.Average:0.00} 分（满分 5 分）")
                .And.NotContain("到账很快", "staff see the figures, not who said what");
        }
    }
}
