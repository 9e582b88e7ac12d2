using Strata.Application;
using System.Text.Json;
using Strata.Application.Executions;
using Strata.Application.Queries;
using Strata.Core.Executions;
using Strata.Core.Results;
using Strata.Server.Auth;

namespace Strata.Server.Apis;

/// <summary>Ad-hoc SQL execution and the execution resource: status, results, CSV, cancel.</summary>
public static class ExecutionsApi
{
    public static IEndpointRouteBuilder MapExecutionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireApiKey();
        api.MapPost("/sql/execute", ExecuteSql);
        var execution = api.MapGroup("/execution/{executionId}");
        execution.MapGet("/status", GetStatus);
        execution.MapGet("/results", GetResults);
        execution.MapGet("/results/csv", GetResultsCsv);
        execution.MapGet("/results/parquet", (HttpContext c, string executionId, PublicResults s, ResultPages p, IResultStore r, IParquetWriter w) => GetDownload(c, executionId, s, p, r, w, DownloadFormat.Parquet));
        execution.MapGet("/results/arrow", (HttpContext c, string executionId, PublicResults s, ResultPages p, IResultStore r, IParquetWriter w) => GetDownload(c, executionId, s, p, r, w, DownloadFormat.Arrow));
        execution.MapPost("/cancel", Cancel);
        return app;
    }

    private static async Task<IResult> ExecuteSql(HttpContext context, ExecutionService executions)
    {
        var (body, raw) = await RequestBody.ReadObjectWithBytesAsync(context).ConfigureAwait(false);
        var request = BindExecute(context, body);
        var extras = ExecuteRequests.Extras(context, raw);
        using var poll = LongPoll.Enter(context, extras.Wait);
        var result = await executions.SubmitAndWaitAsync(request with { MaxAge = extras.MaxAge, Idempotency = extras.Idempotency }, poll.Wait, context.RequestAborted).ConfigureAwait(false);
        return ExecuteRequests.Answer(result, extras);
    }

    /// <summary>The execute body as a request; a refusal throws (also fuzzed directly: benchmarks/reliability).</summary>
    internal static SubmitRequest BindExecute(HttpContext context, JsonElement json)
    {
        var body = RequestBody.Bind(json, RequestJsonContext.Default.ExecuteSqlBody, ExecuteSqlBody.Expected);
        string sql = body.Sql ?? throw new UseCaseException(UseCaseError.Invalid, "sql is required and must be a string");
        if (string.IsNullOrWhiteSpace(sql))
        {
            throw new UseCaseException(UseCaseError.Invalid, "sql must not be empty");
        }
        RequestFields.CheckSqlSize(context, sql);
        var tier = ExecuteRequests.PerformanceOf(context, body.Performance);
        var dialect = RequestFields.Dialect(body.QueryEngine);
        return new SubmitRequest(context.Owner(), sql, tier, Dialect: dialect ?? Strata.Core.Queries.SqlDialect.DuneSql);
    }

    private static async Task<IResult> GetStatus(HttpContext context, string executionId, PublicResults readable)
    {
        Execution execution;
        using (var poll = LongPoll.Enter(context, LongPoll.Wait(context.Request.Query)))
        {
            execution = await readable.StatusAsync(context.Owner(), executionId, poll.Wait, context.RequestAborted).ConfigureAwait(false);
        }
        return new JsonWriterResult(w =>
        {
            w.WriteStartObject();
            ExecutionJson.WriteFields(w, execution);
            if (execution.State.HasResult() && execution.Result is { } info)
            {
                ExecutionJson.WriteResultMetadata(w, "result_metadata", execution, info.ColumnNames, info.ColumnTypes, info.RowCount, info.ResultSetBytes);
            }
            w.WriteEndObject();
        });
    }

    private static async Task GetResults(HttpContext context, string executionId, PublicResults readable, ResultPages pages)
    {
        var execution = await readable.StatusAsync(context.Owner(), executionId, TimeSpan.Zero, context.RequestAborted).ConfigureAwait(false);
        await ResultResponses.ServeJsonAsync(context, execution, pages).ConfigureAwait(false);
    }

    private static async Task GetResultsCsv(HttpContext context, string executionId, PublicResults readable, ResultPages pages)
    {
        var execution = await readable.ReadableAsync(context.Owner(), executionId, context.RequestAborted).ConfigureAwait(false);
        await ResultResponses.ServeCsvAsync(context, execution, pages).ConfigureAwait(false);
    }

    private static async Task GetDownload(HttpContext context, string executionId, PublicResults readable, ResultPages pages, IResultStore results, IParquetWriter parquet, DownloadFormat format)
    {
        var execution = await readable.ReadableAsync(context.Owner(), executionId, context.RequestAborted).ConfigureAwait(false);
        await ResultResponses.ServeDownloadAsync(context, execution, pages, results, parquet, format).ConfigureAwait(false);
    }

    private static async Task<IResult> Cancel(HttpContext context, string executionId, ExecutionService executions)
    {
        bool success = await executions.CancelAsync(context.Owner(), executionId, context.RequestAborted).ConfigureAwait(false);
        return Results.Json(new CancelBody(success), SubmittedJsonContext.Default.CancelBody, "application/json");
    }
}

public sealed record CancelBody(bool success);

[System.Text.Json.Serialization.JsonSerializable(typeof(CancelBody))]
public sealed partial class SubmittedJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
