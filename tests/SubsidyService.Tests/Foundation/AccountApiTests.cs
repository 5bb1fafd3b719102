using System.Net;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

public sealed class AccountApiTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    private readonly HttpClient _client = fixture.App.CreateClient();

    private static object Registration(string? username = null, string? password = "Secure-pass-123", string? email = "a@example.cn", string? displayName = "张三")
        => new { username = username ?? "u" + Guid.NewGuid().ToString("N")[..10], password, email, displayName };

    private async Task<long> UserCountAsync()
    {
        await using var conn = await TestPostgres.OpenAsync(fixture.ConnectionString);
        return await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM users");
    }

    [Fact]
    public async Task Register_creates_an_applicant_who_can_log_in()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/auth/register", new { username = "wang.wu", password = "Secure-pass-123", email = "ww@example.cn", displayName = "王五" });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        (await response.Content.ReadFromJsonAsync<RegisteredUser>())!.Role.Should().Be("applicant");

        var login = await _client.PostAsJsonAsync("/api/v1/auth/login", new { username = "WANG.WU", password = "Secure-pass-123" });
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        var token = (await login.Content.ReadFromJsonAsync<LoginResponse>())!;
        token.Role.Should().Be("applicant");
        token.ExpiresIn.Should().BePositive();

        var me = await fixture.App.ClientWithToken(token.AccessToken).GetFromJsonAsync<Me>("/api/v1/auth/me");
        me!.Username.Should().Be("wang.wu");
    }

    [Theory]
    [InlineData("username")]
    [InlineData("password")]
    [InlineData("email")]
    [InlineData("displayName")]
    public async Task Register_without_a_field_names_it(string missing)
    {
        var body = new Dictionary<string, string?>
        {
            ["username"] = "u" + Guid.NewGuid().ToString("N")[..10], ["password"] = "Secure-pass-123",
            ["email"] = "x@example.cn", ["displayName"] = "某某",
        };
        body.Remove(missing);
        var before = await UserCountAsync();

        var response = await _client.PostAsJsonAsync("/api/v1/auth/register", body);

        await response.ShouldBeValidationProblemNamingAsync(missing);
        (await UserCountAsync()).Should().Be(before);
    }

    [Theory]
    [InlineData("{\"username\": \"abc\", ")]
    [InlineData("not json at all")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"username\": 12345, \"password\": \"Secure-pass-123\"}")]
    public async Task Malformed_json_is_a_400_naming_where(string json)
    {
        var response = await _client.PostAsync("/api/v1/auth/register", new StringContent(json, Encoding.UTF8, "application/json"));
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        problem.GetProperty("errors").EnumerateObject().Should().NotBeEmpty();
    }

    [Fact]
    public async Task A_wrongly_typed_field_is_named()
    {
        var response = await _client.PostAsync("/api/v1/auth/register",
            new StringContent("{\"username\": 12345, \"password\": \"Secure-pass-123\"}", Encoding.UTF8, "application/json"));
        await response.ShouldBeValidationProblemNamingAsync("username");
    }

    [Fact]
    public async Task Short_username_weak_password_and_bad_email_are_each_named()
    {
        // An over-long username is refused alone, before the rest is read (DeclaredBoundsTests).
        var response = await _client.PostAsJsonAsync("/api/v1/auth/register",
            Registration(username: "ab", password: "short", email: "not-an-email"));
        await response.ShouldBeValidationProblemNamingAsync("username", "password", "email");
    }

    [Fact]
    public async Task A_password_equal_to_the_username_is_refused()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/auth/register", Registration(username: "zhang.san.01", password: "Zhang.San.01"));
        await response.ShouldBeValidationProblemNamingAsync("password");
    }

    [Fact]
    public async Task A_taken_username_is_refused_whatever_its_case_and_nothing_is_written()
    {
        (await _client.PostAsJsonAsync("/api/v1/auth/register", Registration(username: "li.si"))).StatusCode.Should().Be(HttpStatusCode.Created);
        var before = await UserCountAsync();

        var again = await _client.PostAsJsonAsync("/api/v1/auth/register", Registration(username: "LI.SI"));

        await again.ShouldBeValidationProblemNamingAsync("username");
        (await UserCountAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Racing_registrations_of_one_username_create_one_account()
    {
        var name = "race" + Guid.NewGuid().ToString("N")[..8];
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => _client.PostAsJsonAsync("/api/v1/auth/register", Registration(username: name))));
        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.BadRequest).Should().Be(7);
    }

    [Fact]
    public async Task Wrong_credentials_are_401_and_unknown_users_look_the_same()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Applicant);
        var wrong = await _client.PostAsJsonAsync("/api/v1/auth/login", new { username = user.Username, password = "Wrong-password-1" });
        var unknown = await _client.PostAsJsonAsync("/api/v1/auth/login", new { username = "nobody-" + Guid.NewGuid().ToString("N")[..6], password = "Wrong-password-1" });
        var a = await wrong.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        var b = await unknown.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        a.GetProperty("detail").GetString().Should().Be(b.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Login_with_missing_fields_names_them()
    {
        var response = await _client.PostAsJsonAsync("/api/v1/auth/login", new { });
        await response.ShouldBeValidationProblemNamingAsync("username", "password");
    }

    [Fact]
    public async Task Four_wrong_passwords_then_the_right_one_do_not_lock()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Applicant);
        for (var i = 0; i < 4; i++)
            await _client.PostAsJsonAsync("/api/v1/auth/login", new { username = user.Username, password = "Wrong-password-1" });
        (await _client.PostAsJsonAsync("/api/v1/auth/login", new { username = user.Username, password = SubsidyApp.Password }))
            .StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_api_answers_401_problem_without_a_token_and_never_redirects()
    {
        var client = fixture.App.CreateClient(new() { AllowAutoRedirect = false });
        await (await client.GetAsync("/api/v1/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        var forged = fixture.App.ClientWithToken("forged-token");
        await (await forged.GetAsync("/api/v1/auth/me")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Unknown_paths_and_methods_are_problem_details_with_codes()
    {
        await (await _client.GetAsync("/api/v1/no-such-thing")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await _client.DeleteAsync("/api/v1/auth/login")).ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }

    [Fact]
    public async Task Json_with_the_wrong_content_type_is_415()
    {
        var response = await _client.PostAsync("/api/v1/auth/login", new StringContent("{}", Encoding.UTF8, "text/plain"));
        await response.ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task Logs_carry_no_password_and_no_token()
    {
        var user = await fixture.App.CreateUserAsync(Roles.Applicant);
        var token = await fixture.App.TokenAsync(user.Username);
        await fixture.App.ClientWithToken(token).GetAsync("/api/v1/auth/me");
        await _client.PostAsJsonAsync("/api/v1/auth/login", new { username = user.Username, password = "Secret-Wrong-9876" });

        var log = string.Join("\n", fixture.App.LogLines);
        log.Should().Contain("/api/v1/auth/login", "requests are logged");
        log.Should().NotContain(SubsidyApp.Password).And.NotContain("Secret-Wrong-9876").And.NotContain(token);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_auth_endpoints()
    {
        var doc = await _client.GetStringAsync("/openapi/v1.json");
        doc.Should().Contain("/api/v1/auth/register").And.Contain("/api/v1/auth/login");
    }
}
