using Strata.Application.Executions;
using Strata.Application.Queries;
using Strata.Core.Queries;
using System.Text.Json;
using Strata.Server.Auth;

using static Strata.Server.Apis.QueryJson;
using static Strata.Server.Apis.QueryRequestParsing;
using static Strata.Server.Apis.RequestFields;

namespace Strata.Server.Apis;

/// <summary>Saved queries: create, read, update, archive/privacy, list, execute with parameters, latest results.</summary>
public static class QueriesApi
{
    public static IEndpointRouteBuilder MapQueriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireApiKey();
        api.MapPost("/query", Create);
        api.MapGet("/queries", List);
        var query = api.MapGroup("/query/{queryId}");
        query.MapGet("", Read);
        query.MapPatch("", Update);
        query.MapPost("/archive", (HttpContext c, string queryId, SavedQueries s) => SetFlag(c, queryId, s, q => q with { IsArchived = true }));
        query.MapPost("/unarchive", (HttpContext c, string queryId, SavedQueries s) => SetFlag(c, queryId, s, q => q with { IsArchived = false }));
        query.MapPost("/private", (HttpContext c, string queryId, SavedQueries s) => SetFlag(c, queryId, s, q => q with { IsPrivate = true }));
        query.MapPost("/unprivate", (HttpContext c, string queryId, SavedQueries s) => SetFlag(c, queryId, s, q => q with { IsPrivate = false }));
        query.MapPost("/execute", Execute);
        query.MapGet("/results", LatestResults);
        query.MapGet("/results/csv", LatestResultsCsv);
        return app;
    }

    private static async Task<IResult> Create(HttpContext context, SavedQueries queries)
    {
        var (body, error) = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        if (error is not null)
        {
            return ApiErrors.BadRequest(error);
        }
        return BindCreate(context, body, out var draft)
            ?? IdResult(await queries.CreateAsync(context.Owner(), draft!, context.RequestAborted).ConfigureAwait(false));
    }

    /// <summary>The create body as a draft, or the answer that refuses it (also fuzzed directly: benchmarks/reliability).</summary>
    internal static IResult? BindCreate(HttpContext context, JsonElement body, out SavedQueryDraft? draft)
    {
        draft = null;
        if (!TryString(body, "name", out string? name, out string? error) || name is null || name.Trim().Length == 0)
        {
            return ApiErrors.BadRequest(error ?? "name is required");
        }
        if (!TryString(body, "query_sql", out string? sql, out error) || sql is null || sql.Trim().Length == 0)
        {
            return ApiErrors.BadRequest(error ?? "query_sql is required");
        }
        if (RequestFields.SqlTooLarge(context, sql) is { } tooLarge)
        {
            return tooLarge;
        }
        if (!TryDialect(body, out var dialect, out error))
        {
            return ApiErrors.BadRequest(error!);
        }
        try
        {
            draft = new SavedQueryDraft(
                name, sql, OptionalString(body, "description") ?? "", ParseTags(body) ?? [], ParseDefinitions(body) ?? [],
                OptionalBool(body, "is_private") ?? false, dialect ?? SqlDialect.DuneSql);
            return null;
        }
        catch (ParameterException e)
        {
            return ApiErrors.BadRequest(e.Message);
        }
    }

    private static async Task<IResult> Read(HttpContext context, string queryId, SavedQueries queries)
    {
        var query = await queries.GetVisibleAsync(context.Owner(), queryId, context.RequestAborted).ConfigureAwait(false);
        return new JsonWriterResult(w => WriteQuery(w, query));
    }

    private static async Task<IResult> Update(HttpContext context, string queryId, SavedQueries queries)
    {
        var query = await queries.GetOwnedAsync(context.Owner(), queryId, context.RequestAborted).ConfigureAwait(false);
        var (body, bodyError) = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        if (bodyError is not null)
        {
            return ApiErrors.BadRequest(bodyError);
        }
        return BindUpdate(context, body, query, out var changes)
            ?? IdResult(await queries.UpdateAsync(query, changes!, context.RequestAborted).ConfigureAwait(false));
    }

    /// <summary>The update body as changes to <paramref name="query"/>, or the answer that refuses it (also fuzzed directly).</summary>
    internal static IResult? BindUpdate(HttpContext context, JsonElement body, SavedQuery query, out SavedQueryChanges? changes)
    {
        changes = null;
        try
        {
            if (!TryString(body, "name", out string? name, out string? bodyError) || !TryString(body, "query_sql", out string? sql, out bodyError)
                || !TryString(body, "description", out string? description, out bodyError))
            {
                return ApiErrors.BadRequest(bodyError!);
            }
            if (name is not null && name.Trim().Length == 0)
            {
                return ApiErrors.BadRequest("name must not be empty");
            }
            var tags = ParseTags(body);
            bool? isPrivate = OptionalBool(body, "is_private");
            if (sql is not null && sql != query.Sql)
            {
                if (sql.Trim().Length == 0)
                {
                    return ApiErrors.BadRequest("query_sql must not be empty");
                }
                if (RequestFields.SqlTooLarge(context, sql) is { } tooLarge)
                {
                    return tooLarge;
                }
            }
            if (!TryDialect(body, out var dialect, out bodyError))
            {
                return ApiErrors.BadRequest(bodyError!);
            }
            changes = new SavedQueryChanges(name, sql, description, tags, isPrivate, dialect, ParseDefinitions(body));
            return null;
        }
        catch (ParameterException e)
        {
            return ApiErrors.BadRequest(e.Message);
        }
    }

    private static async Task<IResult> SetFlag(HttpContext context, string queryId, SavedQueries queries, Func<SavedQuery, SavedQuery> change) =>
        IdResult(await queries.SetFlagAsync(context.Owner(), queryId, change, context.RequestAborted).ConfigureAwait(false));

    private static async Task<IResult> List(HttpContext context, SavedQueries store)
    {
        var q = context.Request.Query;
        if (!TryInt(q, "limit", 100, 1, 1000, out int limit, out string error) || !TryInt(q, "offset", 0, 0, int.MaxValue, out int offset, out error))
        {
            return ApiErrors.BadRequest(error);
        }
        var (queries, total) = await store.ListAsync(context.Owner(), limit, offset, context.RequestAborted).ConfigureAwait(false);
        return new JsonWriterResult(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("queries");
            foreach (var query in queries)
            {
                w.WriteStartObject();
                w.WriteNumber("id", query.Id);
                w.WriteString("name", query.Name);
                w.WriteString("description", query.Description);
                w.WriteString("owner", query.Owner);
                WriteTags(w, query.Tags);
                w.WriteString("created_at", ExecutionJson.Timestamp(query.CreatedAt));
                w.WriteString("updated_at", ExecutionJson.Timestamp(query.UpdatedAt));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("total", total);
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> Execute(HttpContext context, string queryId, SavedQueries queries, ExecutionService executions)
    {
        var query = await queries.GetExecutableAsync(context.Owner(), queryId, context.RequestAborted).ConfigureAwait(false);
        var (body, raw, bodyError) = await RequestBody.ReadObjectWithBytesAsync(context).ConfigureAwait(false);
        if (bodyError is not null)
        {
            return ApiErrors.BadRequest(bodyError);
        }
        return BindExecute(context, body, query, out var request) ?? await ExecuteRequests.SubmitAsync(context, executions, request!, raw).ConfigureAwait(false);
    }

    /// <summary>
    /// The execute body as a request for <paramref name="query"/> with its parameters substituted, or
    /// the answer that refuses it (a substitution failure throws <see cref="Strata.Application.UseCaseException"/>). Also fuzzed directly.
    /// </summary>
    internal static IResult? BindExecute(HttpContext context, JsonElement body, SavedQuery query, out SubmitRequest? request)
    {
        request = null;
        if (!ExecuteRequests.TryPerformance(context, body, out var tier, out string bodyError))
        {
            return ApiErrors.BadRequest(bodyError);
        }
        Dictionary<string, ParameterValue> supplied;
        try
        {
            supplied = ParseSuppliedValues(context, body);
        }
        catch (ParameterException e)
        {
            return ApiErrors.BadRequest(e.Message);
        }
        request = SavedQueries.ExecutionOf(query, context.Owner(), tier, supplied);
        return null;
    }

    private static async Task LatestResults(HttpContext context, string queryId, SavedQueries queries, ExecutionService executions, ResultPages pages) =>
        await ResultResponses.ServeJsonAsync(context, executions.WithQueuePosition(await LatestAsync(context, queryId, queries).ConfigureAwait(false)), pages).ConfigureAwait(false);

    private static async Task LatestResultsCsv(HttpContext context, string queryId, SavedQueries queries, ResultPages pages) =>
        await ResultResponses.ServeCsvAsync(context, await LatestAsync(context, queryId, queries).ConfigureAwait(false), pages).ConfigureAwait(false);

    /// <summary>The latest execution, narrowed by <c>params.name=value</c> selectors.</summary>
    private static Task<Strata.Core.Executions.Execution> LatestAsync(HttpContext context, string queryId, SavedQueries queries)
    {
        var selectors = context.Request.Query
            .Where(kv => kv.Key.StartsWith("params.", StringComparison.Ordinal))
            .Select(kv => KeyValuePair.Create(kv.Key["params.".Length..], kv.Value.ToString()))
            .ToList();
        return queries.LatestAsync(context.Owner(), queryId, selectors, context.RequestAborted);
    }

    private static IResult IdResult(long id) => new JsonWriterResult(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("query_id", id);
        w.WriteEndObject();
    });
}
