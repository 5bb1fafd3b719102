using System.Net;
using FluentAssertions;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Idempotency;

public sealed class IdempotencyExpiryTests
{
    [Fact]
    public async Task A_key_is_remembered_for_a_day_and_then_free_again()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        var clock = new ShiftableClock();
        await using var app = new SubsidyApp(cs, clock);
        var client = app.CreateClient();
        var key = Keyed.NewKey();
        var later = Keyed.NewUsername();
        (await client.RegisterAsync(Keyed.Registration(Keyed.NewUsername()), key)).StatusCode.Should().Be(HttpStatusCode.Created);

        clock.Shift = TimeSpan.FromHours(23);
        (await client.RegisterAsync(Keyed.Registration(later), key)).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);

        clock.Shift = TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1);
        var afterADay = await client.RegisterAsync(Keyed.Registration(later), key);

        afterADay.StatusCode.Should().Be(HttpStatusCode.Created);
        afterADay.WasReplayed().Should().BeFalse();
        (await Keyed.UsersNamedAsync(cs, later)).Should().Be(1);
        (await Keyed.KeyRowsAsync(cs, key)).Should().Be(1, "the expired row is replaced, not added to");
    }
}
