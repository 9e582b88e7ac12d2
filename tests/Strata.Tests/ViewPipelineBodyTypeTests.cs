using Strata.Application.Views;

namespace Strata.Tests;

/// <summary>
/// The materialized-view and pipeline bodies bound by the source-generated context (arch13): every refusal the hand
/// parser made is still a 400 with the same contract error body (one key, the same words), a field of the wrong JSON type
/// included, and the path route reads only what it read before. In process, one shared server.
/// </summary>
[Collection(InProcessServerCollection.Name)]
public sealed class ViewPipelineBodyTypeTests(InProcessSharedServer shared)
{
    private const string Performance = "performance must be \"medium\" or \"large\"";
    private const string ViewQueryId = "query_id is required: the id of a saved query you may run";
    private const string PipelineQueryId = "query_id is required: the id of the saved query the pipeline ends with (or pipeline, its explicit nodes)";
    private const string Both = "give either query_id (the pipeline of the query's lineage) or pipeline (explicit nodes), not both";
    private const string Shape = "pipeline must be an object with a list \"nodes\"";
    private const string Node0 = "pipeline.nodes[0]";

    private HttpClient Alice => shared.Server.Alice;

    private async Task AssertRefusedAsync(string path, string body, string error)
    {
        var (status, json, response) = await Alice.PostJsonAsync(path, body);
        Assert.True(status == HttpStatusCode.BadRequest, $"{path} {body}: {status} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(error, json!["error"]!.GetValue<string>());
        Assert.Single(json.AsObject());
    }

    [Theory]
    [InlineData("""{"query_id":1}""", "name is required: the view's name, result_<name>")]
    [InlineData("""{"name":null,"query_id":1}""", "name is required: the view's name, result_<name>")]
    [InlineData("""{"name":5,"query_id":1}""", "name must be a string")]
    [InlineData("""{"name":"result_x"}""", ViewQueryId)]
    [InlineData("""{"name":"result_x","query_id":"7"}""", ViewQueryId)]
    [InlineData("""{"name":"result_x","query_id":7.5}""", ViewQueryId)]
    [InlineData("""{"name":"result_x","query_id":1e2}""", ViewQueryId)]
    [InlineData("""{"name":"result_x","query_id":0}""", ViewQueryId)]
    [InlineData("""{"name":"result_x","query_id":-3}""", ViewQueryId)]
    [InlineData("""{"name":"result_x","query_id":99999999999999999999}""", ViewQueryId)]
    [InlineData("""{"name":"result_x","query_id":1,"cron_expression":5}""", "cron_expression must be a string")]
    [InlineData("""{"name":"result_x","query_id":1,"performance":5}""", Performance)]
    [InlineData("""{"name":"result_x","query_id":1,"performance":"huge"}""", Performance + ", got \"huge\"")]
    [InlineData("""{"name":"result_x","query_id":1,"is_private":"yes"}""", "is_private must be true or false")]
    [InlineData("""{"name":"result_x","query_id":1,"is_private":1}""", "is_private must be true or false")]
    public Task Upsert_view_refuses_a_missing_or_wrongly_typed_field_naming_it(string body, string error) =>
        AssertRefusedAsync("/api/v1/materialized-views", body, error);

    [Theory]
    [InlineData("""{"performance":5}""", Performance)]
    [InlineData("""{"performance":["large"]}""", Performance)]
    [InlineData("""{"performance":"huge"}""", Performance + ", got \"huge\"")]
    public Task Refresh_view_refuses_a_performance_that_is_not_a_tier(string body, string error) =>
        AssertRefusedAsync("/api/v1/materialized-views/dune.alice.result_nothing/refresh", body, error);

    [Theory]
    [InlineData("""{}""", PipelineQueryId)]
    [InlineData("""{"query_id":"7"}""", PipelineQueryId)]
    [InlineData("""{"query_id":0}""", PipelineQueryId)]
    [InlineData("""{"query_id":1.5}""", PipelineQueryId)]
    [InlineData("""{"pipeline":null}""", PipelineQueryId)]
    [InlineData("""{"query_id":1,"performance":5}""", Performance)]
    [InlineData("""{"query_id":null,"pipeline":{"nodes":[]}}""", Both)]
    [InlineData("""{"query_id":"x","pipeline":5}""", Both)]
    [InlineData("""{"pipeline":5}""", Shape)]
    [InlineData("""{"pipeline":{}}""", Shape)]
    [InlineData("""{"pipeline":{"nodes":null}}""", Shape)]
    [InlineData("""{"pipeline":{"nodes":{"id":1}}}""", Shape)]
    [InlineData("""{"pipeline":{"nodes":[5]}}""", Node0 + " must be an object")]
    [InlineData("""{"pipeline":{"nodes":[null]}}""", Node0 + " must be an object")]
    [InlineData("""{"pipeline":{"nodes":[{"query_execution":{"query_id":1}}]}}""", Node0 + ".id is required: an integer naming the node")]
    [InlineData("""{"pipeline":{"nodes":[{"id":1.5,"query_execution":{"query_id":1}}]}}""", Node0 + ".id is required: an integer naming the node")]
    [InlineData("""{"pipeline":{"nodes":[{"id":3000000000,"query_execution":{"query_id":1}}]}}""", Node0 + ".id is required: an integer naming the node")]
    [InlineData("""{"pipeline":{"nodes":[{"id":1,"dependencies":3,"query_execution":{"query_id":1}}]}}""", Node0 + ".dependencies must be a list of node ids")]
    [InlineData("""{"pipeline":{"nodes":[{"id":1,"dependencies":["2"],"query_execution":{"query_id":1}}]}}""", Node0 + ".dependencies must be a list of node ids")]
    [InlineData("""{"pipeline":{"nodes":[{"id":1,"dependencies":[2,null],"query_execution":{"query_id":1}}]}}""", Node0 + ".dependencies must be a list of node ids")]
    [InlineData("""{"pipeline":{"nodes":[{"id":1}]}}""", Node0 + " must have exactly one of materialized_view_refresh and query_execution")]
    [InlineData("""{"pipeline":{"nodes":[{"id":1,"materialized_view_refresh":{"name":"a"},"query_execution":{"query_id":1}}]}}""", Node0 + " must have exactly one of materialized_view_refresh and query_execution")]
    [InlineData("""{"pipeline":{"nodes":[{"id":1,"query_execution":5}]}}""", Node0 + ".query_execution must be an object")]
    [InlineData("""{"pipeline":{"nodes":[{"id":1,"materialized_view_refresh":[]}]}}""", Node0 + ".materialized_view_refresh must be an object")]
    [InlineData("""{"pipeline":{"nodes":[{"id":1,"materialized_view_refresh":{}}]}}""", Node0 + ".materialized_view_refresh.name is required: the materialized view to refresh")]
    [InlineData("""{"pipeline":{"nodes":[{"id":1,"materialized_view_refresh":{"name":5}}]}}""", Node0 + ".materialized_view_refresh.name is required: the materialized view to refresh")]
    [InlineData("""{"pipeline":{"nodes":[{"id":1,"materialized_view_refresh":{"name":"a","performance":"huge"}}]}}""", Performance + ", got \"huge\"")]
    [InlineData("""{"pipeline":{"nodes":[{"id":1,"query_execution":{"query_id":"1"}}]}}""", Node0 + ".query_execution.query_id is required: the id of a saved query")]
    [InlineData("""{"pipeline":{"nodes":[{"id":1,"query_execution":{"query_id":-1}}]}}""", Node0 + ".query_execution.query_id is required: the id of a saved query")]
    [InlineData("""{"pipeline":{"nodes":[{"id":1,"query_execution":{"query_id":1,"performance":5}}]}}""", Performance)]
    [InlineData("""{"pipeline":{"nodes":[{"id":1,"query_execution":{"query_id":1}},{"id":"2","query_execution":{"query_id":1}}]}}""", "pipeline.nodes[1].id is required: an integer naming the node")]
    public Task Execute_pipeline_refuses_a_bad_body_naming_the_field(string body, string error) =>
        AssertRefusedAsync("/api/v1/pipelines/execute", body, error);

    [Fact]
    public Task Execute_pipeline_refuses_more_nodes_than_allowed() =>
        AssertRefusedAsync("/api/v1/pipelines/execute",
            "{\"pipeline\":{\"nodes\":[" + string.Join(",", Enumerable.Range(1, Pipelines.MaxNodes + 1).Select(i => $$$"""{"id":{{{i}}},"query_execution":{"query_id":1}}""")) + "]}}",
            $"pipeline.nodes has {Pipelines.MaxNodes + 1} nodes; at most {Pipelines.MaxNodes} are allowed");

    /// <summary>The path names the query: a pipeline or query_id in the body is not read, as before; performance is.</summary>
    [Fact]
    public async Task The_path_route_reads_only_performance_and_parameters_from_the_body()
    {
        var (created, query, _) = await Alice.PostJsonAsync("/api/v1/query", """{"name":"pipeline path","query_sql":"SELECT 1 AS one"}""");
        Assert.Equal(HttpStatusCode.OK, created);
        long id = query!["query_id"]!.GetValue<long>();
        await AssertRefusedAsync($"/api/v1/query/{id}/pipeline/execute", """{"performance":5}""", Performance);
        var (status, json, response) = await Alice.PostJsonAsync($"/api/v1/query/{id}/pipeline/execute", """{"query_id":"x","pipeline":5}""");
        Assert.True(status == HttpStatusCode.OK, $"{status} {await response.Content.ReadAsStringAsync()}");
        Assert.False(string.IsNullOrEmpty(json!["pipeline_execution_id"]!.GetValue<string>()));
    }
}
