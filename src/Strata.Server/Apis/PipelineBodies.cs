using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Strata.Application.Views;
using Strata.Core.Executions;
using Strata.Core.Queries;

using static Strata.Server.Apis.RequestFields;

namespace Strata.Server.Apis;

/// <summary>
/// Binds the bodies of <c>POST /pipelines/execute</c> and <c>POST /query/{id}/pipeline/execute</c> through the
/// source-generated <see cref="RequestJsonContext"/>: Dune's explicit pipeline, <c>{"pipeline": {"nodes": [{"id",
/// "dependencies", "materialized_view_refresh": {"name", "performance"}} | {"id", "dependencies", "query_execution":
/// {"query_id", "performance", "query_parameters"}}]}}</c> (the shape <c>GET /query/{id}/pipeline</c> answers), or a
/// query id with its tier and parameter values. Shape faults are Invalid naming the field; the rules between nodes
/// are the use case's (<see cref="Pipelines.PlanNodesAsync"/>).
/// </summary>
internal static partial class PipelineBodies
{
    public const string Both = "give either query_id (the pipeline of the query's lineage) or pipeline (explicit nodes), not both";
    public const string QueryIdRequired = "query_id is required: the id of the saved query the pipeline ends with (or pipeline, its explicit nodes)";
    private const string PipelineShape = "pipeline must be an object with a list \"nodes\"";

    /// <summary>
    /// The execute body: explicit nodes when the body route gives a pipeline, else the query of the path or of
    /// <c>query_id</c>, with the tier and parameter values of the body or the query string.
    /// </summary>
    public static PipelineExecuteRequest Bind(HttpContext context, JsonElement json, string? pathQueryId)
    {
        // Presence, not type: a query_id next to a pipeline is refused whatever it holds, JSON null included.
        if (pathQueryId is null && json.TryGetProperty("pipeline", out var pipeline) && pipeline.ValueKind != JsonValueKind.Null)
        {
            if (json.TryGetProperty("query_id", out _))
            {
                throw Invalid(Both);
            }
            var nodes = RequestBody.Bind(json, RequestJsonContext.Default.ExplicitPipelineBody, Expected).Pipeline;
            return new PipelineExecuteRequest(Nodes(nodes), null, PerformanceTier.Medium, new Dictionary<string, ParameterValue>());
        }
        string queryId;
        string? performance;
        JsonElement parameters;
        if (pathQueryId is null)
        {
            var body = RequestBody.Bind(json, RequestJsonContext.Default.QueryPipelineBody, QueryPipelineBody.Expected);
            queryId = body.QueryId is > 0 and long id ? id.ToString(CultureInfo.InvariantCulture) : throw Invalid(QueryIdRequired);
            (performance, parameters) = (body.Performance, body.QueryParameters);
        }
        else
        {
            // The path names the query: a pipeline or query_id in the body is not read.
            var body = RequestBody.Bind(json, RequestJsonContext.Default.ExecuteQueryBody, BodyFields.Expected);
            queryId = pathQueryId;
            (performance, parameters) = (body.Performance, body.QueryParameters);
        }
        var tier = ExecuteRequests.PerformanceOf(context, performance);
        return new PipelineExecuteRequest(null, queryId, tier, QueryRequestParsing.SuppliedValues(context, parameters));
    }

    private static List<PipelineNodeRequest> Nodes(PipelineBody? pipeline)
    {
        if (pipeline?.Nodes is not { } nodes)
        {
            throw Invalid(PipelineShape);
        }
        if (nodes.Count > Pipelines.MaxNodes)
        {
            throw Invalid($"pipeline.nodes has {nodes.Count} nodes; at most {Pipelines.MaxNodes} are allowed");
        }
        return [.. nodes.Select((node, i) => Node(node, $"pipeline.nodes[{i}]"))];
    }

    private static PipelineNodeRequest Node(PipelineNodeBody? node, string at)
    {
        if (node is null)
        {
            throw Invalid($"{at} must be an object");
        }
        int id = node.Id ?? throw Invalid(IdRequired(at));
        var dependencies = node.Dependencies ?? [];
        if (node.MaterializedViewRefresh is null == node.QueryExecution is null)
        {
            throw Invalid($"{at} must have exactly one of materialized_view_refresh and query_execution");
        }
        if (node.MaterializedViewRefresh is { } view)
        {
            var viewTier = ExecuteRequests.Tier(view.Performance);
            string name = view.Name ?? throw Invalid(NameRequired(at));
            return new PipelineNodeRequest(id, dependencies, name, null, viewTier, new Dictionary<string, ParameterValue>());
        }
        var query = node.QueryExecution!;
        var tier = ExecuteRequests.Tier(query.Performance);
        long queryId = query.QueryId is > 0 and long number ? number : throw Invalid(NodeQueryIdRequired(at));
        var parameters = query.QueryParameters.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null
            ? []
            : QueryRequestParsing.ValuesOf(query.QueryParameters);
        return new PipelineNodeRequest(id, dependencies, null, queryId.ToString(CultureInfo.InvariantCulture), tier, parameters);
    }

    private static string IdRequired(string at) => $"{at}.id is required: an integer naming the node";

    private static string NameRequired(string at) => $"{at}.materialized_view_refresh.name is required: the materialized view to refresh";

    private static string NodeQueryIdRequired(string at) => $"{at}.query_execution.query_id is required: the id of a saved query";

    /// <summary>What a field of the explicit pipeline of the wrong JSON type should have been, by its path.</summary>
    public static string Expected(string field, JsonValueKind kind)
    {
        var match = NodeField().Match(field);
        if (!match.Success)
        {
            return PipelineShape;
        }
        string at = $"pipeline.nodes[{match.Groups["node"].Value}]";
        return (match.Groups["part"].Value, match.Groups["field"].Value) switch
        {
            ("", _) => $"{at} must be an object",
            ("id", _) => IdRequired(at),
            ("dependencies", _) => $"{at}.dependencies must be a list of node ids",
            (var part, "") => $"{at}.{part} must be an object",
            (_, "performance") => "performance must be \"medium\" or \"large\"",
            ("materialized_view_refresh", _) => NameRequired(at),
            _ => NodeQueryIdRequired(at),
        };
    }

    [GeneratedRegex(@"^pipeline\.nodes\[(?<node>[0-9]+)\](\.(?<part>[a-z_]+)(\[[0-9]+\]|\.(?<field>[a-z_]+))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NodeField();
}

/// <summary>What a pipeline execute asks for: explicit <see cref="Nodes"/>, or the lineage of <see cref="QueryId"/>.</summary>
internal sealed record PipelineExecuteRequest(
    List<PipelineNodeRequest>? Nodes, string? QueryId, PerformanceTier Tier, Dictionary<string, ParameterValue> Parameters);

/// <summary>The body of <c>POST /pipelines/execute</c> with explicit nodes; no other field is read.</summary>
internal sealed record ExplicitPipelineBody(
    [property: JsonPropertyName("pipeline")] PipelineBody? Pipeline);

/// <summary>An explicit pipeline.</summary>
internal sealed record PipelineBody(
    [property: JsonPropertyName("nodes")] List<PipelineNodeBody?>? Nodes);

/// <summary>One node: exactly one of a view refresh and a query execution.</summary>
internal sealed record PipelineNodeBody(
    [property: JsonPropertyName("id")] int? Id,
    [property: JsonPropertyName("dependencies")] List<int>? Dependencies,
    [property: JsonPropertyName("materialized_view_refresh")] ViewRefreshNodeBody? MaterializedViewRefresh,
    [property: JsonPropertyName("query_execution")] QueryExecutionNodeBody? QueryExecution);

internal sealed record ViewRefreshNodeBody(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("performance")] string? Performance);

/// <summary><c>query_parameters</c> stays a <see cref="JsonElement"/>: an object of name: value or the older list of {key, value}.</summary>
internal sealed record QueryExecutionNodeBody(
    [property: JsonPropertyName("query_id")] long? QueryId,
    [property: JsonPropertyName("performance")] string? Performance,
    [property: JsonPropertyName("query_parameters")] JsonElement QueryParameters);

/// <summary>The body of <c>POST /pipelines/execute</c> naming the query the pipeline ends with.</summary>
internal sealed record QueryPipelineBody(
    [property: JsonPropertyName("query_id")] long? QueryId,
    [property: JsonPropertyName("performance")] string? Performance,
    [property: JsonPropertyName("query_parameters")] JsonElement QueryParameters)
{
    public static string Expected(string field, JsonValueKind kind) =>
        field == "query_id" ? PipelineBodies.QueryIdRequired : BodyFields.Expected(field, kind);
}
