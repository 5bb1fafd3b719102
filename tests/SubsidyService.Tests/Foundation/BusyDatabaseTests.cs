using System.Net;
using FluentAssertions;
using Npgsql;
using SubsidyService.Accounts;
using SubsidyService.Data;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

public sealed class BusyDatabaseTests
{
    /// <summary>
    /// Every pooled connection held elsewhere for longer than the pool's timeout: the caller is told to retry
    /// (503, Retry-After, code service_busy) instead of being given a 500, and the node serves again once
    /// connections are free.
    /// </summary>
    [Fact]
    public async Task A_request_that_finds_no_free_connection_is_told_to_retry_and_the_next_one_is_served()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        var pool = new NpgsqlConnectionStringBuilder(DatabaseRoles.ConnectionStringAs(cs, DatabaseRoles.Service)) { MaxPoolSize = 3, Timeout = 1 };
        await using var app = new SubsidyApp(cs, settings: new Dictionary<string, string?> { ["ConnectionStrings:Subsidy"] = pool.ConnectionString });
        var (client, _) = await app.ClientAsAsync(Roles.Applicant);
        (await client.GetAsync("/api/v1/claims")).StatusCode.Should().Be(HttpStatusCode.OK);

        var db = app.Service<NpgsqlDataSource>();
        var held = new List<NpgsqlConnection>();
        // Take what the pool has, the job server's share included, until it refuses.
        while (true)
        {
            try { held.Add(await db.OpenConnectionAsync()); }
            catch (NpgsqlException e) when (e.InnerException is TimeoutException) { break; }
        }
        try
        {
            var busy = await client.GetAsync("/api/v1/claims");
            var problem = await busy.ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "service_busy");
            busy.Headers.RetryAfter!.Delta.Should().Be(TimeSpan.FromSeconds(2));
            problem.GetProperty("detail").GetString().Should().Contain("重试");
        }
        finally
        {
            foreach (var c in held) await c.DisposeAsync();
        }
        (await client.GetAsync("/api/v1/claims")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("40P01", true)]
    [InlineData("40001", true)]
    [InlineData("23505", false)]
    [InlineData("57P01", false)]
    public void Only_a_rollback_postgresql_asks_to_retry_counts_as_busy(string sqlState, bool busy) =>
        SubsidyService.Operations.BusyDatabase.IsTransient(new PostgresException("test", "ERROR", "ERROR", sqlState)).Should().Be(busy);
}
