using System.Net;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Idempotency;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Chaos;

public sealed class IdempotencyStormTests
{
    [Fact]
    public async Task A_thousand_concurrent_creations_with_one_key_make_one_claim_and_one_answer()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await using var cluster = await Cluster.StartAsync(cs, 2);
        var user = await cluster.Nodes[0].CreateUserAsync(Roles.Applicant);
        var token = await cluster.Nodes[0].TokenAsync(user.Username);
        var clients = cluster.Nodes.Select(n => n.ClientWithToken(token)).ToList();
        var key = Keyed.NewKey();
        var caseNumber = Keyed.NewCaseNumber();
        var body = Keyed.Claim(caseNumber);

        // All 1,000 are in flight together, spread over two nodes; the repeats wait for the first one's answer.
        using var gate = new SemaphoreSlim(0);
        var sends = Enumerable.Range(0, 1_000).Select(async i =>
        {
            await gate.WaitAsync();
            return await clients[i % 2].CreateClaimAsync(body, key);
        }).ToList();
        gate.Release(sends.Count);
        var responses = await Task.WhenAll(sends);

        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        responses.Select(r => r.StatusCode).Should().AllBeEquivalentTo(HttpStatusCode.Created, string.Join("\n", bodies.Distinct().Take(3)));
        bodies.Distinct().Should().ContainSingle("every repeat gets the first answer byte for byte");
        responses.Count(r => !r.WasReplayed()).Should().Be(1);
        (await Keyed.ClaimsForCaseAsync(cs, caseNumber)).Should().Be(1);
    }
}
