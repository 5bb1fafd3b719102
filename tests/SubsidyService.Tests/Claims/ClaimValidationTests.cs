using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Policy;

namespace SubsidyService.Tests.Claims;

public sealed class ClaimValidationTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    public static IEnumerable<object[]> BadFields() =>
    [
        ["idNumber", (Action<Dictionary<string, object?>>)(b => b["idNumber"] = EstimateFacts.PersonId()[..17] + "0")],
        ["idNumber", (Action<Dictionary<string, object?>>)(b => { b["applicantType"] = "enterprise"; b["idNumber"] = "91330102MA2B3C4D5Z"; })],
        ["agencyFee", (Action<Dictionary<string, object?>>)(b => b["agencyFee"] = "8000.001")],
        ["agencyFee", (Action<Dictionary<string, object?>>)(b => b["agencyFee"] = "-1.00")],
        ["agencyFee", (Action<Dictionary<string, object?>>)(b => b["agencyFee"] = "100000000.01")],
        ["agencyFee", (Action<Dictionary<string, object?>>)(b => b["agencyFee"] = 8000)],
        ["caseType", (Action<Dictionary<string, object?>>)(b => b["caseType"] = "patent")],
        ["outcome", (Action<Dictionary<string, object?>>)(b => b.Remove("outcome"))],
        ["judgmentEffectiveDate", (Action<Dictionary<string, object?>>)(b => b["judgmentEffectiveDate"] = "2999-01-01")],
        ["invoices[0].number", (Action<Dictionary<string, object?>>)(b => b["invoices"] = new List<object> { EstimateFacts.Invoice(number: "1234567") })],
        ["invoices[0].amount", (Action<Dictionary<string, object?>>)(b => b["invoices"] = new List<object> { EstimateFacts.Invoice(number: "12345678", amount: "abc") })],
        ["bankAccount.accountNumber", (Action<Dictionary<string, object?>>)(b => b["bankAccount"] = new Dictionary<string, object?> { ["bankName"] = "银行", ["accountName"] = "张明", ["accountNumber"] = "12AB" })],
        ["bankAccount", (Action<Dictionary<string, object?>>)(b => b.Remove("bankAccount"))],
        ["bankAccount.bankName", (Action<Dictionary<string, object?>>)(b => b["bankAccount"] = 7)],
    ];

    [Theory]
    [MemberData(nameof(BadFields))]
    public async Task A_bad_field_is_named_and_nothing_is_stored(string field, Action<Dictionary<string, object?>> breakIt)
    {
        var (applicant, user) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var response = await applicant.PostAsJsonAsync("/api/v1/claims", ClaimApi.Body(breakIt));
        if (field == "bankAccount.bankName")
            await response.ShouldBeValidationProblemNamingAsync("bankAccount");
        else
            await response.ShouldBeValidationProblemNamingAsync(field);
        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claims WHERE applicant_id = @Id", new { user.Id })).Should().Be(0);
    }

    [Fact]
    public async Task Every_bad_field_is_reported_at_once()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var response = await applicant.PostAsJsonAsync("/api/v1/claims", ClaimApi.Body(b =>
        {
            b["caseType"] = "x";
            b["agencyFee"] = "0";
            b.Remove("court");
            b["bankAccount"] = new Dictionary<string, object?> { ["bankName"] = "", ["accountName"] = "张明", ["accountNumber"] = "1" };
        }));
        await response.ShouldBeValidationProblemNamingAsync("caseType", "agencyFee", "court", "bankAccount.bankName", "bankAccount.accountNumber");
    }

    [Fact]
    public async Task Garbage_bodies_never_make_a_500()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var (verifier, _) = await fixture.App.ClientAsAsync(Roles.Verifier);
        var claim = await ClaimApi.CreateAsync(applicant);
        string[] bodies = ["", "null", "[]", "{}", "\"text\"", "{\"invoices\": {}}", "{\"invoices\": [1,2]}", "{\"otherFunding\": [null]}",
            "{\"bankAccount\": []}", "{\"agencyFee\": null}", "{\"domicileInCounty\": \"yes\"}", "{\"trigger\": 5, \"expectedVersion\": 1.5}",
            "{\"trigger\": \"verify\", \"expectedVersion\": 99999999999}", "{\"data\": {\"feeBase\": {}}}", new string('[', 5000)];
        var rng = new Random(20261122);
        var generated = Enumerable.Range(0, 40).Select(_ => new string(Enumerable.Range(0, rng.Next(1, 60)).Select(_ => "{}[]\",:0a-.\\ntrue"[rng.Next(16)]).ToArray()));

        foreach (var body in bodies.Concat(generated))
        {
            foreach (var (client, method, url) in new[]
            {
                (applicant, HttpMethod.Post, "/api/v1/claims"),
                (applicant, HttpMethod.Put, $"/api/v1/claims/{claim.Id()}"),
                (verifier, HttpMethod.Post, $"/api/v1/claims/{claim.Id()}/transitions"),
                (applicant, HttpMethod.Post, "/api/v1/estimate"),
                (verifier, HttpMethod.Post, "/api/v1/registers/external-funding"),
            })
            {
                var response = await client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
                ((int)response.StatusCode).Should().BeInRange(400, 499, $"{method} {url} with {body[..Math.Min(body.Length, 40)]}");
            }
        }
    }
}
