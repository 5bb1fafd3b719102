using System.Net;
using FluentAssertions;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Policy;

namespace SubsidyService.Tests.Idempotency;

public sealed class IdempotencyExpiryTests
{
    [Fact]
    public async Task A_key_is_remembered_for_a_day_and_then_free_again()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        var clock = new ShiftableClock();
        await using var app = new SubsidyApp(cs, clock);
        // The anonymous estimate: a day later any bearer token would have expired on this clock too.
        var client = app.CreateClient();
        var key = Keyed.NewKey();
        (await client.PostAsync("/api/v1/estimate", EstimateFacts.Valid(fee: "8000.00"), key)).StatusCode.Should().Be(HttpStatusCode.OK);

        clock.Shift = TimeSpan.FromHours(23);
        (await client.PostAsync("/api/v1/estimate", EstimateFacts.Valid(fee: "9000.00"), key)).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);

        clock.Shift = TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1);
        var afterADay = await client.PostAsync("/api/v1/estimate", EstimateFacts.Valid(fee: "9000.00"), key);

        afterADay.StatusCode.Should().Be(HttpStatusCode.OK);
        afterADay.WasReplayed().Should().BeFalse();
        (await Keyed.KeyRowsAsync(cs, key)).Should().Be(1, "the expired row is replaced, not added to");
    }
}
