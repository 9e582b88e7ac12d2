using System.Text.Json;
using Strata.Application;
using Strata.Application.Executions;
using Strata.Application.Queries;
using Strata.Core.Queries;
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
        var body = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        return IdResult(await queries.CreateAsync(context.Owner(), BindCreate(context, body), context.RequestAborted).ConfigureAwait(false));
    }

    /// <summary>The create body as a draft; a refusal throws (also fuzzed directly: benchmarks/reliability).</summary>
    internal static SavedQueryDraft BindCreate(HttpContext context, JsonElement json)
    {
        var body = RequestBody.Bind(json, RequestJsonContext.Default.CreateQueryBody, BodyFields.Expected);
        string? name = body.Name;
        if (name is null || name.Trim().Length == 0)
        {
            throw Invalid("name is required");
        }
        string? sql = body.QuerySql;
        if (sql is null || sql.Trim().Length == 0)
        {
            throw Invalid("query_sql is required");
        }
        CheckSqlSize(context, sql);
        var dialect = Dialect(body.QueryEngine);
        string description = body.Description.ValueKind == JsonValueKind.String ? body.Description.GetString()! : "";
        return new SavedQueryDraft(
            name, sql, description, BodyFields.Strings(body.Tags, "tags") ?? [], ParseDefinitions(body.Parameters, body.QueryParameters) ?? [],
            body.IsPrivate ?? false, dialect ?? SqlDialect.DuneSql);
    }

    private static async Task<IResult> Read(HttpContext context, string queryId, SavedQueries queries)
    {
        var query = await queries.GetVisibleAsync(context.Owner(), queryId, context.RequestAborted).ConfigureAwait(false);
        return new JsonWriterResult(w => WriteQuery(w, query));
    }

    private static async Task<IResult> Update(HttpContext context, string queryId, SavedQueries queries)
    {
        var body = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        return IdResult(await queries.UpdateAsync(context.Owner(), queryId, BindUpdate(body), context.RequestAborted).ConfigureAwait(false));
    }

    /// <summary>
    /// The update body as changes; a refusal throws (also fuzzed directly). A new SQL text's size is the use case's
    /// check (<see cref="SavedQueries.UpdateAsync(string, string, SavedQueryChanges, CancellationToken)"/>): the text
    /// stored already is not held to a limit lowered since.
    /// </summary>
    internal static SavedQueryChanges BindUpdate(JsonElement json)
    {
        var body = RequestBody.Bind(json, RequestJsonContext.Default.UpdateQueryBody, BodyFields.Expected);
        string? name = body.Name;
        string? sql = body.QuerySql;
        string? description = body.Description;
        if (name is not null && name.Trim().Length == 0)
        {
            throw Invalid("name must not be empty");
        }
        var tags = BodyFields.Strings(body.Tags, "tags");
        bool? isPrivate = body.IsPrivate;
        // The Go client's UpdateQueryRequest carries is_archived: the same change as POST .../archive|unarchive.
        bool? isArchived = body.IsArchived;
        if (sql is not null && sql.Trim().Length == 0)
        {
            throw Invalid("query_sql must not be empty");
        }
        var dialect = Dialect(body.QueryEngine);
        return new SavedQueryChanges(name, sql, description, tags, isPrivate, dialect, ParseDefinitions(body.Parameters, body.QueryParameters), isArchived);
    }

    private static async Task<IResult> SetFlag(HttpContext context, string queryId, SavedQueries queries, Func<SavedQuery, SavedQuery> change) =>
        IdResult(await queries.SetFlagAsync(context.Owner(), queryId, change, context.RequestAborted).ConfigureAwait(false));

    private static async Task<IResult> List(HttpContext context, SavedQueries store)
    {
        var page = ListPage.Of(context, 20, 1000);
        var listing = await store.ListAsync(context.Owner(), page.Limit, page.Offset, context.RequestAborted).ConfigureAwait(false);
        return new StreamedListResult<SavedQuerySummary>("queries", listing.Queries, listing.Total, static (w, query) =>
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
        });
    }

    private static async Task<IResult> Execute(HttpContext context, string queryId, SavedQueryRuns runs)
    {
        var (body, raw) = await RequestBody.ReadObjectWithBytesAsync(context).ConfigureAwait(false);
        var run = BindExecute(context, body);
        var extras = ExecuteRequests.Extras(context, raw);
        using var poll = LongPoll.Enter(context, extras.Wait);
        var result = await runs.ExecuteAsync(context.Owner(), queryId, run with { MaxAge = extras.MaxAge, Idempotency = extras.Idempotency, Wait = poll.Wait }, context.RequestAborted).ConfigureAwait(false);
        return ExecuteRequests.Answer(result, extras);
    }

    /// <summary>
    /// The execute body as a run: the tier and the supplied parameter values, checked against the query's definitions
    /// by the use case (<see cref="SavedQueryRuns.ExecuteAsync"/>); a refusal throws (also fuzzed directly).
    /// </summary>
    internal static SavedQueryRun BindExecute(HttpContext context, JsonElement json)
    {
        var body = RequestBody.Bind(json, RequestJsonContext.Default.ExecuteQueryBody, BodyFields.Expected);
        return new SavedQueryRun(ExecuteRequests.PerformanceOf(context, body.Performance), SuppliedValues(context, body.QueryParameters));
    }

    private static async Task LatestResults(HttpContext context, string queryId, SavedQueryRuns runs, ResultPages pages) =>
        await ResultResponses.ServeJsonAsync(context, await runs.LatestAsync(context.Owner(), queryId, Selectors(context), context.RequestAborted).ConfigureAwait(false), pages).ConfigureAwait(false);

    private static async Task LatestResultsCsv(HttpContext context, string queryId, SavedQueries queries, ResultPages pages) =>
        await ResultResponses.ServeCsvAsync(context, await queries.LatestAsync(context.Owner(), queryId, Selectors(context), context.RequestAborted).ConfigureAwait(false), pages).ConfigureAwait(false);

    /// <summary>The <c>params.name=value</c> selectors that narrow the latest execution.</summary>
    private static List<KeyValuePair<string, string>> Selectors(HttpContext context) => context.Request.Query
        .Where(kv => kv.Key.StartsWith("params.", StringComparison.Ordinal))
        .Select(kv => KeyValuePair.Create(kv.Key["params.".Length..], kv.Value.ToString()))
        .ToList();

    private static IResult IdResult(long id) => new JsonWriterResult(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("query_id", id);
        w.WriteEndObject();
    });
}
