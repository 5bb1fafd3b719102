using Hangfire;
using System.Net;
using System.Text.RegularExpressions;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Operations.Idempotency;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Pages;

namespace SubsidyService.Tests.Jobs;

/// <summary>The job dashboard behind the service's own sign-in: admins act, finance looks, nobody else enters.</summary>
public sealed partial class JobsDashboardTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private SubsidyApp App => fixture.App;

    [Fact]
    public async Task An_anonymous_visitor_is_sent_to_sign_in()
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync("/jobs");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().Should().Contain("/Account/Login");
    }

    [Theory]
    [InlineData(Roles.Applicant)]
    [InlineData(Roles.Verifier)]
    [InlineData(Roles.Auditor)]
    public async Task Other_roles_are_refused(string role)
    {
        var browser = await PageBrowser.SignInAsync(App, role);
        (await browser.Client.GetAsync("/jobs")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await browser.Client.GetAsync("/jobs/recurring")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Finance_sees_the_jobs_but_cannot_trigger_or_delete_them()
    {
        var browser = await PageBrowser.SignInAsync(App, Roles.Finance);
        var page = await browser.HtmlAsync("/jobs/recurring");
        page.Should().Contain(IdempotencyCleanupJob.Id);
        page.Should().NotContain("recurring/trigger", "the read-only dashboard offers no actions");

        var before = await JobCountAsync();
        (await PostCommandAsync(browser, page, "/jobs/recurring/trigger")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await PostCommandAsync(browser, page, "/jobs/recurring/remove")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await JobCountAsync()).Should().Be(before, "nothing was enqueued");
        (await browser.HtmlAsync("/jobs/recurring")).Should().Contain(IdempotencyCleanupJob.Id, "nothing was removed");
    }

    [Fact]
    public async Task An_admin_may_trigger_a_job_now()
    {
        var browser = await PageBrowser.SignInAsync(App, Roles.Admin);
        var page = await browser.HtmlAsync("/jobs/recurring");
        page.Should().Contain("recurring/trigger");

        var before = await JobCountAsync();
        (await PostCommandAsync(browser, page, "/jobs/recurring/trigger")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await JobCountAsync()).Should().Be(before + 1);

        // The act is in the security log, with what was triggered; finance's refused tries are not acts.
        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        var recorded = await conn.QueryAsync<string>(
            "SELECT data::text FROM claim_events WHERE claim_id IS NULL AND trigger = 'job_dashboard_action' AND actor_id = @Id", new { browser.User.Id });
        recorded.Should().ContainSingle().Which.Should().Contain("/recurring/trigger").And.Contain(IdempotencyCleanupJob.Id).And.Contain("\"role\":\"admin\"");
    }

    [Fact]
    public async Task An_admin_may_not_trigger_or_delete_a_payout_job_from_the_dashboard()
    {
        var browser = await PageBrowser.SignInAsync(App, Roles.Admin);
        var page = await browser.HtmlAsync("/jobs/recurring");
        page.Should().Contain(SubsidyService.Payouts.ScheduledPayout.JobId);

        var before = await JobCountAsync();
        var trigger = await PostCommandAsync(browser, page, "/jobs/recurring/trigger", SubsidyService.Payouts.ScheduledPayout.JobId);
        trigger.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await trigger.Content.ReadAsStringAsync()).Should().Contain("财务操作");
        (await PostCommandAsync(browser, page, "/jobs/recurring/remove", SubsidyService.Payouts.ScheduledPayout.JobId)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await JobCountAsync()).Should().Be(before, "nothing was enqueued");
        (await browser.HtmlAsync("/jobs/recurring")).Should().Contain(SubsidyService.Payouts.ScheduledPayout.JobId, "nothing was removed");

        // A background job that runs a batch, named by its number, is refused the same way.
        var number = App.Service<IBackgroundJobClient>().Schedule<SubsidyService.Payouts.PayoutBatchRunner>(
            r => r.RunBatchAsync(Guid.NewGuid(), CancellationToken.None), TimeSpan.FromDays(365));
        (await PostCommandAsync(browser, page, "/jobs/jobs/scheduled/delete", number)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await PostCommandAsync(browser, page, "/jobs/jobs/scheduled/enqueue", number)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    /// <summary>A dashboard command as its own script sends it: the job ids and the antiforgery header from the page.</summary>
    private static Task<HttpResponseMessage> PostCommandAsync(PageBrowser browser, string page, string path, string job = IdempotencyCleanupJob.Id)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new FormUrlEncodedContent([new("jobs[]", job)]),
        };
        request.Headers.Add(CsrfHeader().Match(page).Groups[1].Value, CsrfToken().Match(page).Groups[1].Value);
        return browser.Client.SendAsync(request);
    }

    private async Task<long> JobCountAsync()
    {
        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        return await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM hangfire.job");
    }

    [GeneratedRegex("<meta name=\"csrf-header\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfHeader();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]+)\"")]
    private static partial Regex CsrfToken();
}
