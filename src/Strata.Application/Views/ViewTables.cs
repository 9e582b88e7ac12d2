using Strata.Application.Uploads;
using Strata.Core.Executions;
using Strata.Core.Results;
using Strata.Core.Storage;
using Strata.Core.Uploads;
using Strata.Core.Views;

namespace Strata.Application.Views;

/// <summary>
/// A materialized view's table: the refresh's result as one Parquet part (its Parquet copy rewritten into the
/// uploads directory by the loader: temporary name, fsync, rename), committed by
/// <see cref="UploadService.ReplaceWithPartAsync"/> as a whole-table replace under the table and storage quotas.
/// </summary>
public sealed class ViewTables(UploadService uploads, ITableStore store, IResultStore results, ITableLoader loader, TimeProvider time) : IViewTables
{
    public async Task<long> ReplaceAsync(MaterializedView view, string executionId, CancellationToken cancellationToken)
    {
        var stored = results.Open(executionId) ?? throw new ViewTableException($"the result of the refresh execution {ResultKeys.ExecutionOf(executionId)} is gone (expired or deleted)");
        IReadOnlyList<UploadColumn> columns;
        using (stored)
        {
            columns = stored.Schema.Columns.Select(c => new UploadColumn(c.Name, ColumnType(c), true)).ToList();
        }
        var duplicate = columns.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ViewTableException($"the view's query returns the column '{duplicate.Key}' twice; a table needs distinct column names");
        }
        if (columns.Any(c => !UploadNames.IsValid(c.Name)))
        {
            var bad = columns.First(c => !UploadNames.IsValid(c.Name));
            throw new ViewTableException($"the view's query returns a column named '{bad.Name}'; a table's columns are letters, digits and _ (alias it)");
        }
        var now = time.GetUtcNow();
        var old = await store.GetTableAsync(view.Owner, view.Name, cancellationToken).ConfigureAwait(false);
        var table = new UploadTable(ExecutionIds.New(now), view.Owner, view.Owner, view.Name, $"Materialized view of query {view.QueryId}",
            view.IsPrivate, columns, old?.CreatedAt ?? now, now);
        try
        {
            string parquet = await results.EnsureParquetAsync(executionId, cancellationToken).ConfigureAwait(false);
            return await uploads.ReplaceWithPartAsync(table, (path, token) => loader.WriteResultAsync(parquet, columns, path, token), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is UploadRejectedException or DiskFullException or UseCaseException)
        {
            throw new ViewTableException(e.Message, e);
        }
    }

    public async Task DropAsync(string owner, string name, CancellationToken cancellationToken)
    {
        try
        {
            await uploads.DeleteViewTableAsync(owner, name, cancellationToken).ConfigureAwait(false);
        }
        catch (UseCaseException e) when (e.Error == UseCaseError.NotFound)
        {
            // Never refreshed: there is no table to drop.
        }
    }

    public async Task SetPrivateAsync(string owner, string name, bool isPrivate, CancellationToken cancellationToken)
    {
        if (await store.GetTableAsync(owner, name, cancellationToken).ConfigureAwait(false) is { } table && table.IsPrivate != isPrivate)
        {
            await store.SetTablePrivateAsync(table.Id, isPrivate, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task<IReadOnlyList<(string Owner, string Name)>> PublicViewTablesAsync(CancellationToken cancellationToken) =>
        // No handle is empty: the tables visible to "" are the public ones.
        (await store.ListVisibleTablesAsync("", cancellationToken).ConfigureAwait(false))
            .Where(t => !t.IsPrivate && t.Name.StartsWith("result_", StringComparison.Ordinal))
            .Select(t => (t.Owner, t.Name))
            .ToList();

    public async Task<(long Bytes, long Rows)?> SizeAsync(string owner, string name, CancellationToken cancellationToken) =>
        await store.GetTableAsync(owner, name, cancellationToken).ConfigureAwait(false) is { } table ? (table.Bytes, table.RowCount) : null;

    public async Task<bool> ExistsAsync(string owner, string name, CancellationToken cancellationToken) =>
        await store.GetTableAsync(owner, name, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>
    /// The declared type of a result column, as its query reports it. The result file keeps some values as text
    /// (decimals, 64-bit unsigned and 256-bit integers, arrays, maps and rows as JSON); the loader turns each column
    /// back into its declared type when it writes the table's part, so a decimal stays <c>decimal(p,s)</c> and an
    /// <c>array(bigint)</c> an array, not varchar. Nested types whose JSON text does not give their values back exactly
    /// (<see cref="NestedType"/>: decimals or 256-bit integers inside, unnamed rows) and json stay varchar holding that JSON.
    /// </summary>
    internal static UploadColumnType ColumnType(ResultColumn column) => column.Kind switch
    {
        ColumnKind.Int64 when column.DuneType is "integer" or "smallint" or "tinyint" => new UploadColumnType(UploadTypeKind.Integer),
        ColumnKind.Int64 => new UploadColumnType(UploadTypeKind.Bigint),
        ColumnKind.UInt64 => new UploadColumnType(UploadTypeKind.Uint256),
        ColumnKind.Double or ColumnKind.Float => new UploadColumnType(UploadTypeKind.Double),
        ColumnKind.Boolean => new UploadColumnType(UploadTypeKind.Boolean),
        ColumnKind.Binary => new UploadColumnType(UploadTypeKind.Varbinary),
        ColumnKind.Timestamp => new UploadColumnType(UploadTypeKind.Timestamp),
        ColumnKind.TimestampNanos => new UploadColumnType(UploadTypeKind.TimestampNanos),
        ColumnKind.Date => new UploadColumnType(UploadTypeKind.Date),
        ColumnKind.ExactNumber when column.DuneType == "uint256" => new UploadColumnType(UploadTypeKind.Uint256),
        ColumnKind.ExactNumber when column.DuneType == "int256" => new UploadColumnType(UploadTypeKind.Int256),
        ColumnKind.Number or ColumnKind.ExactNumber when UploadColumnType.Parse(column.DuneType) is { Kind: UploadTypeKind.Decimal } exact => exact,
        ColumnKind.Json when UploadColumnType.NestedOf(column.DuneType) is { } nested => nested,
        _ => UploadColumnType.Varchar,
    };
}
