using System.Diagnostics;
using System.Net;
using Dapper;
using FluentAssertions;
using Hangfire;
using SubsidyService.Tests.Infrastructure;

namespace SubsidyService.Tests.Jobs;

/// <summary>Real Hangfire servers, several nodes on one database.</summary>
public sealed class JobClusterTests
{
    [Fact]
    public async Task Nodes_starting_together_on_a_new_database_install_the_job_schema_once_and_each_runs_a_server()
    {
        var cs = await TestPostgres.CreateEmptyDatabaseAsync();
        await using var cluster = await Cluster.StartAsync(cs, nodes: 3);

        await using var conn = await TestPostgres.OpenAsync(cs);
        (await conn.QuerySingleAsync<long>("SELECT count(*) FROM hangfire.schema")).Should().Be(1);
        await WaitUntilAsync(async () => await conn.QuerySingleAsync<long>("SELECT count(*) FROM hangfire.server") == 3,
            "every node announces its job server");
        foreach (var node in cluster.Nodes)
            (await node.CreateClient().GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await conn.QuerySingleAsync<long>("SELECT count(*) FROM hangfire.set WHERE key = 'recurring-jobs'"))
            .Should().BeGreaterThan(0, "each feature's recurring jobs are registered at start-up");
    }

    [Fact]
    public async Task A_recurring_job_fires_once_per_occurrence_however_many_nodes_run()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestJobs.CreateTablesAsync(cs);
        await using var cluster = await Cluster.StartAsync(cs, nodes: 2, i => TestJobs.Node(cs, $"node{i}", withCounter: true));

        await using var conn = await TestPostgres.OpenAsync(cs);
        await WaitUntilAsync(async () => await conn.QuerySingleAsync<long>("SELECT count(*) FROM test_job_runs") >= 5,
            "the every-second job has fired five times", TimeSpan.FromSeconds(60));

        var runs = (await conn.QueryAsync<(string JobId, long? Occurrence)>("SELECT job_id, occurrence FROM test_job_runs")).ToList();
        runs.Should().OnlyContain(r => r.Occurrence != null, "every run was fired by the schedule");
        runs.GroupBy(r => r.Occurrence).Should().OnlyContain(g => g.Count() == 1, "no occurrence is fired by both nodes");
        runs.GroupBy(r => r.JobId).Should().OnlyContain(g => g.Count() == 1, "no job runs twice");
    }

    [Fact]
    public async Task A_job_whose_node_stops_while_running_it_is_finished_by_another_node_once()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestJobs.CreateTablesAsync(cs);
        await using var holder = TestJobs.Node(cs, HandoverJob.Holder);
        _ = holder.Server;
        await using var conn = await TestPostgres.OpenAsync(cs);

        var jobId = holder.Service<IBackgroundJobClient>().Enqueue<HandoverJob>(j => j.RunAsync("handover", CancellationToken.None));
        await WaitUntilAsync(async () => await conn.QuerySingleAsync<long>("SELECT count(*) FROM test_job_attempts") == 1,
            "the first node has started the job");

        await using var other = TestJobs.Node(cs, "other");
        _ = other.Server;
        await holder.DisposeAsync();

        await other.WaitForJobAsync(jobId);
        (await conn.QueryAsync<string>("SELECT node FROM test_job_attempts ORDER BY at")).Should().Equal(HandoverJob.Holder, "other");
        (await conn.QueryAsync<string>("SELECT node FROM test_job_effects WHERE key = 'handover'")).Should().Equal("other");
    }

    [Fact]
    public async Task A_job_scheduled_by_a_node_that_has_since_stopped_runs_on_another_node()
    {
        var cs = await TestPostgres.CreateMigratedDatabaseAsync();
        await TestJobs.CreateTablesAsync(cs);
        await using var cluster = await Cluster.StartAsync(cs, nodes: 2, i => TestJobs.Node(cs, i == 0 ? "leaving" : "staying"));
        var (leaving, staying) = (cluster.Nodes[0], cluster.Nodes[1]);

        var jobId = leaving.Service<IBackgroundJobClient>().Schedule<HandoverJob>(j => j.RunAsync("scheduled", CancellationToken.None), TimeSpan.FromSeconds(1));
        await leaving.DisposeAsync();

        await staying.WaitForJobAsync(jobId);
        await using var conn = await TestPostgres.OpenAsync(cs);
        (await conn.QueryAsync<string>("SELECT node FROM test_job_effects WHERE key = 'scheduled'")).Should().Equal("staying");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > (timeout ?? TimeSpan.FromSeconds(30))) throw new Xunit.Sdk.XunitException($"Timed out waiting until {what}.");
            await Task.Delay(100);
        }
    }
}
