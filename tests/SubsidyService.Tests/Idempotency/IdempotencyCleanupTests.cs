using System.Net;
using FluentAssertions;
using SubsidyService.Operations.Idempotency;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Idempotency;

public sealed class IdempotencyCleanupTests
{
    [Fact]
    public async Task The_hourly_cleanup_deletes_expired_keys_on_the_service_clock_and_keeps_live_ones()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        var clock = new ShiftableClock();
        await using var app = new SubsidyApp(cs, clock);
        var client = app.CreateClient();
        var (old, recent) = (Keyed.NewKey(), Keyed.NewKey());
        (await client.RegisterAsync(Keyed.Registration(Keyed.NewUsername()), old)).StatusCode.Should().Be(HttpStatusCode.Created);
        clock.Shift = TimeSpan.FromHours(2);
        var recentBody = Keyed.Registration(Keyed.NewUsername());
        (await client.RegisterAsync(recentBody, recent)).StatusCode.Should().Be(HttpStatusCode.Created);

        clock.Shift = TimeSpan.FromHours(25);
        await app.RunRecurringJobAsync(IdempotencyCleanupJob.Id);

        (await Keyed.KeyRowsAsync(cs, old)).Should().Be(0, "25 hours old on the service's clock: expired");
        (await Keyed.KeyRowsAsync(cs, recent)).Should().Be(1, "23 hours old: still live");
        (await client.RegisterAsync(recentBody, recent)).WasReplayed().Should().BeTrue("a live key still answers with its first response");

        await app.RunRecurringJobAsync(IdempotencyCleanupJob.Id);
        (await Keyed.KeyRowsAsync(cs, recent)).Should().Be(1, "running again (Hangfire may deliver twice) removes nothing live");
    }
}
