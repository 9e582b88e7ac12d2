using System.Text.Json;
using Strata.Core.Queries;

namespace Strata.Server.Apis;

/// <summary>The saved-query object as the wire contract shows it.</summary>
internal static class QueryJson
{
    internal static void WriteTags(Utf8JsonWriter w, IReadOnlyList<string> tags)
    {
        w.WriteStartArray("tags");
        foreach (var tag in tags)
        {
            w.WriteStringValue(tag);
        }
        w.WriteEndArray();
    }

    internal static void WriteQuery(Utf8JsonWriter w, SavedQuery q)
    {
        w.WriteStartObject();
        w.WriteNumber("query_id", q.Id);
        w.WriteString("name", q.Name);
        w.WriteString("description", q.Description);
        WriteTags(w, q.Tags);
        w.WriteNumber("version", q.Version);
        w.WriteStartArray("parameters");
        foreach (var p in q.Parameters)
        {
            w.WriteStartObject();
            w.WriteString("key", p.Key);
            w.WriteString("type", p.Type);
            w.WriteString("value", p.Value);
            if (p.Description is not null)
            {
                w.WriteString("description", p.Description);
            }
            if (p.EnumOptions is not null)
            {
                w.WriteStartArray("enumOptions");
                foreach (var o in p.EnumOptions)
                {
                    w.WriteStringValue(o);
                }
                w.WriteEndArray();
            }
            w.WriteBoolean("isMultiselect", p.IsMultiselect);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("query_engine", q.Dialect.ToWire());
        w.WriteString("query_sql", q.Sql);
        w.WriteBoolean("is_private", q.IsPrivate);
        w.WriteBoolean("is_archived", q.IsArchived);
        w.WriteBoolean("is_unsaved", false);
        w.WriteString("owner", q.Owner);
        w.WriteEndObject();
    }
}
