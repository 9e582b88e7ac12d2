using System.Globalization;
using System.Text.Json;
using Strata.Application.Views;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Views;
using Strata.Server.Auth;

using static Strata.Server.Apis.QueryRequestParsing;

namespace Strata.Server.Apis;

/// <summary>Pipelines: execute (by query id in the body or the path), status, and the pipeline a query would run.</summary>
public static class PipelinesApi
{
    public static IEndpointRouteBuilder MapPipelinesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireApiKey();
        api.MapPost("/pipelines/execute", (HttpContext c, Pipelines p) => Execute(c, null, p));
        api.MapGet("/pipelines/executions/{pipelineId}/status", Status);
        api.MapGet("/query/{queryId}/pipeline", Show);
        api.MapPost("/query/{queryId}/pipeline/execute", (HttpContext c, string queryId, Pipelines p) => Execute(c, queryId, p));
        return app;
    }

    private static async Task<IResult> Execute(HttpContext context, string? pathQueryId, Pipelines pipelines)
    {
        var body = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        string? queryId = pathQueryId;
        string pipelineId;
        if (queryId is null && body.TryGetProperty("pipeline", out var pipeline) && pipeline.ValueKind != JsonValueKind.Null)
        {
            if (body.TryGetProperty("query_id", out _))
            {
                return ApiErrors.BadRequest("give either query_id (the pipeline of the query's lineage) or pipeline (explicit nodes), not both");
            }
            pipelineId = await pipelines.ExecuteNodesAsync(context.Owner(), PipelineBodies.Nodes(pipeline), context.RequestAborted).ConfigureAwait(false);
            return Submitted(pipelineId);
        }
        if (queryId is null)
        {
            if (!body.TryGetProperty("query_id", out var id) || id.ValueKind != JsonValueKind.Number || !id.TryGetInt64(out long number) || number <= 0)
            {
                return ApiErrors.BadRequest("query_id is required: the id of the saved query the pipeline ends with (or pipeline, its explicit nodes)");
            }
            queryId = number.ToString(CultureInfo.InvariantCulture);
        }
        var tier = ExecuteRequests.Performance(context, body);
        var parameters = ParseSuppliedValues(context, body);
        pipelineId = await pipelines.ExecuteAsync(context.Owner(), queryId, tier, parameters, context.RequestAborted).ConfigureAwait(false);
        return Submitted(pipelineId);
    }

    private static JsonWriterResult Submitted(string pipelineId) => new(w =>
    {
        w.WriteStartObject();
        w.WriteString("pipeline_execution_id", pipelineId);
        w.WriteEndObject();
    });

    private static async Task<IResult> Show(HttpContext context, string queryId, Pipelines pipelines)
    {
        using var empty = JsonDocument.Parse("{}");
        var tier = ExecuteRequests.Performance(context, empty.RootElement);
        var parameters = ParseSuppliedValues(context, empty.RootElement);
        var plan = await pipelines.PlanAsync(context.Owner(), queryId, tier, parameters, context.RequestAborted).ConfigureAwait(false);
        return new JsonWriterResult(w =>
        {
            w.WriteStartObject();
            w.WriteStartObject("pipeline");
            w.WriteStartArray("nodes");
            foreach (var node in plan.Nodes)
            {
                w.WriteStartObject();
                w.WriteNumber("id", node.Id);
                w.WriteStartArray("dependencies");
                node.Dependencies.ToList().ForEach(w.WriteNumberValue);
                w.WriteEndArray();
                if (node.ViewName is { } name)
                {
                    w.WriteStartObject("materialized_view_refresh");
                    w.WriteString("name", name);
                    w.WriteString("performance", node.Tier.ToWire());
                }
                else
                {
                    w.WriteStartObject("query_execution");
                    w.WriteNumber("query_id", node.QueryId);
                    w.WriteString("performance", node.Tier.ToWire());
                    w.WriteStartObject("query_parameters");
                    foreach (var (key, value) in parameters)
                    {
                        w.WriteString(key, string.Join(",", value.Values));
                    }
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> Status(HttpContext context, string pipelineId, Pipelines pipelines)
    {
        var run = await pipelines.GetAsync(context.Owner(), pipelineId, context.RequestAborted).ConfigureAwait(false);
        var executions = new Dictionary<int, Execution?>();
        foreach (var node in run.Nodes)
        {
            executions[node.Id] = await pipelines.NodeExecutionAsync(run, node, context.RequestAborted).ConfigureAwait(false);
        }
        return new JsonWriterResult(w =>
        {
            w.WriteStartObject();
            w.WriteString("pipeline_execution_id", run.Id);
            w.WriteString("status", run.State.ToWire());
            if (run.Error is { } error)
            {
                w.WriteString("error", error);
            }
            w.WriteString("submitted_at", ExecutionJson.Timestamp(run.SubmittedAt));
            if (run.EndedAt is { } ended)
            {
                w.WriteString("ended_at", ExecutionJson.Timestamp(ended));
            }
            w.WriteStartArray("node_executions");
            foreach (var node in run.Nodes)
            {
                w.WriteStartObject();
                w.WriteNumber("id", node.Id);
                string status = NodeStatus(node, executions[node.Id]);
                if (node.ViewName is { } name)
                {
                    w.WriteStartObject("materialized_view_refresh_status");
                    w.WriteString("name", name);
                    WriteNodeOutcome(w, node, status);
                    w.WriteEndObject();
                }
                // Every node, a view's refresh too, says which query it runs: the Python client's
                // PipelineNodeExecution requires query_execution_status (a refresh runs the view's query).
                w.WriteStartObject("query_execution_status");
                w.WriteNumber("query_id", node.QueryId);
                WriteNodeOutcome(w, node, status);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteNodeOutcome(Utf8JsonWriter w, PipelineNode node, string status)
    {
        w.WriteString("status", status);
        if (node.ExecutionId is { } id)
        {
            w.WriteString("execution_id", id);
        }
        if (node.Error is { } nodeError)
        {
            w.WriteString("error", nodeError);
        }
    }

    /// <summary>
    /// A node's status in the execution states' names: its execution's state while it runs, the node's own
    /// outcome once it ended (a view refresh has completed only when its rows are the table's), PENDING while
    /// it waits for its dependencies, CANCELLED when it was not run.
    /// </summary>
    private static string NodeStatus(PipelineNode node, Execution? execution) => node.State switch
    {
        NodeState.Waiting => ExecutionState.Pending.ToWire(),
        NodeState.Running => (execution?.State is { } s && !s.IsTerminal() ? s : ExecutionState.Executing).ToWire(),
        NodeState.Completed => (execution?.State ?? ExecutionState.Completed).ToWire(),
        NodeState.Failed => ExecutionState.Failed.ToWire(),
        _ => ExecutionState.Cancelled.ToWire(),
    };
}
