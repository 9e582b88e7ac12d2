using System.Text;
using System.Text.Json;

namespace Strata.Core.Queries;

/// <summary>
/// What a saved query holds in the metadata store, as the storage quota counts it: the UTF-8 bytes of its name,
/// description, tags, SQL text and parameter definitions as stored (JSON), plus <see cref="RowOverhead"/> for the
/// rest of its row. The stores sum the same figure per owner in SQL (<c>octet_length</c> of the same columns).
/// </summary>
public static class SavedQueryBytes
{
    /// <summary>Bytes counted for a query's fixed columns (id, owner, flags, version, times, dialect).</summary>
    public const int RowOverhead = 128;

    public static long Of(SavedQuery query) =>
        Encoding.UTF8.GetByteCount(query.Name) + Encoding.UTF8.GetByteCount(query.Description)
        + Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(query.Tags)) + Encoding.UTF8.GetByteCount(query.Sql)
        + Encoding.UTF8.GetByteCount(JsonSerializer.Serialize(query.Parameters)) + RowOverhead;
}
