using System.Text.Json;
using Strata.Application.Executions;
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
        execution.MapGet("/results/parquet", (HttpContext c, string executionId, ExecutionService s, ResultPages p, IResultStore r) => GetDownload(c, executionId, s, p, r, DownloadFormat.Parquet));
        execution.MapGet("/results/arrow", (HttpContext c, string executionId, ExecutionService s, ResultPages p, IResultStore r) => GetDownload(c, executionId, s, p, r, DownloadFormat.Arrow));
        execution.MapPost("/cancel", Cancel);
        return app;
    }

    private static async Task<IResult> ExecuteSql(HttpContext context, ExecutionService executions)
    {
        var (body, raw, error) = await RequestBody.ReadObjectWithBytesAsync(context).ConfigureAwait(false);
        if (error is not null)
        {
            return ApiErrors.BadRequest(error);
        }
        if (!body.TryGetProperty("sql", out var sqlElement) || sqlElement.ValueKind != JsonValueKind.String)
        {
            return ApiErrors.BadRequest("sql is required and must be a string");
        }
        string sql = sqlElement.GetString()!;
        if (string.IsNullOrWhiteSpace(sql))
        {
            return ApiErrors.BadRequest("sql must not be empty");
        }
        if (RequestFields.SqlTooLarge(context, sql) is { } tooLarge)
        {
            return tooLarge;
        }
        if (!TryPerformance(context, body, out var tier, out error))
        {
            return ApiErrors.BadRequest(error);
        }
        if (!RequestFields.TryDialect(body, out var dialect, out error))
        {
            return ApiErrors.BadRequest(error!);
        }
        var request = new SubmitRequest(context.Owner(), sql, tier, Dialect: dialect ?? Strata.Core.Queries.SqlDialect.DuneSql);
        return await SubmitAsync(context, executions, request, raw).ConfigureAwait(false);
    }

    /// <summary>
    /// Submits with the execute extras (max_age_hours, Idempotency-Key, wait) and answers
    /// <c>{"execution_id","state"}</c>, plus <c>"reuse"</c> when max_age_hours was given.
    /// </summary>
    internal static async Task<IResult> SubmitAsync(HttpContext context, ExecutionService executions, SubmitRequest request, byte[] rawBody)
    {
        var query = context.Request.Query;
        if (!LongPoll.TryParseWait(query, out var wait, out string problem))
        {
            return ApiErrors.BadRequest(problem);
        }
        if (query.TryGetValue("max_age_hours", out var maxAgeText) && !string.IsNullOrEmpty(maxAgeText))
        {
            if (!double.TryParse(maxAgeText, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double hours) || hours < 0 || hours > 24 * 366 * 10 || double.IsNaN(hours))
            {
                return ApiErrors.BadRequest($"max_age_hours must be a non-negative number of hours, got '{maxAgeText}'");
            }
            request = request with { MaxAge = TimeSpan.FromHours(hours) };
        }
        string? key = context.Request.Headers["Idempotency-Key"].FirstOrDefault();
        if (key is not null)
        {
            if (key.Length is 0 or > 255)
            {
                return ApiErrors.BadRequest("Idempotency-Key must be 1-255 characters");
            }
            request = request with { Idempotency = new IdempotencyRequest(key, RequestHash(context, rawBody)) };
        }
        var result = await executions.SubmitAsync(request, context.RequestAborted).ConfigureAwait(false);
        var execution = await executions.WaitAsync(result.Execution, wait, context.RequestAborted).ConfigureAwait(false);
        return new JsonWriterResult(w =>
        {
            w.WriteStartObject();
            w.WriteString("execution_id", execution.Id);
            w.WriteString("state", execution.State.ToWire());
            if (request.MaxAge is not null)
            {
                w.WriteString("reuse", result.Reuse switch
                {
                    ReuseKind.Result => "completed_result",
                    ReuseKind.InFlight => "joined_in_flight",
                    _ => "none",
                });
            }
            w.WriteEndObject();
        });
    }

    /// <summary>What a retry must repeat to count as the same request: path, query (less wait and key), body.</summary>
    private static string RequestHash(HttpContext context, byte[] body)
    {
        var query = string.Join("&", context.Request.Query
            .Where(kv => kv.Key is not ("wait" or "api_key"))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => kv.Key + "=" + kv.Value));
        byte[] head = System.Text.Encoding.UTF8.GetBytes(context.Request.Path + "?" + query + "\n");
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData([.. head, .. body]));
    }

    /// <summary>performance from the body or the query string: medium (default) or large.</summary>
    internal static bool TryPerformance(HttpContext context, JsonElement body, out PerformanceTier tier, out string error)
    {
        error = "";
        string? text = context.Request.Query["performance"].FirstOrDefault();
        if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("performance", out var p) && p.ValueKind != JsonValueKind.Null)
        {
            if (p.ValueKind != JsonValueKind.String)
            {
                tier = PerformanceTier.Medium;
                error = "performance must be \"medium\" or \"large\"";
                return false;
            }
            text = p.GetString();
        }
        if (!PerformanceTiers.TryParse(text, out tier))
        {
            error = $"performance must be \"medium\" or \"large\", got \"{text}\"";
            return false;
        }
        return true;
    }

    private static async Task<IResult> GetStatus(HttpContext context, string executionId, ExecutionService executions)
    {
        if (!LongPoll.TryParseWait(context.Request.Query, out var wait, out string problem))
        {
            return ApiErrors.BadRequest(problem);
        }
        var execution = await executions.GetAsync(context.Owner(), executionId, context.RequestAborted).ConfigureAwait(false);
        execution = await executions.WaitAsync(execution, wait, context.RequestAborted).ConfigureAwait(false);
        execution = executions.WithQueuePosition(execution);
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

    private static async Task GetResults(HttpContext context, string executionId, ExecutionService executions, ResultPages pages)
    {
        var execution = await executions.GetAsync(context.Owner(), executionId, context.RequestAborted).ConfigureAwait(false);
        await ServeJsonAsync(context, execution, pages).ConfigureAwait(false);
    }

    /// <summary>Results of a loaded execution as JSON; shared with the latest-results endpoint.</summary>
    internal static async Task ServeJsonAsync(HttpContext context, Execution execution, ResultPages pages)
    {
        if (await ReadPageRequestAsync(context, execution).ConfigureAwait(false) is not { } page)
        {
            return;
        }
        using var result = execution.State.HasResult() ? pages.Open(execution.Id) : null;
        if (execution.State.HasResult() && result is null)
        {
            // The file went away between the state read and the open: the sweep expired it.
            execution = execution with { State = ExecutionState.Expired };
        }
        execution = context.RequestServices.GetRequiredService<ExecutionService>().WithQueuePosition(execution);
        using var prepared = result is null ? null : await PrepareAsync(context, pages, execution, result, page).ConfigureAwait(false);
        if (result is not null && (prepared is null || ResultPages.NotModified(context, execution, "json")))
        {
            return;
        }
        await pages.WriteJsonAsync(context, execution, prepared, $"/api/v1/execution/{execution.Id}/results").ConfigureAwait(false);
    }

    /// <summary>The paging and view parameters, or null after answering 400 (bad parameters, or a partial
    /// result asked for without allow_partial_results).</summary>
    private static async Task<PageRequest?> ReadPageRequestAsync(HttpContext context, Execution execution)
    {
        if (!PageRequest.TryParse(context.Request.Query, out var page, out string message))
        {
            await ApiErrors.WriteAsync(context, StatusCodes.Status400BadRequest, message).ConfigureAwait(false);
            return null;
        }
        if (execution.State == ExecutionState.CompletedPartial && !page.AllowPartial)
        {
            await ApiErrors.WriteAsync(context, StatusCodes.Status400BadRequest, "Partial Result, please request with 'allow_partial_results=true'").ConfigureAwait(false);
            return null;
        }
        return page;
    }

    /// <summary>The stored result, or null after answering 409 naming the state (no result to give).</summary>
    private static async Task<StoredResult?> OpenOrConflictAsync(HttpContext context, Execution execution, ResultPages pages, string format)
    {
        var result = execution.State.HasResult() ? pages.Open(execution.Id) : null;
        if (result is null)
        {
            var state = execution.State.HasResult() ? ExecutionState.Expired : execution.State;
            await ApiErrors.WriteAsync(context, StatusCodes.Status409Conflict, $"Query state is {state.ToWire()}, cannot provide {format} result").ConfigureAwait(false);
        }
        return result;
    }

    /// <summary>The page, or null after answering 400 for a bad columns/filters/sort_by request.</summary>
    private static async Task<Page?> PrepareAsync(HttpContext context, ResultPages pages, Execution execution, Strata.Core.Results.StoredResult result, PageRequest page)
    {
        try
        {
            return await pages.PrepareAsync(execution, result, page, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Strata.Core.Results.Querying.FilterException or Strata.Core.Results.Querying.InvalidResultQueryException)
        {
            await ApiErrors.WriteAsync(context, StatusCodes.Status400BadRequest, e.Message).ConfigureAwait(false);
            return null;
        }
    }

    private static async Task GetResultsCsv(HttpContext context, string executionId, ExecutionService executions, ResultPages pages)
    {
        var execution = await executions.GetAsync(context.Owner(), executionId, context.RequestAborted).ConfigureAwait(false);
        await ServeCsvAsync(context, execution, pages).ConfigureAwait(false);
    }

    /// <summary>Results of a loaded execution as CSV; shared with the latest-results endpoint.</summary>
    internal static async Task ServeCsvAsync(HttpContext context, Execution execution, ResultPages pages)
    {
        if (context.Request.Query["csv_safe"].FirstOrDefault() is { Length: > 0 } safe && !bool.TryParse(safe, out _))
        {
            await ApiErrors.WriteAsync(context, StatusCodes.Status400BadRequest, $"csv_safe must be true or false, got '{safe}'").ConfigureAwait(false);
            return;
        }
        if (await ReadPageRequestAsync(context, execution).ConfigureAwait(false) is not { } page)
        {
            return;
        }
        using var result = await OpenOrConflictAsync(context, execution, pages, "CSV").ConfigureAwait(false);
        if (result is null)
        {
            return;
        }
        using var prepared = await PrepareAsync(context, pages, execution, result, page).ConfigureAwait(false);
        if (prepared is null || ResultPages.NotModified(context, execution, "csv"))
        {
            return;
        }
        await pages.WriteCsvAsync(context, prepared, $"/api/v1/execution/{execution.Id}/results/csv").ConfigureAwait(false);
    }

    /// <summary>
    /// Whole-result downloads as Parquet or an Arrow IPC stream. Without columns/filters/sort_by/limit/offset
    /// the download is a stored copy in that format, served with Range and ETag support.
    /// </summary>
    private static async Task GetDownload(HttpContext context, string executionId, ExecutionService executions, ResultPages pages, IResultStore results, DownloadFormat format)
    {
        var execution = await executions.GetAsync(context.Owner(), executionId, context.RequestAborted).ConfigureAwait(false);
        if (await ReadPageRequestAsync(context, execution).ConfigureAwait(false) is not { } page)
        {
            return;
        }
        using var result = await OpenOrConflictAsync(context, execution, pages, format.ToString().ToUpperInvariant()).ConfigureAwait(false);
        if (result is null)
        {
            return;
        }
        string extension = format == DownloadFormat.Parquet ? "parquet" : "arrow";
        bool whole = page.View.IsEmpty && page.Limit is null && page.Offset == 0;
        if (whole)
        {
            // The whole result is a stored, immutable copy: served as a file, with Range and ETag.
            string path = format == DownloadFormat.Parquet
                ? await results.EnsureParquetAsync(execution.Id, context.RequestAborted).ConfigureAwait(false)
                : await results.EnsureArrowStreamAsync(execution.Id, context.RequestAborted).ConfigureAwait(false);
            string contentType = format == DownloadFormat.Parquet ? "application/vnd.apache.parquet" : "application/vnd.apache.arrow.stream";
            var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{execution.Id}-{extension}\"");
            await Results.File(path, contentType, $"{execution.Id}.{extension}", lastModified: null, entityTag: etag, enableRangeProcessing: true)
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }
        using var prepared = await PrepareAsync(context, pages, execution, result, page with { IgnoreDatapointCap = true, Limit = page.Limit ?? long.MaxValue }).ConfigureAwait(false);
        if (prepared is null || ResultPages.NotModified(context, execution, extension))
        {
            return;
        }
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{execution.Id}.{extension}\"";
        await Downloads.WriteAsync(context, prepared, format).ConfigureAwait(false);
    }

    private static async Task<IResult> Cancel(HttpContext context, string executionId, ExecutionService executions)
    {
        var execution = await executions.GetAsync(context.Owner(), executionId, context.RequestAborted).ConfigureAwait(false);
        bool success = await executions.CancelAsync(execution, context.RequestAborted).ConfigureAwait(false);
        return Results.Json(new CancelBody(success), SubmittedJsonContext.Default.CancelBody, "application/json");
    }
}

public sealed record CancelBody(bool success);

[System.Text.Json.Serialization.JsonSerializable(typeof(CancelBody))]
public sealed partial class SubmittedJsonContext : System.Text.Json.Serialization.JsonSerializerContext;
