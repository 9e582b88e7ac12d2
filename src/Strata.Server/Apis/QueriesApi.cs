using System.Globalization;
using System.Text.Json;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Storage;
using Strata.Server.Auth;
using Strata.Server.Executions;

using static Strata.Server.Apis.QueryJson;
using static Strata.Server.Apis.QueryRequestParsing;
using static Strata.Server.Apis.RequestFields;

namespace Strata.Server.Apis;

/// <summary>Saved queries: create, read, update, archive/privacy, list, execute with parameters, latest results.</summary>
public static class QueriesApi
{
    private const string QueryNotFound = "Query not found";
    private const string NotAllowedToExecute = "Not allowed to execute query. Query is archived, unsaved or not enough permissions";
    private const string NoLatest = "not found: No execution found for the latest version of the given query";

    public static IEndpointRouteBuilder MapQueriesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireApiKey();
        api.MapPost("/query", Create);
        api.MapGet("/queries", List);
        var query = api.MapGroup("/query/{queryId}");
        query.MapGet("", Read);
        query.MapPatch("", Update);
        query.MapPost("/archive", (HttpContext c, string queryId, IMetadataStore s, TimeProvider t) => SetFlag(c, queryId, s, t, q => q with { IsArchived = true }));
        query.MapPost("/unarchive", (HttpContext c, string queryId, IMetadataStore s, TimeProvider t) => SetFlag(c, queryId, s, t, q => q with { IsArchived = false }));
        query.MapPost("/private", (HttpContext c, string queryId, IMetadataStore s, TimeProvider t) => SetFlag(c, queryId, s, t, q => q with { IsPrivate = true }));
        query.MapPost("/unprivate", (HttpContext c, string queryId, IMetadataStore s, TimeProvider t) => SetFlag(c, queryId, s, t, q => q with { IsPrivate = false }));
        query.MapPost("/execute", Execute);
        query.MapGet("/results", LatestResults);
        query.MapGet("/results/csv", LatestResultsCsv);
        return app;
    }

    private static async Task<IResult> Create(HttpContext context, IMetadataStore store, TimeProvider time)
    {
        var (body, error) = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        if (error is not null)
        {
            return ApiErrors.BadRequest(error);
        }
        if (!TryString(body, "name", out string? name, out error) || name is null || name.Trim().Length == 0)
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
            var now = time.GetUtcNow();
            var query = new SavedQuery
            {
                Owner = context.Owner(),
                Name = name,
                Sql = sql,
                Description = OptionalString(body, "description") ?? "",
                Tags = ParseTags(body) ?? [],
                Parameters = ParseDefinitions(body) ?? [],
                IsPrivate = OptionalBool(body, "is_private") ?? false,
                Dialect = dialect ?? SqlDialect.DuneSql,
                CreatedAt = now,
                UpdatedAt = now,
            };
            long id = await store.CreateQueryAsync(query, context.RequestAborted).ConfigureAwait(false);
            return IdResult(id);
        }
        catch (ParameterException e)
        {
            return ApiErrors.BadRequest(e.Message);
        }
    }

    private static async Task<IResult> Read(HttpContext context, string queryId, IMetadataStore store)
    {
        var (query, error) = await LoadVisibleAsync(context, store, queryId).ConfigureAwait(false);
        if (query is null)
        {
            return error!;
        }
        return new JsonWriterResult(w => WriteQuery(w, query));
    }

    private static async Task<IResult> Update(HttpContext context, string queryId, IMetadataStore store, TimeProvider time)
    {
        var (query, error) = await LoadOwnedAsync(context, store, queryId).ConfigureAwait(false);
        if (query is null)
        {
            return error!;
        }
        var (body, bodyError) = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        if (bodyError is not null)
        {
            return ApiErrors.BadRequest(bodyError);
        }
        try
        {
            var updated = query;
            if (!TryString(body, "name", out string? name, out bodyError) || !TryString(body, "query_sql", out string? sql, out bodyError)
                || !TryString(body, "description", out string? description, out bodyError))
            {
                return ApiErrors.BadRequest(bodyError!);
            }
            if (name is not null)
            {
                if (name.Trim().Length == 0)
                {
                    return ApiErrors.BadRequest("name must not be empty");
                }
                updated = updated with { Name = name };
            }
            if (description is not null)
            {
                updated = updated with { Description = description };
            }
            if (ParseTags(body) is { } tags)
            {
                updated = updated with { Tags = tags };
            }
            if (OptionalBool(body, "is_private") is bool isPrivate)
            {
                updated = updated with { IsPrivate = isPrivate };
            }
            bool changesVersion = false;
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
                updated = updated with { Sql = sql };
                changesVersion = true;
            }
            if (!TryDialect(body, out var dialect, out bodyError))
            {
                return ApiErrors.BadRequest(bodyError!);
            }
            if (dialect is { } newDialect && newDialect != query.Dialect)
            {
                // The same text gives other answers in another dialect: a new version, like an SQL edit.
                updated = updated with { Dialect = newDialect };
                changesVersion = true;
            }
            if (ParseDefinitions(body) is { } parameters && JsonSerializer.Serialize(parameters) != JsonSerializer.Serialize(query.Parameters))
            {
                updated = updated with { Parameters = parameters };
                changesVersion = true;
            }
            updated = updated with { Version = query.Version + (changesVersion ? 1 : 0), UpdatedAt = time.GetUtcNow() };
            await store.UpdateQueryAsync(updated, context.RequestAborted).ConfigureAwait(false);
            return IdResult(query.Id);
        }
        catch (ParameterException e)
        {
            return ApiErrors.BadRequest(e.Message);
        }
    }

    private static async Task<IResult> SetFlag(HttpContext context, string queryId, IMetadataStore store, TimeProvider time, Func<SavedQuery, SavedQuery> change)
    {
        var (query, error) = await LoadOwnedAsync(context, store, queryId).ConfigureAwait(false);
        if (query is null)
        {
            return error!;
        }
        await store.UpdateQueryAsync(change(query) with { UpdatedAt = time.GetUtcNow() }, context.RequestAborted).ConfigureAwait(false);
        return IdResult(query.Id);
    }

    private static async Task<IResult> List(HttpContext context, IMetadataStore store)
    {
        var q = context.Request.Query;
        if (!TryInt(q, "limit", 100, 1, 1000, out int limit, out string error) || !TryInt(q, "offset", 0, 0, int.MaxValue, out int offset, out error))
        {
            return ApiErrors.BadRequest(error);
        }
        var (queries, total) = await store.ListQueriesAsync(context.Owner(), limit, offset, context.RequestAborted).ConfigureAwait(false);
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

    private static async Task<IResult> Execute(HttpContext context, string queryId, IMetadataStore store, ExecutionService executions)
    {
        var (query, error) = await LoadVisibleAsync(context, store, queryId).ConfigureAwait(false);
        if (query is null)
        {
            return error!;
        }
        if (query.IsArchived)
        {
            return ApiErrors.Error(StatusCodes.Status403Forbidden, NotAllowedToExecute);
        }
        var (body, raw, bodyError) = await RequestBody.ReadObjectWithBytesAsync(context).ConfigureAwait(false);
        if (bodyError is not null)
        {
            return ApiErrors.BadRequest(bodyError);
        }
        if (!ExecutionsApi.TryPerformance(context, body, out var tier, out bodyError))
        {
            return ApiErrors.BadRequest(bodyError);
        }
        try
        {
            var supplied = ParseSuppliedValues(context, body);
            var substituted = ParameterSubstitution.Apply(query.Sql, query.Parameters, supplied);
            // The execution runs with the caller's permissions: the owner is the caller, never the query's owner.
            var request = new SubmitRequest(context.Owner(), query.Sql, tier, query.Id, query.Version, substituted, Dialect: query.Dialect);
            return await ExecutionsApi.SubmitAsync(context, executions, store, request, raw).ConfigureAwait(false);
        }
        catch (ParameterException e)
        {
            return ApiErrors.BadRequest(e.Message);
        }
    }

    private static async Task LatestResults(HttpContext context, string queryId, IMetadataStore store, ResultPages pages)
    {
        var (execution, error) = await FindLatestAsync(context, store, queryId).ConfigureAwait(false);
        if (execution is null)
        {
            await error!.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }
        await ExecutionsApi.ServeJsonAsync(context, execution, pages).ConfigureAwait(false);
    }

    private static async Task LatestResultsCsv(HttpContext context, string queryId, IMetadataStore store, ResultPages pages)
    {
        var (execution, error) = await FindLatestAsync(context, store, queryId).ConfigureAwait(false);
        if (execution is null)
        {
            await error!.ExecuteAsync(context).ConfigureAwait(false);
            return;
        }
        await ExecutionsApi.ServeCsvAsync(context, execution, pages).ConfigureAwait(false);
    }

    /// <summary>
    /// The caller's newest execution of the query's current version (with a result if any has one),
    /// narrowed by <c>params.name=value</c> selectors.
    /// </summary>
    private static async Task<(Execution?, IResult?)> FindLatestAsync(HttpContext context, IMetadataStore store, string queryId)
    {
        var (query, error) = await LoadVisibleAsync(context, store, queryId).ConfigureAwait(false);
        if (query is null)
        {
            return (null, error);
        }
        var definitions = query.Parameters.ToDictionary(p => p.Key, StringComparer.Ordinal);
        var selectors = new List<(QueryParameter Definition, string Value)>();
        foreach (var (key, values) in context.Request.Query)
        {
            if (!key.StartsWith("params.", StringComparison.Ordinal))
            {
                continue;
            }
            string name = key["params.".Length..];
            if (!definitions.TryGetValue(name, out var definition))
            {
                return (null, ApiErrors.NotFound($"not found: the query has no parameter named '{name}'"));
            }
            selectors.Add((definition, values.ToString()));
        }
        var candidates = await store.ListQueryExecutionsAsync(query.Id, query.Version, context.Owner(), 1000, context.RequestAborted).ConfigureAwait(false);
        var matching = candidates.Where(e => Matches(e, selectors)).ToList();
        var latest = matching.FirstOrDefault(e => e.State.HasResult()) ?? matching.FirstOrDefault();
        return latest is null ? (null, ApiErrors.NotFound(NoLatest)) : (latest, null);
    }

    private static bool Matches(Execution execution, List<(QueryParameter Definition, string Value)> selectors)
    {
        if (selectors.Count == 0)
        {
            return true;
        }
        var values = execution.ParametersJson is { } json
            ? JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json) ?? []
            : [];
        foreach (var (definition, wanted) in selectors)
        {
            if (!values.TryGetValue(definition.Key, out var used))
            {
                return false;
            }
            try
            {
                var wantedValues = definition.IsMultiselect ? ParameterSubstitution.SplitDefaultList(wanted) : [wanted];
                var a = wantedValues.Select(v => ParameterSubstitution.Normalise(definition, v));
                var b = used.Select(v => ParameterSubstitution.Normalise(definition, v));
                if (!a.SequenceEqual(b, StringComparer.Ordinal))
                {
                    return false;
                }
            }
            catch (ParameterException)
            {
                return false;
            }
        }
        return true;
    }

    private static IResult IdResult(long id) => new JsonWriterResult(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("query_id", id);
        w.WriteEndObject();
    });

    /// <summary>A query the caller may read: its own, or a public one. Anything else is 404.</summary>
    private static async Task<(SavedQuery?, IResult?)> LoadVisibleAsync(HttpContext context, IMetadataStore store, string queryId)
    {
        if (!long.TryParse(queryId, NumberStyles.None, CultureInfo.InvariantCulture, out long id) || id <= 0)
        {
            return (null, ApiErrors.BadRequest($"query_id must be a positive integer, got '{queryId}'"));
        }
        var query = await store.GetQueryAsync(id, context.RequestAborted).ConfigureAwait(false);
        if (query is null || (query.IsPrivate && query.Owner != context.Owner()))
        {
            return (null, ApiErrors.NotFound(QueryNotFound));
        }
        return (query, null);
    }

    /// <summary>A query the caller may change: its own. A visible one of someone else is 403.</summary>
    private static async Task<(SavedQuery?, IResult?)> LoadOwnedAsync(HttpContext context, IMetadataStore store, string queryId)
    {
        var (query, error) = await LoadVisibleAsync(context, store, queryId).ConfigureAwait(false);
        if (query is not null && query.Owner != context.Owner())
        {
            return (null, ApiErrors.Error(StatusCodes.Status403Forbidden, "Not allowed to modify query: only its owner can"));
        }
        return (query, error);
    }

}
