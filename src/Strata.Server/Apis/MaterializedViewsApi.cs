using System.Text.Json;
using Strata.Application;
using Strata.Application.Views;
using Strata.Core.Executions;
using Strata.Server.Auth;

using static Strata.Server.Apis.RequestFields;

namespace Strata.Server.Apis;

/// <summary>Materialized views (Dune's <c>/v1/materialized-views</c>): upsert, list, read, delete, refresh.</summary>
public static class MaterializedViewsApi
{
    /// <summary>Dune's default and largest page of the list.</summary>
    public const int MaxPage = 10_000;

    public static IEndpointRouteBuilder MapMaterializedViewsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/materialized-views").RequireApiKey();
        api.MapPost("", Upsert);
        api.MapGet("", List);
        api.MapGet("/{name}", Read);
        api.MapDelete("/{name}", Delete);
        api.MapPost("/{name}/refresh", Refresh);
        return app;
    }

    private static async Task<IResult> Upsert(HttpContext context, MaterializedViews views)
    {
        var body = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        var (view, executionId) = await views.UpsertAsync(context.Owner(), BindUpsert(context, body), context.RequestAborted).ConfigureAwait(false);
        return new JsonWriterResult(w =>
        {
            w.WriteStartObject();
            w.WriteString("execution_id", executionId);
            w.WriteString("name", view.FullName);
            w.WriteEndObject();
        });
    }

    /// <summary>The upsert body as a request; a refusal throws (also fuzzed directly: benchmarks/reliability).</summary>
    internal static ViewUpsert BindUpsert(HttpContext context, JsonElement json)
    {
        var body = RequestBody.Bind(json, RequestJsonContext.Default.UpsertViewBody, UpsertViewBody.Expected);
        string name = body.Name ?? throw Invalid(UpsertViewBody.NameRequired);
        long queryId = body.QueryId is > 0 and long id ? id : throw Invalid(UpsertViewBody.QueryIdRequired);
        var tier = ExecuteRequests.PerformanceOf(context, body.Performance);
        return new ViewUpsert(name, queryId, tier, body.CronExpression, body.IsPrivate);
    }

    private static async Task<IResult> List(HttpContext context, MaterializedViews views)
    {
        var page = ListPage.Of(context, MaxPage, MaxPage);
        var (list, total) = await views.ListAsync(context.Owner(), page.Limit, page.Offset, context.RequestAborted).ConfigureAwait(false);
        return page.Answer("materialized_views", list, total, ListEnd.NextOffset, WriteView);
    }

    private static async Task<IResult> Read(HttpContext context, string name, MaterializedViews views)
    {
        var details = await views.ReadAsync(context.Owner(), name, context.RequestAborted).ConfigureAwait(false);
        return new JsonWriterResult(w => WriteView(w, details));
    }

    private static async Task<IResult> Delete(HttpContext context, string name, MaterializedViews views)
    {
        var view = await views.DeleteAsync(context.Owner(), name, context.RequestAborted).ConfigureAwait(false);
        return new JsonWriterResult(w =>
        {
            w.WriteStartObject();
            w.WriteString("message", $"Materialized view {view.FullName} deleted");
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> Refresh(HttpContext context, string name, MaterializedViews views)
    {
        var body = await RequestBody.BindAsync(context, RequestJsonContext.Default.RefreshViewBody, BodyFields.Expected).ConfigureAwait(false);
        var tier = ExecuteRequests.PerformanceOf(context, body.Performance);
        var (view, executionId) = await views.RefreshAsync(context.Owner(), name, tier, context.RequestAborted).ConfigureAwait(false);
        return new JsonWriterResult(w =>
        {
            w.WriteStartObject();
            w.WriteString("execution_id", executionId);
            w.WriteString("sql_id", view.FullName);
            w.WriteEndObject();
        });
    }

    /// <summary>Dune's fields (id, sql_id, is_private, query_id, table_size_bytes, last_execution_ids) and Strata's schedule and state.</summary>
    private static void WriteView(Utf8JsonWriter w, ViewDetails details)
    {
        var view = details.View;
        w.WriteStartObject();
        w.WriteString("id", view.FullName);
        w.WriteString("sql_id", view.FullName);
        w.WriteString("owner_handle", view.Owner);
        w.WriteBoolean("is_private", view.IsPrivate);
        // Another owner's public view of a private query: its rows are public, the query and its runs are not.
        if (details.QueryShown)
        {
            w.WriteNumber("query_id", view.QueryId);
        }
        else
        {
            w.WriteNull("query_id");
        }
        w.WriteNumber("table_size_bytes", details.TableBytes);
        w.WriteNumber("row_count", details.TableRows);
        w.WriteStartArray("last_execution_ids");
        if (details.QueryShown && view.LastExecutionId is { } last)
        {
            w.WriteStringValue(last);
        }
        w.WriteEndArray();
        w.WriteString("performance", view.Tier.ToWire());
        WriteOptional(w, "cron_expression", view.Cron);
        WriteOptional(w, "last_run_at", view.LastRunAt is { } run ? ExecutionJson.Timestamp(run) : null);
        WriteOptional(w, "next_run_at", details.NextRunAt is { } next ? ExecutionJson.Timestamp(next) : null);
        WriteOptional(w, "table_execution_id", details.QueryShown ? view.TableExecutionId : null);
        WriteOptional(w, "last_error", view.LastError);
        w.WriteString("created_at", ExecutionJson.Timestamp(view.CreatedAt));
        w.WriteString("updated_at", ExecutionJson.Timestamp(view.UpdatedAt));
        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }
}
