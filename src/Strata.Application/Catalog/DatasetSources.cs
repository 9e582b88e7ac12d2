using Strata.Core.Engine;
using Strata.Core.Storage;
using Strata.Core.Uploads;

namespace Strata.Application.Catalog;

/// <summary>
/// The engine's chain tables, which every caller may query: Dune's own (<c>dune_table</c>, owned by the
/// team <c>dune</c>), and the decoded event tables of <c>erc20_*</c> schemas (<c>decoded_table</c>).
/// </summary>
public sealed class ChainDatasets(IChainTables chain) : IDatasetSource
{
    public const string DuneHandle = "dune";
    private const string DecodedPrefix = "erc20_";

    public Task<IReadOnlyList<Dataset>> VisibleAsync(string caller, CancellationToken cancellationToken)
    {
        IReadOnlyList<Dataset> datasets = chain.Tables.Select(ToDataset).ToList();
        return Task.FromResult(datasets);
    }

    private static Dataset ToDataset(EngineTable table)
    {
        bool decoded = table.Schema.StartsWith(DecodedPrefix, StringComparison.OrdinalIgnoreCase);
        var metadata = new List<KeyValuePair<string, object>> { new("schema", table.Schema), new("table_name", table.Name) };
        if (decoded)
        {
            metadata.Add(new("namespace", "erc20"));
            metadata.Add(new("blockchain", table.Schema[DecodedPrefix.Length..]));
        }
        return new Dataset(
            $"{table.Schema}.{table.Name}",
            decoded ? DatasetTypes.DecodedTable : DatasetTypes.DuneTable,
            new DatasetOwner(DuneHandle, "team"),
            false,
            table.Columns.Select(c => new DatasetColumn(c.Name, c.Type, c.Nullable)).ToList(),
            metadata,
            table.CreatedAt,
            table.UpdatedAt);
    }
}

/// <summary>The uploaded tables the caller may query: its own and every public one (<c>uploaded_table</c>).</summary>
public sealed class UploadedDatasets(ITableStore tables) : IDatasetSource
{
    public async Task<IReadOnlyList<Dataset>> VisibleAsync(string caller, CancellationToken cancellationToken)
    {
        var visible = await tables.ListVisibleTablesAsync(caller, cancellationToken).ConfigureAwait(false);
        return visible.Select(ToDataset).ToList();
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
