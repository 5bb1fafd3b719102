using System.Net;
using System.Net.Http.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Claims;

public sealed class IdempotentClaimTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_hundred_parallel_submissions_with_one_key_make_one_claim()
    {
        var (applicant, user) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var body = ClaimApi.Body();
        var key = Guid.NewGuid().ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => Task.Run(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/claims") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await applicant.SendAsync(request);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        })));

        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created);
        responses.Select(r => r.Body).Distinct().Should().HaveCount(1, "every repeat returns the first answer");
        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM claims WHERE applicant_id = @Id", new { user.Id })).Should().Be(1);
    }

    [Fact]
    public async Task The_kept_answer_is_encrypted_so_the_table_shows_no_identity_or_account_number()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var body = ClaimApi.Body();
        var key = Guid.NewGuid().ToString();
        async Task<string> Create()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/claims") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", key);
            var response = await applicant.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.Created);
            return await response.Content.ReadAsStringAsync();
        }

        var first = await Create();
        var replayed = await Create();

        replayed.Should().Be(first, "the replay decrypts the kept answer");
        first.Should().Contain((string)body["idNumber"]!, "the answer itself carries the applicant's own identity number");
        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        var stored = await conn.QuerySingleAsync<byte[]>("SELECT response_body FROM idempotency_requests WHERE key = @key", new { key });
        var text = System.Text.Encoding.UTF8.GetString(stored);
        text.Should().NotContain((string)body["idNumber"]!).And.NotContain("6222").And.NotContain((string)body["name"]!);
    }

    [Fact]
    public async Task A_repeated_transition_with_its_key_is_not_fired_twice()
    {
        var (applicant, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var claim = await ClaimApi.CreateAsync(applicant);
        var key = Guid.NewGuid().ToString();
        async Task<HttpResponseMessage> Submit()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/claims/{claim.Id()}/transitions")
            {
                Content = JsonContent.Create(new { trigger = "submit", expectedVersion = claim.GetProperty("version").GetInt32(), data = new { undertakingAccepted = true } }),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await applicant.SendAsync(request);
        }

        var first = await Submit();
        var second = await Submit();

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.OK, "the first answer again, not a 409 for the now stale version");
        second.Headers.GetValues("Idempotent-Replayed").Should().Equal("true");
        (await ClaimApi.GetAsync(applicant, claim.Id())).GetProperty("history").EnumerateArray()
            .Count(h => h.GetProperty("trigger").GetString() == "submit").Should().Be(1);
    }
}
