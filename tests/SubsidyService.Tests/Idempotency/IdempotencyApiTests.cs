using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Idempotency;

public sealed class IdempotencyApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly HttpClient _anonymous = fixture.App.CreateClient();
    private string Db => fixture.ConnectionString;

    private async Task<HttpClient> ApplicantAsync() => (await fixture.App.ClientAsAsync(Roles.Applicant)).Client;

    [Fact]
    public async Task The_same_key_and_body_twice_answer_alike_and_create_once()
    {
        var applicant = await ApplicantAsync();
        var key = Keyed.NewKey();
        var caseNumber = Keyed.NewCaseNumber();

        var first = await applicant.CreateClaimAsync(Keyed.Claim(caseNumber), key);
        var second = await applicant.CreateClaimAsync(Keyed.Claim(caseNumber), key);

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        second.StatusCode.Should().Be(HttpStatusCode.Created);
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        second.Headers.Location.Should().Be(first.Headers.Location!);
        second.Content.Headers.ContentType!.ToString().Should().Be(first.Content.Headers.ContentType!.ToString());
        first.WasReplayed().Should().BeFalse();
        second.WasReplayed().Should().BeTrue();
        (await Keyed.ClaimsForCaseAsync(Db, caseNumber)).Should().Be(1);
    }

    [Fact]
    public async Task The_same_key_with_another_body_is_422_and_writes_nothing()
    {
        var applicant = await ApplicantAsync();
        var key = Keyed.NewKey();
        var other = Keyed.NewCaseNumber();
        (await applicant.CreateClaimAsync(Keyed.Claim(Keyed.NewCaseNumber()), key)).StatusCode.Should().Be(HttpStatusCode.Created);

        var reused = await applicant.CreateClaimAsync(Keyed.Claim(other), key);

        var problem = await reused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
        problem.GetProperty("title").GetString().Should().Be("该幂等键已用于另一个请求");
        (await Keyed.ClaimsForCaseAsync(Db, other)).Should().Be(0);
    }

    [Fact]
    public async Task The_same_key_on_another_endpoint_is_422()
    {
        var applicant = await ApplicantAsync();
        var key = Keyed.NewKey();
        var claim = Keyed.Claim(Keyed.NewCaseNumber());
        (await applicant.CreateClaimAsync(claim, key)).StatusCode.Should().Be(HttpStatusCode.Created);

        var estimate = await applicant.PostAsync("/api/v1/estimate", claim, key);

        await estimate.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency_key_reused");
    }

    [Fact]
    public async Task A_refused_request_is_kept_and_replayed_byte_for_byte()
    {
        var applicant = await ApplicantAsync();
        var key = Keyed.NewKey();
        var caseNumber = Keyed.NewCaseNumber();

        var first = await applicant.CreateClaimAsync(Keyed.Claim(caseNumber, fee: "-1"), key);
        var second = await applicant.CreateClaimAsync(Keyed.Claim(caseNumber, fee: "-1"), key);

        await first.ShouldBeValidationProblemNamingAsync("agencyFee");
        second.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        second.WasReplayed().Should().BeTrue();
        // The trace id in the body is the first request's: the answer was replayed, not produced again.
        (await second.Content.ReadAsByteArrayAsync()).Should().Equal(await first.Content.ReadAsByteArrayAsync());
        (await Keyed.ClaimsForCaseAsync(Db, caseNumber)).Should().Be(0);
    }

    [Fact]
    public async Task Sign_in_and_registration_are_outside_idempotency_and_leave_no_row()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Applicant);
        var key = Keyed.NewKey();
        var login = new { username = user.Username, password = SubsidyApp.Password };

        var first = await _anonymous.PostAsync("/api/v1/auth/login", login, key);
        var second = await _anonymous.PostAsync("/api/v1/auth/login", login, key);
        var register = await _anonymous.PostAsync("/api/v1/auth/register", Keyed.Registration(Keyed.NewUsername()), key);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.WasReplayed().Should().BeFalse("each sign-in runs and issues its own token");
        (await second.Content.ReadAsStringAsync()).Should().NotBe(await first.Content.ReadAsStringAsync());
        register.StatusCode.Should().Be(HttpStatusCode.Created, "the key is not checked against the login's either");
        (await Keyed.KeyRowsAsync(Db, key)).Should().Be(0, "no token and no hash of a password is kept");
    }

    [Fact]
    public async Task An_anonymous_caller_and_a_signed_in_user_have_separate_keys()
    {
        var key = Keyed.NewKey();
        var signedIn = await ApplicantAsync();
        var caseNumber = Keyed.NewCaseNumber();

        var first = await _anonymous.PostAsync("/api/v1/estimate", Policy.EstimateFacts.Valid(), key);
        var second = await signedIn.CreateClaimAsync(Keyed.Claim(caseNumber), key);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        second.StatusCode.Should().Be(HttpStatusCode.Created, await second.Content.ReadAsStringAsync());
        second.WasReplayed().Should().BeFalse();
        (await Keyed.ClaimsForCaseAsync(Db, caseNumber)).Should().Be(1);
        (await Keyed.KeyRowsAsync(Db, key)).Should().Be(2);
    }

    public static TheoryData<string> InvalidKeys => new()
    {
        new string('k', 201),
        new string('k', 300),
        "tab\there",
        "幂等键",
    };

    [Theory]
    [MemberData(nameof(InvalidKeys))]
    public async Task An_unusable_key_is_a_400_naming_the_header_and_nothing_runs(string key)
    {
        var applicant = await ApplicantAsync();
        var caseNumber = Keyed.NewCaseNumber();

        var response = await applicant.CreateClaimAsync(Keyed.Claim(caseNumber), key);

        await response.ShouldBeValidationProblemNamingAsync("Idempotency-Key");
        (await Keyed.ClaimsForCaseAsync(Db, caseNumber)).Should().Be(0);
    }

    [Fact]
    public async Task A_key_of_200_printable_characters_is_accepted()
    {
        var key = new string('~', 150) + Guid.NewGuid().ToString("N")[..18] + " !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}";
        key.Length.Should().Be(200);
        (await (await ApplicantAsync()).CreateClaimAsync(Keyed.Claim(Keyed.NewCaseNumber()), key)).StatusCode.Should().Be(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Without_the_header_every_post_runs()
    {
        var applicant = await ApplicantAsync();
        var a = await applicant.CreateClaimAsync(Keyed.Claim(Keyed.NewCaseNumber()), key: null);
        var b = await applicant.CreateClaimAsync(Keyed.Claim(Keyed.NewCaseNumber()), key: null);

        a.StatusCode.Should().Be(HttpStatusCode.Created);
        b.StatusCode.Should().Be(HttpStatusCode.Created);
        a.WasReplayed().Should().BeFalse();
        b.WasReplayed().Should().BeFalse();
        (await b.Content.ReadAsStringAsync()).Should().NotBe(await a.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_get_with_the_header_is_untouched()
    {
        var (client, user) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var key = new string('k', 300); // refused on a POST, ignored here

        foreach (var _ in new[] { 1, 2 })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
            request.Headers.TryAddWithoutValidation(Keyed.Header, key);
            var response = await client.SendAsync(request);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.WasReplayed().Should().BeFalse();
            (await response.Content.ReadFromJsonAsync<Me>())!.Id.Should().Be(user.Id);
        }
        (await Keyed.KeyRowsAsync(Db, key)).Should().Be(0);
    }

    [Fact]
    public async Task The_kept_answer_and_its_request_hash_are_in_the_table()
    {
        var key = Keyed.NewKey();
        var response = await (await ApplicantAsync()).CreateClaimAsync(Keyed.Claim(Keyed.NewCaseNumber()), key);

        await using var conn = await TestPostgres.OpenAsync(Db);
        var row = await conn.QuerySingleAsync<(string Status, int ResponseStatus, string Headers, string Hash)>(
            "SELECT status, response_status, response_headers::text, request_hash FROM idempotency_requests WHERE key = @key", new { key });
        row.Status.Should().Be("completed");
        row.ResponseStatus.Should().Be(201);
        JsonDocument.Parse(row.Headers).RootElement.GetProperty("Location").GetString().Should().Be(response.Headers.Location!.ToString());
        row.Hash.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public async Task The_openapi_document_offers_the_header_on_posts_only()
    {
        var doc = JsonDocument.Parse(await _anonymous.GetStringAsync("/openapi/v1.json")).RootElement;
        var paths = doc.GetProperty("paths");

        HeaderNames(paths.GetProperty("/api/v1/claims").GetProperty("post")).Should().Contain("Idempotency-Key");
        HeaderNames(paths.GetProperty("/api/v1/estimate").GetProperty("post")).Should().Contain("Idempotency-Key");
        HeaderNames(paths.GetProperty("/api/v1/auth/login").GetProperty("post")).Should().NotContain("Idempotency-Key");
        HeaderNames(paths.GetProperty("/api/v1/auth/me").GetProperty("get")).Should().NotContain("Idempotency-Key");
    }

    private static IEnumerable<string> HeaderNames(JsonElement operation) =>
        operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "header").Select(p => p.GetProperty("name").GetString()!).ToList()
            : [];
}
