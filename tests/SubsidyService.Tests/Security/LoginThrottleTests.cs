using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Foundation;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Pages;

namespace SubsidyService.Tests.Security;

/// <summary>Failed sign-ins slow the guesser down, not the owner; unknown and known names answer alike; registration is bounded per address.</summary>
public sealed class LoginThrottleTests : IAsyncLifetime
{
    private string _cs = "";
    private SubsidyApp _app = null!;

    public async Task InitializeAsync()
    {
        _cs = await TestPostgres.CreateMigratedDatabaseAsync();
        _app = new SubsidyApp(_cs, services: TestClientAddress.Register);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string username, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { username, password });

    [Fact]
    public async Task A_strangers_wrong_passwords_throttle_the_stranger_while_the_owner_signs_in_from_home()
    {
        var owner = await _app.CreateUserAsync(Roles.Verifier);
        var stranger = TestClientAddress.From(_app, "203.0.113.7");
        var codes = new List<string>();
        for (var i = 0; i < 12; i++)
            codes.Add((await ClaimApi.JsonAsync(await LoginAsync(stranger, owner.Username, "Guess-" + i))).GetProperty("code").GetString()!);
        codes.Should().Contain("login_throttled").And.HaveCountGreaterThan(codes.Count(c => c == "invalid_credentials"),
            "past a few tries the stranger mostly waits");
        var throttled = await LoginAsync(stranger, owner.Username, SubsidyApp.Password);
        await throttled.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "login_throttled");
        throttled.Headers.RetryAfter.Should().NotBeNull();

        (await LoginAsync(TestClientAddress.From(_app, "198.51.100.20"), owner.Username, SubsidyApp.Password))
            .StatusCode.Should().Be(HttpStatusCode.OK, "the owner's own address is not held up");
    }

    [Fact]
    public async Task An_unknown_account_and_a_known_one_get_the_same_answers_to_the_same_tries()
    {
        await using var app = new SubsidyApp(_cs, new FrozenClock(), services: TestClientAddress.Register);
        var known = await app.CreateUserAsync(Roles.Applicant);
        async Task<List<string>> Tries(string address, string username)
        {
            var client = TestClientAddress.From(app, address);
            var answers = new List<string>();
            for (var i = 0; i < 8; i++)
            {
                var response = await LoginAsync(client, username, "Wrong-Passw0rd!");
                var json = await ClaimApi.JsonAsync(response);
                answers.Add($"{(int)response.StatusCode} {json.GetProperty("code").GetString()} {json.GetProperty("detail").GetString()}");
            }
            return answers;
        }
        var forKnown = await Tries("192.0.2.1", known.Username);
        var forUnknown = await Tries("192.0.2.2", "nobody." + Guid.NewGuid().ToString("N")[..8]);
        forUnknown.Should().Equal(forKnown);
        forKnown.Should().Contain(a => a.StartsWith("429 login_throttled"));
    }

    [Fact]
    public async Task A_disabled_account_says_so_only_to_its_right_password()
    {
        var user = await _app.CreateUserAsync(Roles.Verifier);
        var (admin, _) = await _app.ClientAsAsync(Roles.Admin);
        (await admin.PostAsync($"/api/v1/users/{user.Id}/disable", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var client = TestClientAddress.From(_app, "192.0.2.9");
        await (await LoginAsync(client, user.Username, "Wrong-Passw0rd!")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await (await LoginAsync(client, user.Username, SubsidyApp.Password)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "account_disabled");
    }

    [Fact]
    public async Task Twenty_concurrent_guesses_get_at_most_five_tries_and_the_admin_sees_and_clears_the_delay()
    {
        await using var app = new SubsidyApp(_cs, new FrozenClock(), services: TestClientAddress.Register);
        var user = await app.CreateUserAsync(Roles.Finance);
        var guesser = TestClientAddress.From(app, "203.0.113.50");
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(async () =>
            (await ClaimApi.JsonAsync(await LoginAsync(guesser, user.Username, "Guess-" + i))).GetProperty("code").GetString())));
        answers.Count(c => c == "invalid_credentials").Should().BeLessThanOrEqualTo(5);
        answers.Count(c => c == "login_throttled").Should().BeGreaterThanOrEqualTo(15);

        var admin = await PageBrowser.SignInAsync(app, Roles.Admin);
        (await admin.HtmlAsync("/Admin?q=" + user.Username)).Should().Contain("登录受限至");
        (await admin.Client.PostAsync($"/api/v1/users/{user.Id}/unlock", null)).StatusCode.Should().Be(HttpStatusCode.Unauthorized, "the API takes a token");
        var adminApi = app.ClientWithToken(await app.TokenAsync(admin.User.Username));
        (await adminApi.PostAsync($"/api/v1/users/{user.Id}/unlock", null)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await admin.HtmlAsync("/Admin?q=" + user.Username)).Should().NotContain("登录受限至");
        (await LoginAsync(guesser, user.Username, SubsidyApp.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_address_registers_only_so_many_accounts_a_day()
    {
        await using var app = new SubsidyApp(_cs, services: TestClientAddress.Register,
            settings: new Dictionary<string, string?> { ["RateLimits:RegistrationsPerAddressPerDay"] = "2" });
        Task<HttpResponseMessage> Register(string address) => TestClientAddress.From(app, address).PostAsJsonAsync("/api/v1/auth/register", new
        {
            username = "reg." + Guid.NewGuid().ToString("N")[..10], password = SubsidyApp.Password, email = "r@test.example", displayName = "注册者",
        });
        (await Register("192.0.2.77")).StatusCode.Should().Be(HttpStatusCode.Created);
        (await Register("192.0.2.77")).StatusCode.Should().Be(HttpStatusCode.Created);
        await (await Register("192.0.2.77")).ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "too_many_requests");
        (await Register("192.0.2.78")).StatusCode.Should().Be(HttpStatusCode.Created, "another address has its own allowance");
    }

    /// <summary>Time that does not move, so a burst's delays cannot run out while it is being answered.</summary>
    private sealed class FrozenClock : TimeProvider
    {
        private readonly DateTimeOffset _now = System.GetUtcNow();
        public override DateTimeOffset GetUtcNow() => _now;
    }
}
