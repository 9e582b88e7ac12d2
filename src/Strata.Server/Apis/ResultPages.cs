using Strata.Application;
using Strata.Application.Configuration;
using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Strata.Core.Executions;
using Strata.Core.Results;
using Strata.Core.Results.Querying;
using Strata.Server.Configuration;

using static Strata.Server.Apis.RequestFields;

namespace Strata.Server.Apis;

/// <summary>Serves pages of a stored result as JSON or CSV, streaming rows from the result file.</summary>
public sealed class ResultPages(IResultStore store, IResultQueryEngine queries, IOptions<StrataOptions> options, ResultViewLimits limits)
{
    /// <summary>Each owner's share of the result views, and the Parquet download files.</summary>
    public ResultViewLimits Limits => limits;

    private const int FlushBytes = 64 * 1024;

    /// <summary>
    /// Value bytes a filtered, sorted or sampled page may hold: such a page is read whole into the server's memory
    /// before it is written, unlike a plain page streamed from the file. Past it the page ends early with
    /// <c>next_offset</c> (at least one row), as it does at the datapoint cap. Without it a sorted page of a 1 GiB
    /// result held about 800 MB per request, and six at once took the server to 5 GB (hostile12).
    /// </summary>
    public const long MaxViewPageBytes = 16L << 20;

    /// <summary>The same bound for each page of a filtered or sorted download (which goes on to the next page itself):
    /// larger, as each page runs the sort again.</summary>
    public const long MaxDownloadPageBytes = 64L << 20;
    private readonly StrataOptions options = options.Value;

    /// <summary>Rows per response under the datapoint cap (or the hard cap when the client lifts it).</summary>
    private long MaxRows(PageRequest page, int columnCount)
    {
        long cap = page.IgnoreDatapointCap ? options.HardMaxDatapointsPerResponse : options.MaxDatapointsPerResponse;
        return Math.Max(1, cap / Math.Max(1, columnCount));
    }

    /// <summary>The rows a page covers: [Offset, Offset + Count), and the next offset when rows remain.</summary>
    public (long Count, long? Next) Plan(PageRequest page, long totalRows, int columnCount)
    {
        long maxRows = MaxRows(page, columnCount);
        long limit = Math.Min(page.Limit ?? maxRows, maxRows);
        long count = Math.Max(0, Math.Min(limit, totalRows - page.Offset));
        long? next = count > 0 && page.Offset + count < totalRows ? page.Offset + count : null;
        return (count, next);
    }

    /// <summary>An absolute URL that repeats every parameter of the request with the offset advanced.</summary>
    public string NextUri(HttpRequest request, string path, long nextOffset, long? sampleSeed = null)
    {
        string baseUrl = PublicUrls.BaseUrl(request, options.PublicBaseUrl);
        var parameters = new List<KeyValuePair<string, string?>>();
        foreach (var (key, values) in request.Query)
        {
            // The key is never echoed: a next_uri is copied into logs, histories and spreadsheets.
            if (key == "offset" || key == "sample_seed" || string.Equals(key, "api_key", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            foreach (var v in values)
            {
                parameters.Add(new(key, v));
            }
        }
        if (sampleSeed is long seed)
        {
            parameters.Add(new("sample_seed", seed.ToString(CultureInfo.InvariantCulture)));
        }
        parameters.Add(new("offset", nextOffset.ToString(CultureInfo.InvariantCulture)));
        return QueryHelpers.AddQueryString(baseUrl + path, parameters);
    }

    /// <summary>Opens a stored result by its key (<see cref="Execution.ResultKey"/>).</summary>
    public StoredResult? Open(string resultKey) => store.Open(resultKey);

    /// <summary>
    /// Stored results never change, so a results response is identified by the execution, the format and
    /// the request's parameters: a strong ETag. Answers 304 (and returns true) when If-None-Match names it.
    /// </summary>
    public static bool NotModified(HttpContext context, Execution execution, string format)
    {
        var request = context.Request;
        if (request.Query.ContainsKey("sample_count"))
        {
            // A sample differs on every request: nothing to cache.
            return false;
        }
        // The body repeats the request's host and parameters (next_uri), and compression changes the bytes.
        string text = string.Join("\n", execution.Id, format, request.Host.Value, request.QueryString.Value,
            string.Join(",", request.Headers.AcceptEncoding.ToArray()));
        string etag = "\"" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32] + "\"";
        var response = context.Response;
        response.Headers.ETag = etag;
        response.Headers.Vary = "Accept-Encoding";
        response.Headers.CacheControl = "private, max-age=31536000, immutable";
        foreach (var candidate in context.Request.Headers.IfNoneMatch)
        {
            if (candidate is null)
            {
                continue;
            }
            foreach (var tag in candidate.Split(',', StringSplitOptions.TrimEntries))
            {
                if (tag == "*" || tag == etag || tag == "W/" + etag)
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// Works out the rows of a page: straight from the stored file (with an optional column projection),
    /// or through the result query engine when the request filters, sorts or samples.
    /// Throws <see cref="FilterException"/> or <see cref="InvalidResultQueryException"/> for a bad request.
    /// </summary>
    public Task<Page> PrepareAsync(string caller, Execution execution, StoredResult result, PageRequest page, CancellationToken cancellationToken) =>
        PrepareAsync(caller, execution, result, page, MaxViewPageBytes, cancellationToken);

    private async Task<Page> PrepareAsync(string caller, Execution execution, StoredResult result, PageRequest page, long maxPageBytes, CancellationToken cancellationToken)
    {
        var names = result.Schema.ColumnNames;
        var view = page.View;
        var projection = ColumnsParser.Parse(view.Columns, names);
        int[] indexes = projection.Count == 0
            ? Enumerable.Range(0, names.Count).ToArray()
            : projection.Select(n => IndexOf(names, n)).ToArray();
        var filter = FilterParser.Parse(view.Filters, names);
        var sort = SortParser.Parse(view.SortBy, result.Schema);
        long total = execution.Result!.RowCount;
        if (filter is null && sort.Count == 0 && view.SampleCount is null)
        {
            var encoder = new RowEncoder(result.Schema, indexes);
            var (count, next) = Plan(page, total, indexes.Length);
            return new Page(encoder, result.ReadAsync(page.Offset, count, cancellationToken), count, next, total, null);
        }
        long maxRows = MaxRows(page, indexes.Length);
        long limit = Math.Min(view.SampleCount is long n ? Math.Max(0, n - page.Offset) : page.Limit ?? maxRows, maxRows);
        // A sample's seed, drawn when the request has none, goes into its next_uri: the next page is of the same sample.
        long? seed = view.SampleCount is null ? null : view.SampleSeed ?? Random.Shared.NextInt64(0, 1L << 53);
        string parquet = await store.EnsureParquetAsync(execution.ResultKey, cancellationToken).ConfigureAwait(false);
        // The caller's share of the result views' instance, held while the engine filters, sorts or samples.
        using var share = await limits.EnterViewAsync(caller, cancellationToken).ConfigureAwait(false);
        var (sink, matching) = await queries.QueryAsync(
            new ResultQuery(execution.Id, parquet, result.Schema, indexes, filter, sort, page.Offset, limit, view.SampleCount, maxPageBytes, seed ?? 0),
            cancellationToken).ConfigureAwait(false);
        var slices = sink.Slices();
        long rows = sink.RowCount;
        long? nextOffset = rows > 0 && page.Offset + rows < matching ? page.Offset + rows : null;
        var pageEncoder = new RowEncoder(sink.Schema, Enumerable.Range(0, indexes.Length).ToArray());
        return new Page(pageEncoder, slices.ToAsyncEnumerable(), rows, nextOffset, matching, sink, seed);
    }

    /// <summary>
    /// A download's rows: as <see cref="PrepareAsync"/>, but a filtered, sorted or sampled download goes on page after
    /// page (each at most <see cref="MaxDownloadPageBytes"/>, each read once the one before is written) up to the datapoint
    /// cap, so it holds one page in memory, not the whole view of the result.
    /// </summary>
    public async Task<Page> PrepareDownloadAsync(string caller, Execution execution, StoredResult result, PageRequest page, CancellationToken cancellationToken)
    {
        var first = await PrepareAsync(caller, execution, result, page, MaxDownloadPageBytes, cancellationToken).ConfigureAwait(false);
        if (first.Owned is null)
        {
            return first;
        }
        long wanted = Math.Min(page.Limit ?? long.MaxValue, MaxRows(page, first.Encoder.Columns.Count));
        // The pages after the first of a sample are of the first's sample.
        page = page with { View = page.View with { SampleSeed = first.SampleSeed } };
        return first with { Slices = Following(caller, first, execution, result, page, wanted, cancellationToken) };
    }

    /// <summary>The first page's slices, then those of the pages after it while rows remain; the first page is its caller's to dispose.</summary>
    private async IAsyncEnumerable<ResultSlice> Following(string caller, Page first, Execution execution, StoredResult result, PageRequest page, long wanted,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var current = first;
        long offset = page.Offset;
        try
        {
            while (true)
            {
                await foreach (var slice in current.Slices.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    yield return slice;
                }
                offset += current.Count;
                wanted -= current.Count;
                if (current.Next is null || current.Count == 0 || wanted <= 0)
                {
                    yield break;
                }
                if (!ReferenceEquals(current, first))
                {
                    current.Dispose();
                }
                current = await PrepareAsync(caller, execution, result, page with { Offset = offset, Limit = wanted }, MaxDownloadPageBytes, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            if (!ReferenceEquals(current, first))
            {
                current.Dispose();
            }
        }
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }
        throw new InvalidOperationException($"column {name} vanished");
    }

    /// <summary>Writes the results body: the execution object, the page's rows and metadata, and next_*.</summary>
    public async Task WriteJsonAsync(HttpContext context, Execution execution, Page? page, string nextPath)
    {
        var response = context.Response;
        response.ContentType = "application/json";
        var pipe = response.BodyWriter;
        var ct = context.RequestAborted;
        await using var json = new Utf8JsonWriter(pipe, JsonWriterResult.Options);
        json.WriteStartObject();
        ExecutionJson.WriteFields(json, execution);
        if (page is not null)
        {
            var encoder = page.Encoder;
            json.WriteStartObject("result");
            json.WritePropertyName("rows");
            json.WriteStartArray();
            json.Flush();
            bool first = true;
            long bytes = 0;
            await foreach (var slice in page.Slices.WithCancellation(ct).ConfigureAwait(false))
            {
                bytes += StoredResult.BytesOf(slice, encoder.ColumnIndexes);
                encoder.WriteJsonRows(slice, pipe, ref first);
                if (pipe.UnflushedBytes >= FlushBytes)
                {
                    await pipe.FlushAsync(ct).ConfigureAwait(false);
                }
            }
            json.WriteEndArray();
            var meta = execution.Result! with { RowCount = page.TotalRows };
            ExecutionJson.WriteResultMetadata(json, "metadata", execution with { Result = meta }, encoder.Columns.Select(c => c.Name).ToArray(), encoder.Columns.Select(c => c.DuneType).ToArray(), page.Count, bytes);
            json.WriteEndObject();
            if (page.Next is long n)
            {
                json.WriteNumber("next_offset", n);
                json.WriteString("next_uri", NextUri(context.Request, nextPath, n, page.SampleSeed));
            }
        }
        json.WriteEndObject();
        await json.FlushAsync(ct).ConfigureAwait(false);
        await pipe.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary><c>csv_safe=true|false</c> on the request, else the server's Strata:CsvFormulaSafe (default off,
    /// so values stay exact).</summary>
    private static bool CsvFormulaSafe(HttpContext context) =>
        bool.TryParse(context.Request.Query["csv_safe"].FirstOrDefault(), out bool asked)
            ? asked
            : context.RequestServices.GetRequiredService<IOptions<HttpSafetyOptions>>().Value.CsvFormulaSafe;

    /// <summary>Writes a CSV page: header row, then rows; next-page headers when rows remain.</summary>
    public async Task WriteCsvAsync(HttpContext context, Page page, string nextPath)
    {
        var response = context.Response;
        var ct = context.RequestAborted;
        response.ContentType = "text/csv";
        if (page.Next is long n)
        {
            response.Headers["x-dune-next-offset"] = n.ToString(CultureInfo.InvariantCulture);
            response.Headers["x-dune-next-uri"] = NextUri(context.Request, nextPath, n, page.SampleSeed);
        }
        bool formulaSafe = CsvFormulaSafe(context);
        var pipe = response.BodyWriter;
        page.Encoder.WriteCsvHeader(pipe, formulaSafe);
        await foreach (var slice in page.Slices.WithCancellation(ct).ConfigureAwait(false))
        {
            page.Encoder.WriteCsvRows(slice, pipe, formulaSafe);
            if (pipe.UnflushedBytes >= FlushBytes)
            {
                await pipe.FlushAsync(ct).ConfigureAwait(false);
            }
        }
        await pipe.FlushAsync(ct).ConfigureAwait(false);
    }
}

/// <summary>The rows of one response: how to encode them, where they come from, and the paging figures.</summary>
public sealed record Page(RowEncoder Encoder, IAsyncEnumerable<ResultSlice> Slices, long Count, long? Next, long TotalRows, PageSink? Owned, long? SampleSeed = null) : IDisposable
{
    public void Dispose() => Owned?.Dispose();
}
