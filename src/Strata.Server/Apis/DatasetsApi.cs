using System.Text.Json;
using Strata.Application.Catalog;
using Strata.Server.Auth;

namespace Strata.Server.Apis;

/// <summary>The dataset catalog: every table the caller may query (Dune's <c>/v1/datasets</c>).</summary>
public static class DatasetsApi
{
    /// <summary>Dune's paging of the list: 50 by default, at most 250.</summary>
    public const int DefaultLimit = 50;
    public const int MaxLimit = 250;

    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").RequireApiKey();
        api.MapGet("/datasets", List);
        api.MapGet("/datasets/{fullName}", Get);
        api.MapPost("/datasets/search", Search);
        api.MapPost("/datasets/search-by-contract", (Func<HttpContext, Task<IResult>>)SearchByContract);
        return app;
    }

    /// <summary>The Go client's <c>SearchDatasets</c>: free text and filters over the catalog (see <see cref="DatasetSearching"/>).</summary>
    private static async Task<IResult> Search(HttpContext context, DatasetCatalog catalog)
    {
        var body = await RequestBody.BindAsync(context, RequestJsonContext.Default.DatasetSearchBody, Expected).ConfigureAwait(false);
        var search = new DatasetSearch(
            body.Query,
            StringSet(body.Categories, "categories", DatasetCategories.All),
            StringSet(body.Blockchains, "blockchains", null),
            StringSet(body.DatasetTypes, "dataset_types", DatasetTypes.All),
            StringSet(body.Schemas, "schemas", null),
            body.IncludePrivate ?? false,
            Bounded(body.Limit, "limit", 20, 1, MaxLimit),
            Bounded(body.Offset, "offset", 0, 0, int.MaxValue));
        var (hits, total) = await catalog.SearchAsync(context.Owner(), search, context.RequestAborted).ConfigureAwait(false);
        return SearchAnswer(hits, total, search.Limit, search.Offset, body.IncludeSchema ?? false);
    }

    /// <summary>
    /// The Go client's <c>SearchDatasetsByContractAddress</c>: the decoded tables of one contract. Strata decodes
    /// no contract's own events (its decoded tables are the <c>erc20_*</c> Transfer tables of every token), so a
    /// well-formed address finds nothing; a malformed one is a 400.
    /// </summary>
    private static async Task<IResult> SearchByContract(HttpContext context)
    {
        var body = await RequestBody.BindAsync(context, RequestJsonContext.Default.ContractSearchBody, Expected).ConfigureAwait(false);
        string address = body.ContractAddress ?? throw RequestFields.Invalid("contract_address is required");
        if (!System.Text.RegularExpressions.Regex.IsMatch(address, "^0x[0-9a-fA-F]{40}$"))
        {
            throw RequestFields.Invalid($"contract_address must be 0x followed by 40 hex digits, got '{address}'");
        }
        StringSet(body.Blockchains, "blockchains", null);
        int limit = Bounded(body.Limit, "limit", 20, 1, MaxLimit);
        int offset = Bounded(body.Offset, "offset", 0, 0, int.MaxValue);
        return SearchAnswer([], 0, limit, offset, includeSchema: false);
    }

    private static JsonWriterResult SearchAnswer(IReadOnlyList<DatasetHit> hits, int total, int limit, int offset, bool includeSchema) => new(w =>
    {
        w.WriteStartObject();
        w.WriteNumber("total", total);
        w.WriteStartArray("results");
        foreach (var hit in hits)
        {
            var d = hit.Dataset;
            w.WriteStartObject();
            w.WriteString("full_name", d.FullName);
            w.WriteString("category", hit.Category);
            w.WriteString("dataset_type", d.Type);
            w.WriteStartArray("blockchains");
            foreach (var chain in hit.Blockchains)
            {
                w.WriteStringValue(chain);
            }
            w.WriteEndArray();
            w.WriteString("visibility", d.IsPrivate ? "private" : "public");
            if (d.Metadata.FirstOrDefault(m => m.Key == "description").Value is string { Length: > 0 } description)
            {
                w.WriteString("description", description);
            }
            if (includeSchema)
            {
                WriteColumns(w, "schema", d.Columns);
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartObject("pagination");
        w.WriteNumber("limit", limit);
        w.WriteNumber("offset", offset);
        bool more = offset + hits.Count < total;
        if (more)
        {
            w.WriteNumber("next_offset", offset + hits.Count);
        }
        w.WriteBoolean("has_more", more);
        w.WriteEndObject();
        w.WriteEndObject();
    });

    /// <summary>An optional list of strings (lowercased); with <paramref name="allowed"/>, each must be one of them.</summary>
    private static HashSet<string>? StringSet(List<string?>? given, string name, IReadOnlyList<string>? allowed)
    {
        if (BodyFields.Strings(given, name) is not { } list)
        {
            return null;
        }
        var set = list.Select(v => v.Trim().ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        if (allowed is not null && set.FirstOrDefault(v => !allowed.Contains(v)) is { } bad)
        {
            throw RequestFields.Invalid($"{name} must hold only {string.Join(", ", allowed)}; got '{bad}'");
        }
        return set.Count == 0 ? null : set;
    }

    /// <summary>What a search field of the wrong JSON type should have been.</summary>
    private static string Expected(string field, JsonValueKind kind) => RequestBody.TopField(field) switch
    {
        "limit" => $"limit must be an integer from 1 to {MaxLimit}",
        "offset" => $"offset must be an integer from 0 to {int.MaxValue}",
        _ => BodyFields.Expected(field, kind),
    };

    private static int Bounded(int? given, string name, int fallback, int min, int max) =>
        given is not { } value ? fallback
        : value < min || value > max ? throw RequestFields.Invalid($"{name} must be an integer from {min} to {max}")
        : value;

    private static async Task<IResult> List(HttpContext context, DatasetCatalog catalog)
    {
        var q = context.Request.Query;
        var page = ListPage.Of(context, DefaultLimit, MaxLimit);
        var filter = DatasetFilter.Parse(q["owner_handle"].FirstOrDefault(), q["type"].FirstOrDefault());
        var (list, total) = await catalog.ListAsync(context.Owner(), filter, page.Limit, page.Offset, context.RequestAborted).ConfigureAwait(false);
        return page.Answer("datasets", list, total, ListEnd.Total, Write);
    }

    private static async Task<IResult> Get(HttpContext context, string fullName, DatasetCatalog catalog)
    {
        var dataset = await catalog.GetAsync(context.Owner(), fullName, context.RequestAborted).ConfigureAwait(false);
        return new JsonWriterResult(w => Write(w, dataset));
    }

    private static void WriteColumns(Utf8JsonWriter w, string name, IReadOnlyList<DatasetColumn> columns)
    {
        w.WriteStartArray(name);
        foreach (var c in columns)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            w.WriteString("type", c.Type);
            w.WriteBoolean("nullable", c.Nullable);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    /// <summary>A dataset as Dune's <c>models.DatasetResponse</c>.</summary>
    private static void Write(Utf8JsonWriter w, Dataset d)
    {
        w.WriteStartObject();
        w.WriteString("full_name", d.FullName);
        w.WriteString("type", d.Type);
        w.WriteStartObject("owner");
        w.WriteString("handle", d.Owner.Handle);
        w.WriteString("type", d.Owner.Type);
        w.WriteEndObject();
        WriteColumns(w, "columns", d.Columns);
        w.WriteStartObject("metadata");
        foreach (var (key, value) in d.Metadata)
        {
            switch (value)
            {
                case long n:
                    w.WriteNumber(key, n);
                    break;
                case int n:
                    w.WriteNumber(key, n);
                    break;
                case bool b:
                    w.WriteBoolean(key, b);
                    break;
                default:
                    w.WriteString(key, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                    break;
            }
        }
        w.WriteEndObject();
        w.WriteBoolean("is_private", d.IsPrivate);
        w.WriteString("created_at", ExecutionJson.Timestamp(d.CreatedAt));
        w.WriteString("updated_at", ExecutionJson.Timestamp(d.UpdatedAt));
        w.WriteEndObject();
    }
}
