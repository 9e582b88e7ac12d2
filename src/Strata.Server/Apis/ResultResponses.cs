using Strata.Application;
using Strata.Core.Executions;
using Strata.Core.Results;
using Strata.Server.Auth;

namespace Strata.Server.Apis;

/// <summary>The result of a loaded execution as JSON, CSV, Parquet or Arrow, for the execution and latest-result endpoints.</summary>
internal static class ResultResponses
{
    /// <summary>Results of a loaded execution as JSON; shared with the latest-results endpoint.</summary>
    public static async Task ServeJsonAsync(HttpContext context, Execution execution, ResultPages pages)
    {
        var page = ReadPageRequest(context, execution);
        using var result = execution.State.HasResult() ? pages.Open(execution.ResultKey) : null;
        if (execution.State.HasResult() && result is null)
        {
            // The file went away between the state read and the open: the sweep expired it.
            execution = execution with { State = ExecutionState.Expired };
        }
        using var prepared = result is null ? null : await PrepareAsync(context, pages, execution, result, page).ConfigureAwait(false);
        if (prepared is not null && ResultPages.NotModified(context, execution, "json"))
        {
            return;
        }
        await pages.WriteJsonAsync(context, execution, prepared, $"/api/v1/execution/{execution.Id}/results").ConfigureAwait(false);
    }

    /// <summary>The paging and view parameters; Invalid when one is bad, or for a partial result asked for without allow_partial_results.</summary>
    private static PageRequest ReadPageRequest(HttpContext context, Execution execution)
    {
        var page = PageRequest.Parse(context.Request.Query);
        return execution.State == ExecutionState.CompletedPartial && !page.AllowPartial
            ? throw new UseCaseException(UseCaseError.Invalid, "Partial Result, please request with 'allow_partial_results=true'")
            : page;
    }

    /// <summary>The stored result; Conflict naming the state when there is none to give.</summary>
    private static StoredResult OpenOrConflict(Execution execution, ResultPages pages, string format)
    {
        var result = execution.State.HasResult() ? pages.Open(execution.ResultKey) : null;
        var state = execution.State.HasResult() ? ExecutionState.Expired : execution.State;
        return result ?? throw new UseCaseException(UseCaseError.Conflict, $"Query state is {state.ToWire()}, cannot provide {format} result");
    }

    /// <summary>The page; Invalid for a bad columns/filters/sort_by request.</summary>
    private static async Task<Page> PrepareAsync(HttpContext context, ResultPages pages, Execution execution, StoredResult result, PageRequest page, bool download = false)
    {
        try
        {
            return download
                ? await pages.PrepareDownloadAsync(context.Owner(), execution, result, page, context.RequestAborted).ConfigureAwait(false)
                : await pages.PrepareAsync(context.Owner(), execution, result, page, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception e) when (e is Strata.Core.Results.Querying.FilterException or Strata.Core.Results.Querying.InvalidResultQueryException)
        {
            throw new UseCaseException(UseCaseError.Invalid, e.Message);
        }
    }

    /// <summary>Results of a loaded execution as CSV; shared with the latest-results endpoint.</summary>
    public static async Task ServeCsvAsync(HttpContext context, Execution execution, ResultPages pages)
    {
        if (context.Request.Query["csv_safe"].FirstOrDefault() is { Length: > 0 } safe && !bool.TryParse(safe, out _))
        {
            throw new UseCaseException(UseCaseError.Invalid, $"csv_safe must be true or false, got '{Strata.Core.Security.EchoedText.Cut(safe)}'");
        }
        var page = ReadPageRequest(context, execution);
        using var result = OpenOrConflict(execution, pages, "CSV");
        using var prepared = await PrepareAsync(context, pages, execution, result, page).ConfigureAwait(false);
        if (ResultPages.NotModified(context, execution, "csv"))
        {
            return;
        }
        await pages.WriteCsvAsync(context, prepared, $"/api/v1/execution/{execution.Id}/results/csv").ConfigureAwait(false);
    }

    /// <summary>
    /// Whole-result downloads as Parquet or an Arrow IPC stream. Without columns/filters/sort_by/limit/offset
    /// the download is a stored copy in that format, served with Range and ETag support.
    /// </summary>
    public static async Task ServeDownloadAsync(HttpContext context, Execution execution, ResultPages pages, IResultStore results, IParquetWriter parquet, DownloadFormat format)
    {
        var page = ReadPageRequest(context, execution);
        using var result = OpenOrConflict(execution, pages, format.ToString().ToUpperInvariant());
        string extension = format == DownloadFormat.Parquet ? "parquet" : "arrow";
        bool whole = page.View.IsEmpty && page.Limit is null && page.Offset == 0;
        if (whole)
        {
            // The whole result is a stored, immutable copy: served as a file, with Range and ETag.
            string path = format == DownloadFormat.Parquet
                ? await results.EnsureParquetAsync(execution.ResultKey, context.RequestAborted).ConfigureAwait(false)
                : await results.EnsureArrowStreamAsync(execution.ResultKey, context.RequestAborted).ConfigureAwait(false);
            string contentType = format == DownloadFormat.Parquet ? "application/vnd.apache.parquet" : "application/vnd.apache.arrow.stream";
            var etag = new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{execution.Id}-{extension}\"");
            await Results.File(path, contentType, $"{execution.Id}.{extension}", lastModified: null, entityTag: etag, enableRangeProcessing: true)
                .ExecuteAsync(context).ConfigureAwait(false);
            return;
        }
        using var prepared = await PrepareAsync(context, pages, execution, result, page with { IgnoreDatapointCap = true, Limit = page.Limit ?? long.MaxValue }, download: true).ConfigureAwait(false);
        if (ResultPages.NotModified(context, execution, extension))
        {
            return;
        }
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{execution.Id}.{extension}\"";
        await Downloads.WriteAsync(context, prepared, format, parquet, pages.Limits).ConfigureAwait(false);
    }
}
