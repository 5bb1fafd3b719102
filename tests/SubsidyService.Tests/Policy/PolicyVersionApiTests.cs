using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;
using static SubsidyService.Tests.Policy.EstimateFacts;

namespace SubsidyService.Tests.Policy;

public sealed class PolicyVersionApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private const string Path = "/api/v1/policy-versions";

    /// <summary>Before the default version (from 2023-01-01), so it overlaps nothing: 40%, natural-person cap 3000.00.</summary>
    private static Dictionary<string, object?> Trial(string id = "2020-trial", string from = "2020-01-01", string? to = "2022-12-31") => new()
    {
        ["id"] = id,
        ["effectiveFrom"] = from,
        ["effectiveTo"] = to,
        ["rate"] = "0.40",
        ["caps"] = new Dictionary<string, string> { ["natural_person"] = "3000.00", ["legal_person"] = "8000.00", ["major_or_foreign"] = "40000.00" },
        ["winningOutcomes"] = new[] { "won" },
        ["regularCaseTypes"] = new[] { "patent_infringement" },
        ["majorCaseTypes"] = new[] { "patent_infringement", "trademark" },
        ["applicationWindowDays"] = null,
        ["publicNoticeWorkingDays"] = 7,
    };

    [Fact]
    public async Task Anyone_lists_the_versions_with_the_default_in_API_conventions()
    {
        var list = await fixture.App.CreateClient().GetFromJsonAsync<List<System.Text.Json.JsonElement>>(Path);

        var item13 = list!.Single(v => v.GetProperty("id").GetString() == "2023-item13");
        item13.GetProperty("effectiveFrom").GetString().Should().Be("2023-01-01");
        item13.GetProperty("rate").GetString().Should().Be("0.50");
        item13.GetProperty("caps").GetProperty("legal_person").GetString().Should().Be("10000.00");
        item13.GetProperty("winningOutcomes").EnumerateArray().Select(o => o.GetString()).Should().Equal("won", "partially_won");
        item13.GetProperty("publicNoticeWorkingDays").GetInt32().Should().Be(5);
    }

    [Fact]
    public async Task An_admin_adds_a_version_and_estimates_in_its_range_use_it()
    {
        var (admin, _) = await fixture.App.ClientAsAsync(Roles.Admin);

        var created = await admin.PostAsJsonAsync(Path, Trial());

        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var facts = Valid(fee: "12000.00", invoice: "12000.00");
        facts["judgmentEffectiveDate"] = "2022-05-01";
        (await JsonAsync(await PostAsync(fixture.App.CreateClient(), facts))).GetProperty("policyVersion").GetString()
            .Should().NotBe("2020-trial", "a version nobody has confirmed is not in force");
        await PolicyApi.ConfirmAsFinanceAsync(fixture.App, "2020-trial");
        var json = await JsonAsync(await PostAsync(fixture.App.CreateClient(), facts));
        json.GetProperty("policyVersion").GetString().Should().Be("2020-trial");
        json.GetProperty("rate").GetString().Should().Be("0.40");
        json.GetProperty("uncappedAmount").GetString().Should().Be("4800.00");
        json.GetProperty("amount").GetString().Should().Be("3000.00");
        json.GetProperty("capApplied").GetBoolean().Should().BeTrue();

        facts["judgmentEffectiveDate"] = "2023-01-01";
        (await JsonAsync(await PostAsync(fixture.App.CreateClient(), facts))).GetProperty("policyVersion").GetString().Should().Be("2023-item13");
    }

    [Fact]
    public async Task An_overlapping_version_is_refused_naming_effectiveFrom_and_not_stored()
    {
        var (admin, _) = await fixture.App.ClientAsAsync(Roles.Admin);

        var response = await admin.PostAsJsonAsync(Path, Trial("2025-overlap", "2025-01-01", null));

        await response.ShouldBeValidationProblemNamingAsync("effectiveFrom");
        var list = await admin.GetFromJsonAsync<List<System.Text.Json.JsonElement>>(Path);
        list!.Should().NotContain(v => v.GetProperty("id").GetString() == "2025-overlap");
    }

    [Fact]
    public async Task Each_bad_field_of_a_version_is_named()
    {
        var (admin, _) = await fixture.App.ClientAsAsync(Roles.Admin);
        var body = Trial("bad one", "2019-13-01", null);
        body["rate"] = "1.50";
        body["caps"] = new Dictionary<string, string> { ["natural_person"] = "3000.001", ["legal_person"] = "8000.00" };
        body["winningOutcomes"] = new[] { "won", "triumph" };
        body.Remove("publicNoticeWorkingDays");

        var response = await admin.PostAsJsonAsync(Path, body);

        await response.ShouldBeValidationProblemNamingAsync("id", "effectiveFrom", "rate", "caps.natural_person",
            "caps.major_or_foreign", "winningOutcomes[1]", "publicNoticeWorkingDays");
    }

    [Theory]
    [InlineData(Roles.Applicant)]
    [InlineData(Roles.Verifier)]
    [InlineData(Roles.Finance)]
    public async Task Other_roles_get_403_and_anonymous_401(string role)
    {
        var (client, _) = await fixture.App.ClientAsAsync(role);
        await (await client.PostAsJsonAsync(Path, Trial("2010-" + role, "2010-01-01", "2010-12-31"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await fixture.App.CreateClient().PostAsJsonAsync(Path, Trial("2011-anon", "2011-01-01", "2011-12-31")))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
