using System.Net;
using System.Net.Http.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Policy;

namespace SubsidyService.Tests.ServiceHall;

/// <summary>The home page's service guide, its legal basis and sample, and the personal-information consent at registration.</summary>
public sealed class ServiceGuideTests : IAsyncLifetime
{
    private const string Phone = "0574-87654321";
    private SubsidyApp app = null!;
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        app = new SubsidyApp(connectionString, settings: new Dictionary<string, string?>
        {
            ["Authority:ConsultationPhone"] = Phone,
        });
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task The_guide_states_the_time_limit_telephone_basis_samples_and_that_it_is_free()
    {
        var client = app.CreateClient();
        (await client.GetStringAsync("/")).Should().Contain("审核时限 20 个工作日", "the version in force gives its own time limit");
        // The guide promises what the version in force gives a claim submitted today, not a figure of its own.
        await using (var conn = await TestPostgres.OpenAsync(connectionString))
            await conn.ExecuteAsync("UPDATE policy_versions SET definition = definition || '{\"reviewWorkingDays\": 15}'");
        var home = "";
        for (var i = 0; i < 100 && !home.Contains("审核时限 15 个工作日"); i++, await Task.Delay(100))
            home = await client.GetStringAsync("/");
        home.Should().Contain("id=\"service-guide\"").And.Contain("审核时限 15 个工作日").And.Contain(Phone).And.Contain("不收费")
            .And.Contain("href=\"/Guide/Basis\"").And.Contain("href=\"/Guide/Sample\"");

        var basis = await client.GetStringAsync("/Guide/Basis");
        basis.Should().Contain("对专利侵权诉讼案件中胜诉的县维权请求人").And.Contain("对法人补助不超过1万元").And.Contain("责任单位：县市场监管局〔知识产权局〕、财政局");
        var sample = await client.GetStringAsync("/Guide/Sample");
        sample.Should().Contain("申请表填写样例").And.Contain("材料清单").And.Contain("维权代理合同");
    }

    [Fact]
    public async Task Registration_shows_the_notice_refuses_without_consent_and_records_its_version_and_time()
    {
        var browser = PageForms.Browser(app);
        var form = await browser.GetStringAsync("/Account/Register");
        form.Should().Contain(PrivacyNotice.Title).And.Contain("name=\"PrivacyConsent\"").And.Contain("敏感个人信息");
        var token = await PageForms.TokenAsync(browser, "/Account/Register");
        Dictionary<string, string> Fields(string username) => new()
        {
            ["Username"] = username, ["DisplayName"] = "张三", ["Email"] = username + "@test.example",
            ["Password"] = "Consent-Test-2026", ["__RequestVerificationToken"] = token,
        };

        var refused = await browser.PostAsync("/Account/Register", new FormUrlEncodedContent(Fields("no.consent")));
        refused.StatusCode.Should().Be(HttpStatusCode.OK);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("data-field=\"privacyConsent\"");
        (await app.Service<UserStore>().FindByUsernameAsync("no.consent")).Should().BeNull();

        var agreed = await browser.PostAsync("/Account/Register", new FormUrlEncodedContent(new Dictionary<string, string>(Fields("with.consent")) { ["PrivacyConsent"] = "true" }));
        agreed.StatusCode.Should().Be(HttpStatusCode.Redirect, await agreed.Content.ReadAsStringAsync());
        var user = (await app.Service<UserStore>().FindByUsernameAsync("with.consent"))!;
        user.PrivacyNoticeVersion.Should().Be(PrivacyNotice.Version);
        user.PrivacyConsentedAt.Should().BeCloseTo(DateTime.UtcNow, TimeSpan.FromMinutes(1));
        (await browser.GetAsync("/Applicant")).StatusCode.Should().Be(HttpStatusCode.OK, "the new applicant is signed in");
    }

    [Fact]
    public async Task The_api_records_the_consent_when_given_and_refuses_a_refusal()
    {
        var client = app.CreateClient();
        object Body(string username, bool? accepted) => new
        {
            username, password = "Consent-Api-2026", email = username + "@test.example", displayName = "李四", privacyNoticeAccepted = accepted,
        };
        await (await client.PostAsJsonAsync("/api/v1/auth/register", Body("api.declined", false))).ShouldBeValidationProblemNamingAsync("privacyNoticeAccepted");
        (await app.Service<UserStore>().FindByUsernameAsync("api.declined")).Should().BeNull();

        (await client.PostAsJsonAsync("/api/v1/auth/register", Body("api.agreed", true))).StatusCode.Should().Be(HttpStatusCode.Created);
        await using var conn = await TestPostgres.OpenAsync(connectionString);
        (await conn.QuerySingleAsync<string?>("SELECT privacy_notice_version FROM users WHERE username = 'api.agreed'")).Should().Be(PrivacyNotice.Version);
    }
}
