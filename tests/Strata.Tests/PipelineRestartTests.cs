using System.Net;
using System.Text.Json.Nodes;

namespace Strata.Tests;

/// <summary>
/// A pipeline that a kill -9 interrupted resumes at the next start: the nodes that had completed keep their
/// executions and rows, the node that was submitted follows its own execution (never a second one), and the rest run.
/// </summary>
public sealed class PipelineRestartTests
{
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Strata__Medium__Slots"] = "2",
        ["Strata__Medium__Threads"] = "1",
        ["Strata__Large__Slots"] = "1",
        ["Strata__Large__Threads"] = "1",
        ["Strata__Large__MemoryLimit"] = "1GB",
    };

    private static async Task<long> CreateQueryAsync(HttpClient client, string sql)
    {
        var (status, body, _) = await client.PostJsonAsync("/api/v1/query",
            new JsonObject { ["name"] = "pipeline restart", ["query_sql"] = sql }.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
        return body!["query_id"]!.GetValue<long>();
    }

    private static async Task<JsonNode> ViewAsync(HttpClient client, string name) =>
        await client.GetFromJsonNodeAsync($"/api/v1/materialized-views/dune.alice.{name}");

    /// <summary>Upserts a view and waits until its first refresh is its table.</summary>
    private static async Task CreateViewAsync(HttpClient client, string name, long queryId)
    {
        var (status, body, _) = await client.PostJsonAsync("/api/v1/materialized-views", new JsonObject { ["name"] = name, ["query_id"] = queryId }.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
        string execution = body!["execution_id"]!.GetValue<string>();
        await client.WaitAsync(execution);
        await UntilAsync(async () => (await ViewAsync(client, name))["table_execution_id"]?.GetValue<string>() == execution, $"view {name} applied");
    }

    private static async Task<JsonNode> StatusAsync(HttpClient client, string pipeline) =>
        await client.GetFromJsonNodeAsync($"/api/v1/pipelines/executions/{pipeline}/status");

    private static JsonNode Node(JsonNode status, int index)
    {
        var node = status["node_executions"]![index]!;
        return (node["materialized_view_refresh_status"] ?? node["query_execution_status"])!;
    }

    /// <summary>Polls the API, as a client does, until the condition holds (2 minutes at most).</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task After_kill_9_a_pipeline_resumes_keeping_its_completed_node_and_its_submitted_node_runs_once()
    {
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            string pipeline, blocker, aExecution, bExecution;
            long query;
            await using (var server = await StrataServer.StartAsync(dataDir, Settings))
            {
                var alice = server.Alice;
                long qa = await CreateQueryAsync(alice, "select 1 as v");
                long qb = await CreateQueryAsync(alice, "select v + 1 as v from dune.alice.result_a");
                await CreateViewAsync(alice, "result_a", qa);
                await CreateViewAsync(alice, "result_b", qb);
                query = await CreateQueryAsync(alice, "select v * 10 as v from dune.alice.result_b");
                await PatchAsync(alice, qa, "select 5 as v");
                // The one large slot is busy, so B's refresh (large) waits in the queue while A's (medium) completes.
                blocker = await alice.SubmitAsync(LifecycleTests.Endless, performance: "large");
                await alice.WaitForStateAsync(blocker, "QUERY_STATE_EXECUTING");
                string body = $$$"""
                    {"pipeline":{"nodes":[
                      {"id":1,"materialized_view_refresh":{"name":"result_a","performance":"medium"}},
                      {"id":2,"dependencies":[1],"materialized_view_refresh":{"name":"result_b","performance":"large"}},
                      {"id":3,"dependencies":[2],"query_execution":{"query_id":{{{query}}},"performance":"medium"}}]}}
                    """;
                var (status, started, _) = await alice.PostJsonAsync("/api/v1/pipelines/execute", body);
                Assert.True(status == HttpStatusCode.OK, $"{status} {started}");
                pipeline = started!["pipeline_execution_id"]!.GetValue<string>();
                await UntilAsync(async () => Node(await StatusAsync(alice, pipeline), 1)["execution_id"] is not null, "node 2 submitted");
                var before = await StatusAsync(alice, pipeline);
                Assert.Equal("QUERY_STATE_COMPLETED", Node(before, 0)["status"]!.GetValue<string>());
                aExecution = Node(before, 0)["execution_id"]!.GetValue<string>();
                bExecution = Node(before, 1)["execution_id"]!.GetValue<string>();
                Assert.Equal("QUERY_STATE_PENDING", (await alice.GetFromJsonNodeAsync($"/api/v1/execution/{bExecution}/status"))["state"]!.GetValue<string>());
                Assert.Null(Node(before, 2)["execution_id"]);
                await server.KillAsync();
            }
            await using (var server = await StrataServer.StartAsync(dataDir, Settings))
            {
                var alice = server.Alice;
                JsonNode ended = null!;
                await UntilAsync(async () => (ended = await StatusAsync(alice, pipeline))["status"]!.GetValue<string>() is "completed" or "failed", "the pipeline's end");
                // Before: "failed", with "The server restarted while this pipeline ran..." and nodes 2 and 3 never run.
                Assert.True(ended["status"]!.GetValue<string>() == "completed", ended.ToJsonString());
                Assert.Equal(aExecution, Node(ended, 0)["execution_id"]!.GetValue<string>());
                Assert.Equal(bExecution, Node(ended, 1)["execution_id"]!.GetValue<string>());
                Assert.All(Enumerable.Range(0, 3), i => Assert.Equal("QUERY_STATE_COMPLETED", Node(ended, i)["status"]!.GetValue<string>()));
                // A was refreshed once, before the kill; B by its node's execution, submitted before the kill.
                var a = await ViewAsync(alice, "result_a");
                Assert.Equal(aExecution, a["table_execution_id"]!.GetValue<string>());
                Assert.Equal(aExecution, a["last_execution_ids"]![0]!.GetValue<string>());
                Assert.Equal(bExecution, (await ViewAsync(alice, "result_b"))["table_execution_id"]!.GetValue<string>());
                string last = Node(ended, 2)["execution_id"]!.GetValue<string>();
                var rows = await alice.GetFromJsonNodeAsync($"/api/v1/execution/{last}/results");
                Assert.Equal(60, rows["result"]!["rows"]![0]!["v"]!.GetValue<long>());
                // The endless query that ran at the kill is a crash suspect and did not run again.
                var blocked = await alice.GetFromJsonNodeAsync($"/api/v1/execution/{blocker}/status");
                Assert.Equal("QUERY_STATE_FAILED", blocked["state"]!.GetValue<string>());
                Assert.Contains("resumed after a restart: 1 of 3 nodes had completed", server.Output, StringComparison.Ordinal);
            }
        }
        finally
        {
            StrataServer.TryDelete(dataDir);
        }
    }

    private static async Task PatchAsync(HttpClient client, long queryId, string sql)
    {
        var (status, body, _) = await client.SendJsonAsync(HttpMethod.Patch, $"/api/v1/query/{queryId}", new JsonObject { ["query_sql"] = sql }.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
    }
}
