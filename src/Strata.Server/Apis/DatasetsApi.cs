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
        return app;
    }

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
        w.WriteStartArray("columns");
        foreach (var c in d.Columns)
        {
            w.WriteStartObject();
            w.WriteString("name", c.Name);
            w.WriteString("type", c.Type);
            w.WriteBoolean("nullable", c.Nullable);
            w.WriteEndObject();
        }
        w.WriteEndArray();
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
