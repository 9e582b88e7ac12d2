using System.Globalization;
using System.Text;
using System.Text.Json;
using DuckDB.NET.Data;
using Strata.Core.Ingest;
using Strata.Core.Results.Querying;
using Strata.Core.Uploads;
using Strata.Storage.Files;

namespace Strata.Engine.DuckDb;

/// <summary>
/// Chain table parts (<see cref="IChainParts"/>): a part's rows are appended as they arrive to an in-memory staging table
/// of plain types (<see cref="DuckDbChainPartWriter"/>), and one DuckDB statement converts them (hex to bytes, seconds to
/// timestamps) and copies them into the Parquet part (temporary name, rename), made durable by <see cref="SyncAsync"/>: the
/// file's and its directory's fsync at once, instead of the file's, then the rename, then the directory's.
/// </summary>
public sealed partial class DuckDbTableLoader : IChainParts
{
    public IChainPartWriter Begin(IReadOnlyList<UploadColumn> columns)
    {
        var connection = root.Duplicate();
        try
        {
            connection.Open();
            return new DuckDbChainPartWriter(connection, columns);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public Task SyncAsync(IReadOnlyList<string> partFiles, CancellationToken cancellationToken)
    {
        // A file's data and its directory's entry are independent syncs: all of them are issued at once, so that the
        // file system can fold them into as few journal commits as it can; the caller lists the parts only after all returned.
        var targets = partFiles.Select(f => (Path: f, Directory: false))
            .Concat(partFiles.Select(f => Path.GetDirectoryName(Path.GetFullPath(f))!).Distinct(StringComparer.Ordinal).Select(d => (Path: d, Directory: true)))
            .ToList();
        return Task.WhenAll(targets.Select(t => Task.Factory.StartNew(() =>
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (t.Directory)
            {
                DurableFiles.SyncDirectory(t.Path);
            }
            else
            {
                DurableFiles.SyncFile(t.Path);
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default)));
    }

    /// <summary>The staging tables of parts begun and not yet disposed (tests: an unfinished part leaves none behind).</summary>
    internal long StagingTables() =>
        System.Convert.ToInt64(DuckDbCommands.Scalar(root, "SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'chain_stage_%'"), CultureInfo.InvariantCulture);

    public Task<(long Number, string Hash)?> LastBlockAsync(IReadOnlyList<string> blockFiles, CancellationToken cancellationToken) =>
        Run(() => LastBlock(blockFiles), cancellationToken);

    private (long Number, string Hash)? LastBlock(IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            return null;
        }
        using var connection = root.Duplicate();
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT number, '0x' || lower(hex(hash)) FROM read_parquet([{string.Join(", ", files.Select(SqlQuoting.QuoteString))}]) ORDER BY number DESC LIMIT 1";
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : null;
    }

    /// <summary>The select that converts a staging table's rows (columns <c>c0</c>, <c>c1</c>, ...) to the stored columns.</summary>
    internal static string ChainSelect(IReadOnlyList<UploadColumn> columns, string stagingTable)
    {
        var select = new StringBuilder();
        for (int i = 0; i < columns.Count; i++)
        {
            select.Append(i == 0 ? "" : ", ").Append(FromStaged(columns[i].Type, ColumnKey(i))).Append(" AS ").Append(SqlQuoting.QuoteIdentifier(columns[i].Name));
        }
        return $"SELECT {select} FROM {SqlQuoting.QuoteIdentifier(stagingTable)}";
    }

    internal static string ColumnKey(int i) => "c" + i.ToString(CultureInfo.InvariantCulture);

    /// <summary>How a value is staged: bytes (decoded by the writer), hex strings in arrays, decimal digits, numbers, seconds since the epoch, day numbers, arrays; an access list as JSON text.</summary>
    internal static string StagedType(UploadTypeKind kind) => kind switch
    {
        UploadTypeKind.Bigint or UploadTypeKind.Integer or UploadTypeKind.TimestampTz or UploadTypeKind.Date => "BIGINT",
        UploadTypeKind.Boolean => "BOOLEAN",
        UploadTypeKind.BigintArray => "BIGINT[]",
        UploadTypeKind.Varbinary => "BLOB",
        UploadTypeKind.VarbinaryArray => "VARCHAR[]",
        _ => "VARCHAR",
    };

    /// <summary>The stored value of a staged one: hex "0x..." in arrays to bytes, seconds to a timestamp, a day number to a date.</summary>
    private static string FromStaged(UploadColumnType type, string key) => type.Kind switch
    {
        UploadTypeKind.Varbinary => key,
        UploadTypeKind.TimestampTz => $"to_timestamp({key})",
        UploadTypeKind.Date => $"CAST(DATE '1970-01-01' + CAST({key} AS INTEGER) AS DATE)",
        UploadTypeKind.VarbinaryArray => $"list_transform({key}, v -> unhex(substr(v, 3)))",
        UploadTypeKind.AccessList =>
            $"CAST(list_transform(from_json({key}, '[{{\"address\":\"VARCHAR\",\"storageKeys\":[\"VARCHAR\"]}}]'), e -> {{'address': unhex(substr(e.address, 3)), 'storageKeys': list_transform(e.storageKeys, k -> unhex(substr(k, 3)))}}) AS {StoredType(type)})",
        _ => $"CAST({key} AS {StoredType(type)})",
    };
}
