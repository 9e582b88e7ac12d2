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
        var request = BindExecute(context, body, pathQueryId);
        string pipelineId = request.Nodes is { } nodes
            ? await pipelines.ExecuteNodesAsync(context.Owner(), nodes, context.RequestAborted).ConfigureAwait(false)
            : await pipelines.ExecuteAsync(context.Owner(), request.QueryId!, request.Tier, request.Parameters, context.RequestAborted).ConfigureAwait(false);
        return Submitted(pipelineId);
    }

    /// <summary>The execute body (of the body route when <paramref name="pathQueryId"/> is null) as a request; a refusal throws (also fuzzed directly).</summary>
    internal static PipelineExecuteRequest BindExecute(HttpContext context, JsonElement body, string? pathQueryId) =>
        PipelineBodies.Bind(context, body, pathQueryId);

    private static JsonWriterResult Submitted(string pipelineId) => new(w =>
    {
        w.WriteStartObject();
        w.WriteString("pipeline_execution_id", pipelineId);
        w.WriteEndObject();
    });

    private static async Task<IResult> Show(HttpContext context, string queryId, Pipelines pipelines)
    {
        var tier = ExecuteRequests.PerformanceOf(context, null);
        var parameters = SuppliedValues(context, default);
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
        var (run, executions) = await pipelines.StatusAsync(context.Owner(), pipelineId, context.RequestAborted).ConfigureAwait(false);
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
