using System.Globalization;
using System.Text.Json;
using Strata.Application.Uploads;
using Strata.Core.Uploads;
using Strata.Server.Auth;
using static Strata.Server.Apis.RequestFields;

namespace Strata.Server.Apis;

/// <summary>
/// Uploaded tables (contract section 5) and the legacy <c>/api/v1/table</c> aliases; see docs/uploads.md.
/// Each handler binds the request, calls one <see cref="UploadService"/> or <see cref="StorageUsage"/> use case
/// and writes its outcome; refusals are <c>UseCaseException</c>s, mapped in <see cref="ApiErrors"/>.
/// </summary>
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
        // The Go client's deprecated ListTables reads GET /api/v1/tables.
        api.MapGet("/tables", List);
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

    private static async Task<IResult> Create(HttpContext context, UploadService uploads)
    {
        var request = await BindCreateAsync(context).ConfigureAwait(false);
        var (table, existed) = await uploads.CreateAsync(request, context.RequestAborted).ConfigureAwait(false);
        return new JsonWriterResult(w =>
        {
            w.WriteStartObject();
            WriteNames(w, table, uploads);
            w.WriteBoolean("already_existed", existed);
            // Dune's TableCreateResponse has a message; the Python client's CreateTableResult requires it.
            w.WriteString("message", existed ? $"Table {table.FullName} already exists" : $"Table {table.FullName} created");
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> UploadCsv(HttpContext context, UploadService uploads)
    {
        var request = await BindCsvUploadAsync(context).ConfigureAwait(false);
        using var spool = request.Data;
        var (table, rows) = await uploads.UploadCsvAsync(request, context.RequestAborted).ConfigureAwait(false);
        return new JsonWriterResult(w =>
        {
            w.WriteStartObject();
            w.WriteBoolean("success", true);
            WriteNames(w, table, uploads);
            w.WriteNumber("rows_written", rows);
            w.WriteEndObject();
        });
    }

    /// <summary>The create body as a request; a field of the wrong type throws (also fuzzed directly: benchmarks/reliability).</summary>
    internal static async Task<CreateTableRequest> BindCreateAsync(HttpContext context)
    {
        var body = await RequestBody.BindAsync(context, UploadJsonContext.Default.CreateTableBody, CreateTableBody.Expected).ConfigureAwait(false);
        return new CreateTableRequest(context.Owner(), body.Namespace, body.TableName,
            body.Schema?.Select(c => c is null ? null : new ColumnDraft(c.Name, c.Type, c.Nullable)).ToList(), TextOf(body.Description), body.IsPrivate);
    }

    /// <summary>
    /// The <c>/uploads/csv</c> body as a request, its CSV spooled as it arrives (<see cref="CsvUploadBodyReader"/>;
    /// the caller disposes <see cref="CsvUploadRequest.Data"/>); a field of the wrong type throws (also fuzzed directly).
    /// </summary>
    internal static async Task<CsvUploadRequest> BindCsvUploadAsync(HttpContext context)
    {
        var services = context.RequestServices;
        long maxRest = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Configuration.HttpSafetyOptions>>().Value.MaxJsonBodyBytes;
        var (rest, data) = await CsvUploadBodyReader.ReadAsync(
            context.Request.Body, services.GetRequiredService<IPartFiles>(), maxRest, context.RequestAborted).ConfigureAwait(false);
        try
        {
            var body = RequestBody.Bind(rest, UploadJsonContext.Default.CsvUploadBody, (field, _) => CsvUploadBody.Expected(field));
            return new CsvUploadRequest(context.Owner(), body.TableName, data, TextOf(body.Description), body.IsPrivate);
        }
        catch
        {
            data?.Dispose();
            throw;
        }
    }

    /// <summary>The table's names and a query that reads it, as create and CSV upload answer them.</summary>
    private static void WriteNames(Utf8JsonWriter w, UploadTable table, UploadService uploads)
    {
        w.WriteString("namespace", table.Namespace);
        w.WriteString("table_name", table.Name);
        w.WriteString("full_name", table.FullName);
        w.WriteString("example_query", uploads.ExampleQuery(table));
    }

    /// <summary>A description that is not a string is no description (as it always was).</summary>
    private static string? TextOf(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static async Task<IResult> Insert(HttpContext context, string ns, string table, UploadService uploads)
    {
        var request = new InsertRequest(context.Owner(), ns, table, context.Request.Body, context.Request.ContentType);
        var outcome = await uploads.InsertAsync(request, context.RequestAborted).ConfigureAwait(false);
        return new JsonWriterResult(w =>
        {
            w.WriteStartObject();
            w.WriteNumber("rows_written", outcome.RowsWritten);
            w.WriteNumber("bytes_written", outcome.BytesWritten);
            w.WriteString("name", outcome.Name);
            w.WriteEndObject();
        });
    }

    private static async Task<IResult> Clear(HttpContext context, string ns, string table, UploadService uploads) =>
        Changed(await uploads.ClearAsync(context.Owner(), ns, table, context.RequestAborted).ConfigureAwait(false), "cleared");

    private static async Task<IResult> Delete(HttpContext context, string ns, string table, UploadService uploads) =>
        Changed(await uploads.DeleteAsync(context.Owner(), ns, table, context.RequestAborted).ConfigureAwait(false), "deleted");

    private static JsonWriterResult Changed(string fullName, string done) => new(w =>
    {
        w.WriteStartObject();
        w.WriteString("message", $"Table {fullName} {done}");
        w.WriteEndObject();
    });

    private static async Task<IResult> List(HttpContext context, UploadService uploads)
    {
        var page = ListPage.Of(context, 20, 10_000);
        var (tables, total) = await uploads.ListAsync(context.Owner(), page.Limit, page.Offset, context.RequestAborted).ConfigureAwait(false);
        return page.Answer("tables", tables, total, ListEnd.NextOffset, static (w, t) =>
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
        });
    }

    private static async Task<IResult> Usage(HttpContext context, StorageUsage storage)
    {
        var (startDate, endDate) = await BindUsageAsync(context).ConfigureAwait(false);
        var report = await storage.ReportAsync(context.Owner(), startDate, endDate, context.RequestAborted).ConfigureAwait(false);
        return new JsonWriterResult(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("billing_periods");
            foreach (var period in report.Periods)
            {
                w.WriteStartObject();
                w.WriteString("start_date", period.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteString("end_date", period.End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteNumber("credits_used", period.CreditsUsed);
                w.WriteNumber("credits_included", period.CreditsIncluded);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("bytes_used", report.BytesUsed);
            w.WriteNumber("bytes_allowed", report.BytesAllowed);
            w.WriteNumber("private_queries", report.PrivateQueries);
            w.WriteNumber("private_dashboards", 0);
            w.WriteEndObject();
        });
    }

    /// <summary>The timeframe: from the query string on GET, from the JSON body on POST (Dune's clients send a body).</summary>
    private static async Task<(string? Start, string? End)> BindUsageAsync(HttpContext context)
    {
        if (HttpMethods.IsGet(context.Request.Method))
        {
            return (context.Request.Query["start_date"].FirstOrDefault(), context.Request.Query["end_date"].FirstOrDefault());
        }
        var body = await RequestBody.BindAsync(context, UploadJsonContext.Default.UsageBody, UsageBody.Expected).ConfigureAwait(false);
        return (body.StartDate, body.EndDate);
    }
}
