using Strata.Application.Configuration;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Strata.Core.Engine;
using Strata.Core.Queries;
using Strata.Core.Storage;
using Strata.Core.Uploads;
using Strata.Server.Auth;
using Strata.Server.Configuration;
using Strata.Server.Uploads;
using static Strata.Server.Apis.RequestFields;

namespace Strata.Server.Apis;

/// <summary>Uploaded tables (contract section 5) and the legacy <c>/api/v1/table</c> aliases; see docs/uploads.md.</summary>
public static class UploadsApi
{
    public static IEndpointRouteBuilder MapUploadsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireApiKey();
        api.MapPost("/uploads", Create);
        api.MapPost("/table/create", Create);
        api.MapPost("/uploads/csv", UploadCsv);
        api.MapPost("/table/upload/csv", UploadCsv);
        api.MapGet("/uploads", List);
        foreach (string prefix in new[] { "/uploads", "/table" })
        {
            api.MapPost(prefix + "/{ns}/{table}/insert", Insert);
            api.MapPost(prefix + "/{ns}/{table}/clear", Clear);
            api.MapDelete(prefix + "/{ns}/{table}", Delete);
        }
        api.MapGet("/usage", Usage);
        api.MapPost("/usage", Usage);
        return app;
    }

    private static IResult Forbidden(string message) => ApiErrors.Error(StatusCodes.Status403Forbidden, message);

    /// <summary>403 unless the namespace is the caller's own handle (and not a demo schema).</summary>
    private static IResult? CheckNamespace(HttpContext context, string ns)
    {
        string owner = context.Owner();
        if (!string.Equals(ns, owner, StringComparison.Ordinal))
        {
            return Forbidden($"Not allowed to write to namespace '{ns}': a key may write only to its own namespace '{owner}'.");
        }
        if (context.RequestServices.GetRequiredService<IEngineNames>().DemoSchemas.Contains(ns))
        {
            return Forbidden($"Namespace '{ns}' is reserved for the demo data.");
        }
        return null;
    }

    private static string? CheckTableName(string? name, string field = "table_name") =>
        string.IsNullOrEmpty(name) ? $"{field} is required"
        : !UploadNames.IsValid(name) ? $"{field} must be 1-128 letters, digits or _, not starting with a digit; got '{Shorten(name)}'"
        : null;

    private static async Task<IResult> Create(HttpContext context, UploadService uploads)
    {
        var (body, error) = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        if (error is not null)
        {
            return ApiErrors.BadRequest(error);
        }
        if (BindCreate(context, body, uploads, out var t) is { } refused)
        {
            return refused;
        }
        try
        {
            var (table, existed) = await uploads.CreateAsync(context.Owner(), t!.Namespace, t.Name, t.Columns, t.Description, t.IsPrivate, context.RequestAborted).ConfigureAwait(false);
            return new JsonWriterResult(w =>
            {
                w.WriteStartObject();
                w.WriteString("namespace", table.Namespace);
                w.WriteString("table_name", table.Name);
                w.WriteString("full_name", table.FullName);
                w.WriteString("example_query", ExampleQuery(context, table));
                w.WriteBoolean("already_existed", existed);
                w.WriteEndObject();
            });
        }
        catch (Exception e) when (e is ParameterException or UploadRejectedException)
        {
            return ApiErrors.BadRequest(e.Message);
        }
        catch (TableConflictException e)
        {
            return ApiErrors.Error(StatusCodes.Status409Conflict, e.Message);
        }
        catch (Exception e) when (DiskFullException.Is(e))
        {
            return DiskFull();
        }
    }

    /// <summary>A table create request, bound and checked.</summary>
    internal sealed record TableRequest(string Namespace, string Name, List<UploadColumn> Columns, string Description, bool IsPrivate);

    /// <summary>The create body as a table request, or the answer that refuses it (also fuzzed directly: benchmarks/reliability).</summary>
    internal static IResult? BindCreate(HttpContext context, JsonElement body, UploadService uploads, out TableRequest? request)
    {
        request = null;
        try
        {
            if (!TryString(body, "namespace", out string? ns, out string? error) || string.IsNullOrEmpty(ns))
            {
                return ApiErrors.BadRequest(error ?? "namespace is required");
            }
            if (!TryString(body, "table_name", out string? name, out error) || (error = CheckTableName(name)) is not null)
            {
                return ApiErrors.BadRequest(error!);
            }
            if (CheckNamespace(context, ns) is { } forbidden)
            {
                return forbidden;
            }
            var columns = UploadSchemaParsing.ParseSchema(body, uploads);
            request = new TableRequest(ns, name!.ToLowerInvariant(), columns, OptionalString(body, "description") ?? "", OptionalBool(body, "is_private") ?? false);
            return null;
        }
        catch (Exception e) when (e is ParameterException or UploadRejectedException)
        {
            return ApiErrors.BadRequest(e.Message);
        }
    }

    private static async Task<IResult> UploadCsv(HttpContext context, UploadService uploads)
    {
        var (body, error) = await RequestBody.ReadObjectAsync(context).ConfigureAwait(false);
        if (error is not null)
        {
            return ApiErrors.BadRequest(error);
        }
        if (BindCsvUpload(context, body, out var c) is { } refused)
        {
            return refused;
        }
        try
        {
            var (table, rows) = await uploads.UploadCsvAsync(c!.Namespace, c.Name, c.Data, c.Description, c.IsPrivate, context.RequestAborted).ConfigureAwait(false);
            return new JsonWriterResult(w =>
            {
                w.WriteStartObject();
                w.WriteBoolean("success", true);
                w.WriteString("namespace", table.Namespace);
                w.WriteString("table_name", table.Name);
                w.WriteString("full_name", table.FullName);
                w.WriteString("example_query", ExampleQuery(context, table));
                w.WriteNumber("rows_written", rows);
                w.WriteEndObject();
            });
        }
        catch (Exception e) when (e is ParameterException or UploadRejectedException)
        {
            return ApiErrors.BadRequest(e.Message);
        }
        catch (Exception e) when (DiskFullException.Is(e))
        {
            return DiskFull();
        }
    }


    /// <summary>A CSV upload request (<c>/uploads/csv</c>), bound and checked.</summary>
    internal sealed record CsvUploadRequest(string Namespace, string Name, string Data, string Description, bool IsPrivate);

    /// <summary>The CSV upload body as a request, or the answer that refuses it (also fuzzed directly).</summary>
    internal static IResult? BindCsvUpload(HttpContext context, JsonElement body, out CsvUploadRequest? request)
    {
        request = null;
        try
        {
            if (!TryString(body, "table_name", out string? name, out string? error) || (error = CheckTableName(name)) is not null)
            {
                return ApiErrors.BadRequest(error!);
            }
            string tableName = UploadNames.DatasetPrefix + name!.ToLowerInvariant();
            if (CheckTableName(tableName) is not null)
            {
                return ApiErrors.BadRequest($"table_name is too long: with the '{UploadNames.DatasetPrefix}' prefix it must stay within {UploadNames.MaxLength} characters");
            }
            if (!TryString(body, "data", out string? data, out error) || string.IsNullOrWhiteSpace(data))
            {
                return ApiErrors.BadRequest(error ?? "data is required: CSV text with a header row");
            }
            string owner = context.Owner();
            if (CheckNamespace(context, owner) is { } forbidden)
            {
                return forbidden;
            }
            request = new CsvUploadRequest(owner, tableName, data, OptionalString(body, "description") ?? "", OptionalBool(body, "is_private") ?? false);
            return null;
        }
        catch (ParameterException e)
        {
            return ApiErrors.BadRequest(e.Message);
        }
    }

    /// <summary>507 Insufficient Storage: the disk is full; what was being written was not kept.</summary>
    private static IResult DiskFull() =>
        ApiErrors.Error(StatusCodes.Status507InsufficientStorage, "disk full: the server has no space left to store this upload; the table is unchanged");

    private static async Task<IResult> Insert(HttpContext context, string ns, string table, UploadService uploads)
    {
        if (CheckNamespace(context, ns) is { } forbidden)
        {
            return forbidden;
        }
        if (CheckTableName(table, "table") is { } bad)
        {
            return ApiErrors.BadRequest(bad);
        }
        try
        {
            var outcome = await uploads.InsertAsync(ns, table.ToLowerInvariant(), context.Request.Body, context.Request.ContentType, context.RequestAborted).ConfigureAwait(false);
            return new JsonWriterResult(w =>
            {
                w.WriteStartObject();
                w.WriteNumber("rows_written", outcome.RowsWritten);
                w.WriteNumber("bytes_written", outcome.BytesWritten);
                w.WriteString("name", outcome.Name);
                w.WriteEndObject();
            });
        }
        catch (UploadRejectedException e)
        {
            return ApiErrors.BadRequest(e.Message);
        }
        catch (TableNotFoundException e)
        {
            return ApiErrors.NotFound(e.Message);
        }
        catch (Exception e) when (DiskFullException.Is(e))
        {
            return DiskFull();
        }
    }

    private static Task<IResult> Clear(HttpContext context, string ns, string table, UploadService uploads) =>
        Change(context, ns, table, uploads.ClearAsync, "cleared");

    private static Task<IResult> Delete(HttpContext context, string ns, string table, UploadService uploads) =>
        Change(context, ns, table, uploads.DeleteAsync, "deleted");

    private static async Task<IResult> Change(HttpContext context, string ns, string table, Func<string, string, CancellationToken, Task<string>> change, string done)
    {
        if (CheckNamespace(context, ns) is { } forbidden)
        {
            return forbidden;
        }
        if (CheckTableName(table, "table") is { } bad)
        {
            return ApiErrors.BadRequest(bad);
        }
        try
        {
            string fullName = await change(ns, table.ToLowerInvariant(), context.RequestAborted).ConfigureAwait(false);
            return new JsonWriterResult(w =>
            {
                w.WriteStartObject();
                w.WriteString("message", $"Table {fullName} {done}");
                w.WriteEndObject();
            });
        }
        catch (TableNotFoundException e)
        {
            return ApiErrors.NotFound(e.Message);
        }
    }

    private static async Task<IResult> List(HttpContext context, IMetadataStore store)
    {
        if (!TryInt(context.Request.Query, "limit", 20, 1, 10_000, out int limit, out string error)
            || !TryInt(context.Request.Query, "offset", 0, 0, int.MaxValue, out int offset, out error))
        {
            return ApiErrors.BadRequest(error);
        }
        var (tables, total) = await store.ListTablesAsync(context.Owner(), limit, offset, context.RequestAborted).ConfigureAwait(false);
        return new JsonWriterResult(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("tables");
            foreach (var t in tables)
            {
                w.WriteStartObject();
                w.WriteString("full_name", t.FullName);
                w.WriteString("namespace", t.Namespace);
                w.WriteString("table_name", t.Name);
                w.WriteBoolean("is_private", t.IsPrivate);
                w.WriteString("description", t.Description);
                w.WriteStartObject("owner");
                w.WriteString("handle", t.Owner);
                w.WriteString("type", "user");
                w.WriteEndObject();
                w.WriteStartArray("columns");
                foreach (var c in t.Columns)
                {
                    w.WriteStartObject();
                    w.WriteString("name", c.Name);
                    w.WriteString("type", c.Type.ToString());
                    w.WriteBoolean("nullable", c.Nullable);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                w.WriteNumber("row_count", t.RowCount);
                w.WriteString("table_size_bytes", t.Bytes.ToString(CultureInfo.InvariantCulture));
                w.WriteString("created_at", ExecutionJson.Timestamp(t.CreatedAt));
                w.WriteString("updated_at", ExecutionJson.Timestamp(t.UpdatedAt));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            if (offset + tables.Count < total)
            {
                w.WriteNumber("next_offset", offset + tables.Count);
            }
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> Usage(HttpContext context, IMetadataStore store, StorageUsage storage, TimeProvider time, IOptions<StrataOptions> options)
    {
        var now = time.GetUtcNow();
        var start = new DateTimeOffset(now.Year, now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var end = start.AddMonths(1).AddDays(-1);
        var usage = await store.UsageAsync(context.Owner(), start, now, context.RequestAborted).ConfigureAwait(false);
        var stored = await storage.MeasureAsync(context.Owner(), context.RequestAborted).ConfigureAwait(false);
        return new JsonWriterResult(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("billing_periods");
            w.WriteStartObject();
            w.WriteString("start_date", start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("end_date", end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteNumber("credits_used", usage.Executions);
            w.WriteNumber("credits_included", options.Value.CreditsIncluded);
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteNumber("bytes_used", stored.Total);
            w.WriteNumber("bytes_allowed", options.Value.StorageBytesAllowed);
            w.WriteNumber("private_queries", usage.PrivateQueries);
            w.WriteNumber("private_dashboards", 0);
            w.WriteEndObject();
        });
    }

    /// <summary>A query that runs as it is: a table named like a reserved word is quoted.</summary>
    private static string ExampleQuery(HttpContext context, UploadTable table)
    {
        var reserved = context.RequestServices.GetRequiredService<IEngineNames>().ReservedWords;
        string name = reserved.Contains(table.Name) ? $"\"{table.Name}\"" : table.Name;
        return $"SELECT * FROM dune.{table.Namespace}.{name} LIMIT 10";
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : text[..64] + "...";
}
