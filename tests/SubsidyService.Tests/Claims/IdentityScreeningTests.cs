using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Policy;

namespace SubsidyService.Tests.Claims;

/// <summary>Issue 18 through the API: one case however it is spelled, no squatting, no oracle, the payee is the applicant.</summary>
public sealed class IdentityScreeningTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private static int _sequence = Random.Shared.Next(100_000, 900_000);

    private static List<string> FlagCodes(System.Text.Json.JsonElement claim) =>
        claim.GetProperty("screening").EnumerateArray().Select(f => f.GetProperty("code").GetString()!).ToList();

    [Fact]
    public async Task One_case_spelled_three_ways_by_one_account_is_claimed_once_and_the_refusal_names_no_claim()
    {
        var n = Interlocked.Increment(ref _sequence);
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var first = await ClaimApi.CreateAsync(applicant, b => b["caseNumber"] = $"(2025)浙02民初{n}号");
        await ClaimApi.MustFireAsync(applicant, first, "submit");

        foreach (var spelling in new[] { $"（2025）浙02民初0{n}号", $"(2025)浙02民初第{n}号" })
        {
            var again = await ClaimApi.CreateAsync(applicant, b => b["caseNumber"] = spelling);
            var response = await ClaimApi.FireAsync(applicant, again, "submit");
            var text = await response.Content.ReadAsStringAsync();
            await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "duplicate_claim");
            text.Should().NotContain(first.Id().ToString());
        }
    }

    [Fact]
    public async Task A_rival_who_submitted_a_companys_code_first_blocks_nothing_and_both_claims_are_flagged()
    {
        var n = Interlocked.Increment(ref _sequence);
        var company = EstimateFacts.CompanyCode();
        void Enterprise(Dictionary<string, object?> b)
        {
            b["applicantType"] = "enterprise";
            b["name"] = "某某科技有限公司";
            b["idNumber"] = company;
            b["caseNumber"] = $"(2025)浙02民初{n}号";
        }

        var (rival, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (owner, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var squat = await ClaimApi.MustFireAsync(rival, await ClaimApi.CreateAsync(rival, Enterprise), "submit");
        var own = await ClaimApi.MustFireAsync(owner, await ClaimApi.CreateAsync(owner, Enterprise), "submit");

        FlagCodes(own).Should().Contain("identity_conflict");
        FlagCodes(await ClaimApi.GetAsync(rival, squat.Id())).Should().Contain("identity_conflict");
        own.GetProperty("screening").ToString().Should().NotContain(squat.Id().ToString()).And.NotContain(company);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var staffView = await ClaimApi.GetAsync(verifier, own.Id());
        // Staff follow the link to the other claim; the flag's words name neither it nor the identity.
        staffView.GetProperty("screening")[0].GetProperty("detail").GetString().Should().NotContain(squat.Id().ToString()).And.NotContain(company);
    }

    [Fact]
    public async Task A_claim_paying_a_strangers_account_is_refused_naming_the_account_name()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var body = ClaimApi.Body(b =>
        {
            b["name"] = "李四";
            b["bankAccount"] = new Dictionary<string, object?> { ["bankName"] = "中国工商银行某县支行", ["accountName"] = "王五", ["accountNumber"] = "6222021234567890" };
        });
        (await (await applicant.PostAsJsonAsync("/api/v1/claims", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Equal("bankAccount.accountName");
    }

    [Fact]
    public async Task A_patent_claim_without_its_patents_and_opponents_is_refused_naming_both()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var body = ClaimApi.Body(b => { b.Remove("patentNumbers"); b.Remove("opposingParties"); });
        (await (await applicant.PostAsJsonAsync("/api/v1/claims", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().BeEquivalentTo("patentNumbers", "opposingParties");
    }

    [Fact]
    public async Task A_sole_traders_code_as_an_enterprise_is_refused_naming_id_number()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var body = ClaimApi.Body(b => { b["applicantType"] = "enterprise"; b["idNumber"] = EstimateFacts.CompanyCode("92330102MA2B3C4D5"); });
        (await (await applicant.PostAsJsonAsync("/api/v1/claims", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed"))
            .GetProperty("errors").EnumerateObject().Select(p => p.Name).Should().Equal("idNumber");
    }

    [Fact]
    public async Task A_judgment_of_2022_is_answered_with_no_policy_in_force()
    {
        var facts = EstimateFacts.Valid();
        facts["judgmentEffectiveDate"] = "2022-06-01";
        var response = await EstimateFacts.PostAsync(fixture.App.CreateClient(), facts);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var json = await EstimateFacts.JsonAsync(response);
        json.GetProperty("eligible").GetBoolean().Should().BeFalse();
        json.GetProperty("reasons").EnumerateArray().Select(r => r.GetProperty("code").GetString()).Should().Equal("no_policy_in_force");
    }
}
