using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using FluentAssertions;
using SubsidyService.Accounts;
using SubsidyService.Claims;
using SubsidyService.Policy;
using SubsidyService.Tests.Claims;
using SubsidyService.Tests.Infrastructure;
using SubsidyService.Tests.Policy;
using SubsidyService.Kernel;

namespace SubsidyService.Tests.Performance;

/// <summary>
/// Issue 12: policy versions are read on every estimate and claim, so each node keeps them in memory and
/// drops them when the table changes (a trigger notifies; every node listens); a claim's view is one batch.
/// </summary>
public sealed class PolicyCacheTests : IAsyncLifetime
{
    private string connectionString = "";
    private Cluster cluster = null!;

    public async Task InitializeAsync()
    {
        connectionString = await TestPostgres.CreateMigratedDatabaseAsync();
        cluster = await Cluster.StartAsync(connectionString, nodes: 2);
    }

    public async Task DisposeAsync() => await cluster.DisposeAsync();

    private static Dictionary<string, object?> Facts(string judgmentDate)
    {
        var facts = EstimateFacts.Valid();
        facts["judgmentEffectiveDate"] = judgmentDate;
        return facts;
    }

    /// <summary>Waits for the node's listener to connect: until then every read goes to the database, by design.</summary>
    private static async Task WarmAsync(SubsidyApp node)
    {
        var store = node.Service<PolicyStore>();
        var client = node.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            (await EstimateFacts.PostAsync(client, Facts("2024-05-20"))).EnsureSuccessStatusCode();
            var before = store.DatabaseReads;
            (await EstimateFacts.PostAsync(client, Facts("2024-05-20"))).EnsureSuccessStatusCode();
            if (store.DatabaseReads == before) return;
            DateTime.UtcNow.Should().BeBefore(deadline, "the node should start listening for policy changes");
            await Task.Delay(100);
        }
    }

    private static async Task<HttpResponseMessage> EventuallyAsync(Func<Task<HttpResponseMessage>> request, Func<HttpResponseMessage, Task<bool>> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var response = await request();
            if (await done(response) || DateTime.UtcNow > deadline) return response;
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Estimates_are_answered_without_reading_the_policy_table()
    {
        var node = cluster.Nodes[0];
        await WarmAsync(node);
        var store = node.Service<PolicyStore>();
        var before = store.DatabaseReads;
        var client = node.CreateClient();
        for (var i = 0; i < 20; i++)
            (await EstimateFacts.PostAsync(client, Facts("2024-05-20"))).EnsureSuccessStatusCode();
        store.DatabaseReads.Should().Be(before);
    }

    [Fact]
    public async Task A_version_added_on_one_node_is_used_by_the_other_and_a_change_by_hand_by_both()
    {
        var (a, b) = (cluster.Nodes[0], cluster.Nodes[1]);
        await WarmAsync(a);
        await WarmAsync(b);
        var onB = b.CreateClient();
        (await EstimateFacts.JsonAsync(await EstimateFacts.PostAsync(onB, Facts("2022-05-01")))).GetProperty("reasons")
            .EnumerateArray().Select(r => r.GetProperty("code").GetString()).Should().Contain("no_policy_in_force", "no version is in force in 2022 yet");

        var (admin, _) = await a.ClientAsAsync(Roles.Admin);
        var added = await admin.PostAsJsonAsync("/api/v1/policy-versions", new Dictionary<string, object?>
        {
            ["id"] = "2020-trial", ["effectiveFrom"] = "2020-01-01", ["effectiveTo"] = "2022-12-31", ["rate"] = "0.40",
            ["caps"] = new Dictionary<string, string> { ["natural_person"] = "3000.00", ["legal_person"] = "8000.00", ["major_or_foreign"] = "40000.00" },
            ["winningOutcomes"] = new[] { "won" }, ["regularCaseTypes"] = new[] { "patent_infringement" },
            ["majorCaseTypes"] = new[] { "patent_infringement" }, ["applicationWindowDays"] = null, ["publicNoticeWorkingDays"] = 5,
        });
        added.StatusCode.Should().Be(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        await Policy.PolicyApi.ConfirmAsFinanceAsync(a, "2020-trial");

        // The node that made the change knows at once; the other as soon as the notification arrives.
        (await EstimateFacts.PostAsync(a.CreateClient(), Facts("2022-05-01"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var seen = await EventuallyAsync(() => EstimateFacts.PostAsync(onB, Facts("2022-05-01")),
            async r => (await EstimateFacts.JsonAsync(r)).GetProperty("policyVersion").GetString() == "2020-trial");
        (await EstimateFacts.JsonAsync(seen)).GetProperty("policyVersion").GetString().Should().Be("2020-trial");

        await using (var conn = await TestPostgres.OpenAsync(connectionString))
            await conn.ExecuteAsync("UPDATE policy_versions SET definition = jsonb_set(definition, '{rate}', '\"0.30\"') WHERE id = '2020-trial'");
        foreach (var node in cluster.Nodes)
        {
            var client = node.CreateClient();
            var changed = await EventuallyAsync(() => EstimateFacts.PostAsync(client, Facts("2022-05-01")),
                async r => (await EstimateFacts.JsonAsync(r)).GetProperty("rate").GetString() == "0.30");
            (await EstimateFacts.JsonAsync(changed)).GetProperty("rate").GetString().Should().Be("0.30");
        }
    }

    [Fact]
    public async Task A_claims_view_is_read_in_one_round_trip()
    {
        var node = cluster.Nodes[0];
        await WarmAsync(node);
        var (applicant, user) = await node.ClientAsAsync(Roles.Applicant);
        var claim = await ClaimApi.MustFireAsync(applicant, await ClaimApi.CreateAsync(applicant), "submit");
        var reader = node.Service<ClaimReader>();

        using var source = new ActivitySource("SubsidyService.Tests.RoundTrips");
        var commands = new List<string>();
        ActivityTraceId trace = default;
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Npgsql" || s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.Source.Name == "Npgsql" && a.TraceId == trace)
                    lock (commands) commands.Add(a.DisplayName);
            },
        };
        ActivitySource.AddActivityListener(listener);

        using (var root = source.StartActivity("get claim")!)
        {
            trace = root.TraceId;
            var view = await reader.GetAsync(new Actor(user.Id, user.Username, user.Username, SubsidyService.Domain.Claims.Role.Applicant), claim.Id());
            view.Succeeded.Should().BeTrue();
            view.Value!.History.Should().NotBeEmpty();
        }

        commands.Where(c => !c.Contains("open", StringComparison.OrdinalIgnoreCase)).Should().ContainSingle(string.Join("\n", commands));
    }
}
