using System.Globalization;
using System.Text.Json;
using Strata.Application;
using Strata.Application.Views;

using static Strata.Server.Apis.RequestFields;

namespace Strata.Server.Apis;

/// <summary>
/// Binds Dune's explicit pipeline body, <c>{"pipeline": {"nodes": [{"id", "dependencies", "materialized_view_refresh":
/// {"name", "performance"}} | {"id", "dependencies", "query_execution": {"query_id", "performance",
/// "query_parameters"}}]}}</c> (the shape <c>GET /query/{id}/pipeline</c> answers). Shape faults are Invalid naming
/// the field; the rules between nodes are the use case's (<see cref="Pipelines.PlanNodesAsync"/>).
/// </summary>
internal static class PipelineBodies
{
    public static List<PipelineNodeRequest> Nodes(JsonElement pipeline)
    {
        if (pipeline.ValueKind != JsonValueKind.Object || !pipeline.TryGetProperty("nodes", out var nodes) || nodes.ValueKind != JsonValueKind.Array)
        {
            throw Invalid("pipeline must be an object with a list \"nodes\"");
        }
        if (nodes.GetArrayLength() > Pipelines.MaxNodes)
        {
            throw Invalid($"pipeline.nodes has {nodes.GetArrayLength()} nodes; at most {Pipelines.MaxNodes} are allowed");
        }
        var result = new List<PipelineNodeRequest>();
        int i = 0;
        foreach (var node in nodes.EnumerateArray())
        {
            result.Add(Node(node, $"pipeline.nodes[{i++}]"));
        }
        return result;
    }

    private static PipelineNodeRequest Node(JsonElement node, string at)
    {
        if (node.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"{at} must be an object");
        }
        int id = node.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.Number && idElement.TryGetInt32(out int n)
            ? n
            : throw Invalid($"{at}.id is required: an integer naming the node");
        var dependencies = new List<int>();
        if (node.TryGetProperty("dependencies", out var list) && list.ValueKind != JsonValueKind.Null)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                throw Invalid($"{at}.dependencies must be a list of node ids");
            }
            foreach (var d in list.EnumerateArray())
            {
                dependencies.Add(d.ValueKind == JsonValueKind.Number && d.TryGetInt32(out int dependency)
                    ? dependency
                    : throw Invalid($"{at}.dependencies must be a list of node ids"));
            }
        }
        bool isView = node.TryGetProperty("materialized_view_refresh", out var view) && view.ValueKind != JsonValueKind.Null;
        bool isQuery = node.TryGetProperty("query_execution", out var query) && query.ValueKind != JsonValueKind.Null;
        if (isView == isQuery)
        {
            throw Invalid($"{at} must have exactly one of materialized_view_refresh and query_execution");
        }
        var part = isView ? view : query;
        string where = at + (isView ? ".materialized_view_refresh" : ".query_execution");
        if (part.ValueKind != JsonValueKind.Object)
        {
            throw Invalid($"{where} must be an object");
        }
        var tier = ExecuteRequests.Performance(part, null);
        if (isView)
        {
            string name = part.TryGetProperty("name", out var nameElement) && nameElement.ValueKind == JsonValueKind.String
                ? nameElement.GetString()!
                : throw Invalid($"{where}.name is required: the materialized view to refresh");
            return new PipelineNodeRequest(id, dependencies, name, null, tier, new Dictionary<string, Core.Queries.ParameterValue>());
        }
        long queryId = part.TryGetProperty("query_id", out var q) && q.ValueKind == JsonValueKind.Number && q.TryGetInt64(out long number) && number > 0
            ? number
            : throw Invalid($"{where}.query_id is required: the id of a saved query");
        var parameters = part.TryGetProperty("query_parameters", out var values) && values.ValueKind != JsonValueKind.Null
            ? QueryRequestParsing.ValuesOf(values)
            : [];
        return new PipelineNodeRequest(id, dependencies, null, queryId.ToString(CultureInfo.InvariantCulture), tier, parameters);
    }

}
