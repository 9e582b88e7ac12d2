using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Strata.Cluster.Postgres;
using Strata.Metadata.Postgres;

namespace Strata.Tests.Cluster;

/// <summary>
/// One node runs a given pipeline: the one holding its claim (a session advisory lock). A starting node leaves a
/// pipeline another live node runs; once that node dies, one other node takes it up.
/// </summary>
[Collection("Cluster")]
public sealed class PipelineClaimTests
{
    [Fact]
    public async Task A_pipeline_claim_is_held_by_one_node_freed_by_its_end_and_reported_lost_once_another_node_took_it()
    {
        var postgres = await PostgresServer.Shared;
        string database = await postgres.CreateDatabaseAsync();
        try
        {
            var settings = PostgresMetadataStore.ParseConnectionString(postgres.ConnectionString(database));
            await using var db = new ClusterDatabase(settings);
            await using var a = new PostgresPipelineClaims(db, TimeSpan.FromSeconds(3), NullLogger<PostgresPipelineClaims>.Instance);
            await using var b = new PostgresPipelineClaims(db, TimeSpan.FromSeconds(3), NullLogger<PostgresPipelineClaims>.Instance);
            Assert.True(await a.TryClaimAsync("p1", CancellationToken.None));
            Assert.False(await b.TryClaimAsync("p1", CancellationToken.None));
            // Held here already: not claimed twice (the caller runs it).
            Assert.False(await a.TryClaimAsync("p1", CancellationToken.None));
            Assert.True(await b.TryClaimAsync("p2", CancellationToken.None));
            await a.ReleaseAsync("p1");
            Assert.True(await b.TryClaimAsync("p1", CancellationToken.None));
            Assert.Empty(await b.VerifyAsync(CancellationToken.None));

            // B's session ends (as when its connection breaks): A takes p1 meanwhile; B takes p2 again and reports p1 lost.
            await TerminateAsync(postgres.ConnectionString(database), "strata-pipelines");
            Assert.True(await a.TryClaimAsync("p1", CancellationToken.None));
            Assert.Equal(["p1"], await b.VerifyAsync(CancellationToken.None));
            Assert.False(await a.TryClaimAsync("p2", CancellationToken.None));
            Assert.Empty(await b.VerifyAsync(CancellationToken.None));
        }
        finally
        {
            await postgres.DropDatabaseAsync(database);
        }
    }

    /// <summary>Ends the sessions of the given application name except A's newest one: B's (the one with p2 held).</summary>
    private static async Task TerminateAsync(string connectionString, string application)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        // The session holding p2 is B's.
        int pid;
        await using (var find = new NpgsqlCommand("""
            SELECT a.pid FROM pg_stat_activity a
            WHERE a.application_name = $1 AND a.datname = current_database()
              AND EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = a.pid AND l.locktype = 'advisory'
                          AND ((l.classid::bigint << 32) | l.objid::bigint) = hashtextextended('strata-pipeline:p2', 0))
            """, connection))
        {
            find.Parameters.Add(new NpgsqlParameter { Value = application });
            pid = (int)(await find.ExecuteScalarAsync())!;
        }
        await using (var terminate = new NpgsqlCommand("SELECT pg_terminate_backend($1)", connection))
        {
            terminate.Parameters.Add(new NpgsqlParameter { Value = pid });
            Assert.Equal(true, await terminate.ExecuteScalarAsync());
        }
        // pg_terminate_backend only signals the backend: its advisory locks go when it has exited.
        var deadline = DateTime.UtcNow + Api.HangGuard;
        await using var gone = new NpgsqlCommand("SELECT NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = $1)", connection);
        gone.Parameters.Add(new NpgsqlParameter { Value = pid });
        while (!(bool)(await gone.ExecuteScalarAsync())!)
        {
            Assert.True(DateTime.UtcNow < deadline, $"backend {pid} did not exit");
            await Task.Delay(10);
        }
    }

    [Fact]
    public async Task Of_two_nodes_only_the_one_holding_a_pipeline_runs_it_and_the_other_takes_it_up_once_when_that_one_dies()
    {
        var postgres = await PostgresServer.Shared;
        string database = await postgres.CreateDatabaseAsync();
        var settings = ClusterFixture.ClusterSettings(postgres.ConnectionString(database));
        settings["Strata__Large__Slots"] = "1";
        settings["Strata__Large__Threads"] = "1";
        settings["Strata__Large__MemoryLimit"] = "1GB";
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-cluster-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var a = await StrataServer.StartAsync(dataDir, settings);
            var alice = a.Alice;
            // Every large slot stays busy: A's with one endless query, B's (once started) with the next one, queued first.
            string blockerA = await alice.SubmitAsync(LifecycleTests.Endless, performance: "large");
            await alice.WaitForStateAsync(blockerA, "QUERY_STATE_EXECUTING");
            string blockerB = await alice.SubmitAsync(LifecycleTests.Endless, performance: "large");
            long quick = await CreateQueryAsync(alice, "select 6 as v");
            long held = await CreateQueryAsync(alice, "select 7 as v");
            var (status, started, _) = await alice.PostJsonAsync("/api/v1/pipelines/execute", $$$"""
                {"pipeline":{"nodes":[
                  {"id":1,"query_execution":{"query_id":{{{quick}}},"performance":"medium"}},
                  {"id":2,"dependencies":[1],"query_execution":{"query_id":{{{held}}},"performance":"large"}}]}}
                """);
            Assert.True(status == HttpStatusCode.OK, $"{status} {started}");
            string pipeline = started!["pipeline_execution_id"]!.GetValue<string>();
            string second = null!;
            await UntilAsync(async () => (second = Node(await StatusAsync(alice, pipeline), 1)["execution_id"]?.GetValue<string>()!) is not null, "node 2 submitted");

            // B starts while A runs the pipeline: it leaves it to A. Before: B resumed it too.
            await using var b = await StrataServer.StartAsync(dataDir, settings);
            await UntilAsync(() => Task.FromResult(b.Output.Contains($"Pipeline {pipeline} is unfinished and another node holds it", StringComparison.Ordinal)), "B's look at the pipeline");
            Assert.DoesNotContain($"Pipeline {pipeline} resumed", b.Output, StringComparison.Ordinal);
            await b.Alice.WaitForStateAsync(blockerB, "QUERY_STATE_EXECUTING");

            // A dies: its session and claim go with it, and B takes the pipeline up (within a lease), once.
            await a.KillAsync();
            await UntilAsync(() => Task.FromResult(b.Output.Contains($"Pipeline {pipeline} resumed", StringComparison.Ordinal)), "B resuming the pipeline");
            foreach (string blocker in new[] { blockerA, blockerB })
            {
                var (code, _, _) = await b.Alice.PostJsonAsync($"/api/v1/execution/{blocker}/cancel", null);
                Assert.Equal(HttpStatusCode.OK, code);
            }
            JsonNode ended = null!;
            await UntilAsync(async () => (ended = await StatusAsync(b.Alice, pipeline))["status"]!.GetValue<string>() is "completed" or "failed", "the pipeline's end");
            Assert.True(ended["status"]!.GetValue<string>() == "completed", ended.ToJsonString());
            // Node 2 kept the execution A submitted, and it ran once, on B.
            Assert.Equal(second, Node(ended, 1)["execution_id"]!.GetValue<string>());
            Assert.Equal(1, ClusterFixture.Count(a.Output + b.Output, $"Execution {second} started, attempt "));
            Assert.Equal(1, ClusterFixture.Count(b.Output, $"Pipeline {pipeline} resumed"));
            Assert.DoesNotContain($"Pipeline {pipeline} resumed", a.Output, StringComparison.Ordinal);
            var rows = await b.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{second}/results");
            Assert.Equal(7, rows["result"]!["rows"]![0]!["v"]!.GetValue<int>());
        }
        finally
        {
            StrataServer.TryDelete(dataDir);
            await postgres.DropDatabaseAsync(database);
        }
    }

    private static async Task<long> CreateQueryAsync(HttpClient client, string sql)
    {
        var (status, body, _) = await client.PostJsonAsync("/api/v1/query",
            new JsonObject { ["name"] = "pipeline claim", ["query_sql"] = sql }.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
        return body!["query_id"]!.GetValue<long>();
    }

    private static async Task<JsonNode> StatusAsync(HttpClient client, string pipeline) =>
        await client.GetFromJsonNodeAsync($"/api/v1/pipelines/executions/{pipeline}/status");

    private static JsonNode Node(JsonNode status, int index)
    {
        var node = status["node_executions"]![index]!;
        return (node["materialized_view_refresh_status"] ?? node["query_execution_status"])!;
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }
}
