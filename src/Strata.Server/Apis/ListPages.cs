using System.Text.Json;

namespace Strata.Server.Apis;

/// <summary>How a list answer ends: Dune's <c>total</c> (queries, datasets, endpoints) or Strata's <c>next_offset</c> when more rows follow (uploads, views).</summary>
internal enum ListEnd
{
    Total,
    NextOffset,
}

/// <summary>
/// The one shape of the list routes: <c>limit</c> (1 to a route's maximum) and <c>offset</c> (0 or more) from the query
/// string, refused naming the parameter; the answer <c>{"&lt;name&gt;": [...], "total"|"next_offset"}</c>.
/// </summary>
internal readonly record struct ListPage(int Limit, int Offset)
{
    public static ListPage Of(HttpContext context, int defaultLimit, int maxLimit)
    {
        var q = context.Request.Query;
        return new ListPage(RequestFields.Int(q, "limit", defaultLimit, 1, maxLimit), RequestFields.Int(q, "offset", 0, 0, int.MaxValue));
    }

    public JsonWriterResult Answer<T>(string name, IReadOnlyList<T> items, long total, ListEnd end, Action<Utf8JsonWriter, T> write)
    {
        int offset = Offset;
        return new JsonWriterResult(w =>
        {
            w.WriteStartObject();
            w.WriteStartArray(name);
            foreach (var item in items)
            {
                write(w, item);
            }
            w.WriteEndArray();
            if (end == ListEnd.Total)
            {
                w.WriteNumber("total", total);
            }
            else if (offset + items.Count < total)
            {
                w.WriteNumber("next_offset", offset + items.Count);
            }
            w.WriteEndObject();
        });
    }
}
