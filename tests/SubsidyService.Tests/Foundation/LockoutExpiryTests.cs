using System.Net;
using System.Net.Http.Json;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

public sealed class LockoutExpiryTests
{
    [Fact]
    public async Task A_locked_account_opens_again_after_15_minutes_and_not_before()
    {
        var clock = new ShiftableClock();
        await using var app = new SubsidyApp(await TestPostgres.CreateMigratedDatabaseAsync(), clock);
        var user = await app.CreateUserAsync(Roles.Applicant);
        var client = app.CreateClient();
        Task<HttpResponseMessage> Login(string password) => client.PostAsJsonAsync("/api/v1/auth/login", new { username = user.Username, password });
        for (var i = 0; i < 5; i++) await Login("Wrong-password-1");

        clock.Shift = TimeSpan.FromMinutes(14);
        await (await Login(SubsidyApp.Password)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "account_locked");

        clock.Shift = TimeSpan.FromMinutes(15.1);
        (await Login(SubsidyApp.Password)).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
