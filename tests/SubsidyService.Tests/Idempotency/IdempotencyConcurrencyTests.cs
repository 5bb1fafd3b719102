using System.Net;
using FluentAssertions;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Idempotency;

public sealed class IdempotencyConcurrencyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_hundred_parallel_registrations_with_one_key_make_one_user_and_one_answer()
    {
        var client = fixture.App.CreateClient();
        var key = Keyed.NewKey();
        var username = Keyed.NewUsername();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.RegisterAsync(Keyed.Registration(username), key)));

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Created, string.Join("\n", bodies.Distinct()));
        bodies.Distinct().Should().ContainSingle();
        responses.Count(r => !r.WasReplayed()).Should().Be(1, "one request ran, the others were given its answer");
        (await Keyed.UsersNamedAsync(fixture.ConnectionString, username)).Should().Be(1);
    }

    [Fact]
    public async Task A_second_node_replays_the_first_nodes_answer()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var cluster = await Cluster.StartAsync(cs, 2);
        var key = Keyed.NewKey();
        var username = Keyed.NewUsername();

        var first = await cluster.Nodes[0].CreateClient().RegisterAsync(Keyed.Registration(username), key);
        var second = await cluster.Nodes[1].CreateClient().RegisterAsync(Keyed.Registration(username), key);

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        second.StatusCode.Should().Be(HttpStatusCode.Created);
        second.WasReplayed().Should().BeTrue();
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        (await Keyed.UsersNamedAsync(cs, username)).Should().Be(1);
    }

    [Fact]
    public async Task Parallel_repeats_spread_over_two_nodes_run_once()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var cluster = await Cluster.StartAsync(cs, 2);
        var clients = cluster.Nodes.Select(n => n.CreateClient()).ToList();
        var key = Keyed.NewKey();
        var username = Keyed.NewUsername();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => clients[i % 2].RegisterAsync(Keyed.Registration(username), key)));

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Created);
        bodies.Distinct().Should().ContainSingle();
        (await Keyed.UsersNamedAsync(cs, username)).Should().Be(1);
    }
}
