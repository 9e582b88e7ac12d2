using System.Globalization;
using System.Text.Json;
using Strata.Application;
using Strata.Application.Queries;
using Strata.Core.Queries;
using Strata.Server.Auth;

namespace Strata.Server.Apis;

/// <summary>
/// Query endpoints: <c>GET /endpoints/{handle}/{slug}/results</c> (Dune's custom endpoints, the TypeScript
/// client's <c>custom.getResults</c>), and Strata's own publishing routes: create or replace, list, delete.
/// </summary>
public static class EndpointsApi
{
    /// <summary>How long a results request waits by default for a run it had to start.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(30);

    public static IEndpointRouteBuilder MapEndpointsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/endpoints").RequireApiKey();
        api.MapPost("", Publish);
        api.MapGet("", List);
        api.MapDelete("/{handle}/{slug}", Delete);
        api.MapGet("/{handle}/{slug}/results", ServeResults);
        return app;
    }

    private static async Task<IResult> Publish(HttpContext context, QueryEndpoints endpoints)
    {
        var body = await RequestBody.BindAsync(context, RequestJsonContext.Default.PublishEndpointBody, PublishEndpointBody.Expected).ConfigureAwait(false);
        if (body.QueryId is not ({ } queryId and > 0))
        {
            throw RequestFields.Invalid(PublishEndpointBody.QueryIdRequired);
        }
        TimeSpan? age = body.MaxResultAgeHours is { } hours ? QueryEndpoints.MaxResultAgeOf(hours) : null;
        var parameters = ParametersOf(body.Parameters);
        var endpoint = await endpoints.PublishAsync(context.Owner(), new EndpointDraft(body.Slug, queryId, parameters, age), context.RequestAborted).ConfigureAwait(false);
        return new JsonWriterResult(w => Write(w, endpoint));
    }

    /// <summary>The endpoint's parameter values: an object of name to a string, number or list (as query_parameters on execute).</summary>
    private static Dictionary<string, ParameterValue> ParametersOf(JsonElement p)
    {
        var result = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        if (p.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return result;
        }
        if (p.ValueKind != JsonValueKind.Object)
        {
            throw new UseCaseException(UseCaseError.Invalid, "parameters must be an object of name: value");
        }
        foreach (var item in p.EnumerateObject())
        {
            result[item.Name] = QueryRequestParsing.ValueOf(item.Name, item.Value);
        }
        return result;
    }

    private static async Task<IResult> List(HttpContext context, QueryEndpoints endpoints)
    {
        var page = ListPage.Of(context, 20, 1000);
        var (list, total) = await endpoints.ListAsync(context.Owner(), page.Limit, page.Offset, context.RequestAborted).ConfigureAwait(false);
        return page.Answer("endpoints", list, total, ListEnd.Total, Write);
    }

    private static async Task<IResult> Delete(HttpContext context, string handle, string slug, QueryEndpoints endpoints)
    {
        await endpoints.DeleteAsync(context.Owner(), handle, slug, context.RequestAborted).ConfigureAwait(false);
        return new JsonWriterResult(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("success", true);
            w.WriteEndObject();
        });
    }

    private static async Task ServeResults(HttpContext context, string handle, string slug, QueryEndpoints endpoints, ResultPages pages)
    {
        var query = context.Request.Query;
        var wait = LongPoll.Wait(query);
        var tier = ExecuteRequests.PerformanceOf(context, null);
        if (!query.ContainsKey("wait"))
        {
            wait = DefaultWait;
        }
        var values = query
            .Where(kv => kv.Key.StartsWith("params.", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key["params.".Length..], kv => kv.Value.ToString(), StringComparer.Ordinal);
        Strata.Core.Executions.Execution execution;
        using (var poll = LongPoll.Enter(context, wait))
        {
            execution = await endpoints.ResultAsync(context.Owner(), new EndpointRequest(handle, slug, values, tier, poll.Wait), context.RequestAborted).ConfigureAwait(false);
        }
        await ResultResponses.ServeJsonAsync(context, execution, pages).ConfigureAwait(false);
    }

    private static void Write(Utf8JsonWriter w, QueryEndpoint e)
    {
        w.WriteStartObject();
        w.WriteString("handle", e.Owner);
        w.WriteString("slug", e.Slug);
        w.WriteNumber("query_id", e.QueryId);
        w.WriteStartObject("parameters");
        foreach (var (name, value) in e.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (value.IsList)
            {
                w.WriteStartArray(name);
                foreach (var v in value.Values)
                {
                    w.WriteStringValue(v);
                }
                w.WriteEndArray();
            }
            else
            {
                w.WriteString(name, value.Values.Count > 0 ? value.Values[0] : "");
            }
        }
        w.WriteEndObject();
        w.WriteNumber("max_result_age_hours", e.MaxResultAge.TotalHours);
        w.WriteString("path", string.Create(CultureInfo.InvariantCulture, $"/api/v1/endpoints/{e.Owner}/{e.Slug}/results"));
        w.WriteString("created_at", ExecutionJson.Timestamp(e.CreatedAt));
        w.WriteString("updated_at", ExecutionJson.Timestamp(e.UpdatedAt));
        w.WriteEndObject();
    }
}
