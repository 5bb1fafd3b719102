using System.Net;
using System.Net.Http.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Foundation;

public sealed class ClusterAuthTests
{
    [Fact]
    public async Task A_token_issued_by_one_node_is_accepted_by_the_others()
    {
        var cs = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var cluster = await Cluster.StartAsync(cs, nodes: 3);
        var user = await cluster.Nodes[0].CreateUserAsync(Roles.Finance);
        var token = await cluster.Nodes[0].TokenAsync(user.Username);

        foreach (var node in cluster.Nodes.Skip(1))
        {
            var me = await node.ClientWithToken(token).GetAsync("/api/v1/auth/me");
            me.StatusCode.Should().Be(HttpStatusCode.OK);
            (await me.Content.ReadFromJsonAsync<Me>())!.Role.Should().Be("finance");
        }

        await using var conn = await TestPostgres.OpenAsync(cs);
        (await conn.ExecuteScalarAsync<long>("SELECT count(*) FROM data_protection_keys")).Should().Be(1, "nodes starting together share one key");
    }
}
