using Strata.Core.Engine;
using Strata.Core.Ingest;
using Strata.Core.Storage;
using Strata.Core.Uploads;

namespace Strata.Application.Catalog;

/// <summary>
/// The chain tables every caller may query, as Dune lists its own: <c>&lt;chain&gt;.blocks</c> and the like are
/// <c>dune_table</c>s and the decoded event tables of <c>erc20_*</c> schemas are <c>decoded_table</c>s, all owned by
/// the team <c>dune</c>, named <c>schema.table</c>. They are the demo data's tables (<see cref="IChainTables"/>) and
/// the chains ingested from a node (tables of <see cref="ChainSchema.Owner"/> in the table store). An ingested
/// chain replaces the demo data's schemas of its name whole, as the engine does, so a demo table the engine no
/// longer shows is not listed either.
/// </summary>
public sealed class ChainDatasets(IChainTables chain, ITableStore tables) : IDatasetSource
{
    public const string DuneHandle = "dune";
    private const string DecodedPrefix = "erc20_";

    public async Task<IReadOnlyList<Dataset>> VisibleAsync(string caller, CancellationToken cancellationToken)
    {
        var ingested = (await tables.ListVisibleTablesAsync(caller, cancellationToken).ConfigureAwait(false))
            .Where(t => t.Owner == ChainSchema.Owner)
            .ToList();
        var ingestedSchemas = ingested.Select(t => t.Namespace).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return chain.Tables
            .Where(t => !ingestedSchemas.Contains(t.Schema))
            .Select(t => ToDataset(t.Schema, t.Name, t.Columns.Select(c => new DatasetColumn(c.Name, c.Type, c.Nullable)).ToList(), t.CreatedAt, t.UpdatedAt))
            .Concat(ingested.Select(t => ToDataset(t.Namespace, t.Name,
                t.Columns.Select(c => new DatasetColumn(c.Name, c.Type.QueryTypeName, c.Nullable)).ToList(), t.CreatedAt, t.UpdatedAt)))
            .ToList();
    }

    private static Dataset ToDataset(string schema, string name, IReadOnlyList<DatasetColumn> columns, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        bool decoded = schema.StartsWith(DecodedPrefix, StringComparison.OrdinalIgnoreCase);
        var metadata = new List<KeyValuePair<string, object>> { new("schema", schema), new("table_name", name) };
        if (decoded)
        {
            metadata.Add(new("namespace", "erc20"));
            metadata.Add(new("blockchain", schema[DecodedPrefix.Length..]));
        }
        return new Dataset(
            $"{schema}.{name}",
            decoded ? DatasetTypes.DecodedTable : DatasetTypes.DuneTable,
            new DatasetOwner(DuneHandle, "team"),
            false,
            columns,
            metadata,
            createdAt,
            updatedAt);
    }
}

/// <summary>The uploaded tables the caller may query: its own and every public one (<c>uploaded_table</c>); not ingested chain tables.</summary>
public sealed class UploadedDatasets(ITableStore tables) : IDatasetSource
{
    public async Task<IReadOnlyList<Dataset>> VisibleAsync(string caller, CancellationToken cancellationToken)
    {
        var visible = await tables.ListVisibleTablesAsync(caller, cancellationToken).ConfigureAwait(false);
        // Chain tables live in the table store but are listed as Dune's own (ChainDatasets).
        return visible.Where(t => t.Owner != ChainSchema.Owner).Select(ToDataset).ToList();
    }

    /// <summary>An uploaded table as a dataset; its columns carry the type names queries report.</summary>
    public static Dataset ToDataset(UploadTable table) => new(
        table.FullName,
        DatasetTypes.UploadedTable,
        new DatasetOwner(table.Owner, "user"),
        table.IsPrivate,
        table.Columns.Select(c => new DatasetColumn(c.Name, c.Type.QueryTypeName, c.Nullable)).ToList(),
        [new("description", table.Description), new("row_count", table.RowCount), new("table_size_bytes", table.Bytes)],
        table.CreatedAt,
        table.UpdatedAt);
}
