namespace Strata.Application.Catalog;

/// <summary>Dune's dataset types (the <c>type</c> filter of <c>GET /v1/datasets</c> takes these).</summary>
public static class DatasetTypes
{
    public const string DuneTable = "dune_table";
    public const string DecodedTable = "decoded_table";
    public const string UploadedTable = "uploaded_table";
    public const string TransformationTable = "transformation_table";
    public const string TransformationView = "transformation_view";
    public const string Spell = "spell";

    /// <summary>Every type Dune's OpenAPI names, in its order.</summary>
    public static IReadOnlyList<string> All { get; } = [TransformationView, TransformationTable, UploadedTable, DecodedTable, Spell, DuneTable];
}

/// <summary>A column of a dataset: its name, Dune's type name and whether it may hold NULL.</summary>
public sealed record DatasetColumn(string Name, string Type, bool Nullable);

/// <summary>Who owns a dataset: a handle and its kind (<c>user</c>, or <c>team</c> for Dune's own tables).</summary>
public sealed record DatasetOwner(string Handle, string Type);

/// <summary>
/// A table a caller may query, as the dataset catalog shows it. <see cref="Metadata"/> holds plain values
/// (text, integers, booleans) keyed by name, in order.
/// </summary>
public sealed record Dataset(
    string FullName,
    string Type,
    DatasetOwner Owner,
    bool IsPrivate,
    IReadOnlyList<DatasetColumn> Columns,
    IReadOnlyList<KeyValuePair<string, object>> Metadata,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

/// <summary>
/// One kind of queryable table for the catalog. A source lists exactly the datasets the caller may query
/// (another owner's private table is never in the list). Sources are registered in order; when two give
/// the same full name, the later one's dataset stands (so a source that knows more about a table, such
/// as materialized views stored as tables, refines what an earlier source listed).
/// </summary>
public interface IDatasetSource
{
    Task<IReadOnlyList<Dataset>> VisibleAsync(string caller, CancellationToken cancellationToken);
}
