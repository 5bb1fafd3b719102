using System.Net;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Idempotency;

public sealed class IdempotencyConcurrencyTests(AppFixture fixture) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_hundred_parallel_creations_with_one_key_make_one_claim_and_one_answer()
    {
        var (client, _) = await fixture.App.ClientAsAsync(Roles.Applicant);
        var key = Keyed.NewKey();
        var caseNumber = Keyed.NewCaseNumber();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.CreateClaimAsync(Keyed.Claim(caseNumber), key)));

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Created, string.Join("\n", bodies.Distinct()));
        bodies.Distinct().Should().ContainSingle();
        responses.Count(r => !r.WasReplayed()).Should().Be(1, "one request ran, the others were given its answer");
        (await Keyed.ClaimsForCaseAsync(fixture.ConnectionString, caseNumber)).Should().Be(1);
    }

    /// <summary>One applicant signed in on the first node, with a client on every node (the token is good on all).</summary>
    private static async Task<List<HttpClient>> ApplicantOnEveryNodeAsync(Cluster cluster)
    {
        var user = await cluster.Nodes[0].CreateUserAsync(Roles.Applicant);
        var token = await cluster.Nodes[0].TokenAsync(user.Username);
        return cluster.Nodes.Select(n => n.ClientWithToken(token)).ToList();
    }

    [Fact]
    public async Task A_second_node_replays_the_first_nodes_answer()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var cluster = await Cluster.StartAsync(cs, 2);
        var clients = await ApplicantOnEveryNodeAsync(cluster);
        var key = Keyed.NewKey();
        var caseNumber = Keyed.NewCaseNumber();

        var first = await clients[0].CreateClaimAsync(Keyed.Claim(caseNumber), key);
        var second = await clients[1].CreateClaimAsync(Keyed.Claim(caseNumber), key);

        first.StatusCode.Should().Be(HttpStatusCode.Created);
        second.StatusCode.Should().Be(HttpStatusCode.Created);
        second.WasReplayed().Should().BeTrue();
        (await second.Content.ReadAsStringAsync()).Should().Be(await first.Content.ReadAsStringAsync());
        (await Keyed.ClaimsForCaseAsync(cs, caseNumber)).Should().Be(1);
    }

    [Fact]
    public async Task Parallel_repeats_spread_over_two_nodes_run_once()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var cluster = await Cluster.StartAsync(cs, 2);
        var clients = await ApplicantOnEveryNodeAsync(cluster);
        var key = Keyed.NewKey();
        var caseNumber = Keyed.NewCaseNumber();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => clients[i % 2].CreateClaimAsync(Keyed.Claim(caseNumber), key)));

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Created);
        bodies.Distinct().Should().ContainSingle();
        (await Keyed.ClaimsForCaseAsync(cs, caseNumber)).Should().Be(1);
    }
}
