using System.Globalization;
using Strata.Core.Ingest;
using Strata.Core.Results.Querying;
using Strata.Core.Uploads;

namespace Strata.Engine.DuckDb;

/// <summary>Chain history (<see cref="IChainHistory"/>): stored block hashes, and parts cut at a block for a reorg.</summary>
public sealed partial class DuckDbTableLoader : IChainHistory
{
    public Task<IReadOnlyDictionary<long, string>> BlockHashesAsync(IReadOnlyList<string> blockFiles, long from, long to, CancellationToken cancellationToken) =>
        Run(() => BlockHashes(blockFiles, from, to), cancellationToken);

    public Task<long?> MaxBlockAsync(string file, string blockColumn, CancellationToken cancellationToken) =>
        Run(() => ScalarLong($"SELECT max({SqlQuoting.QuoteIdentifier(blockColumn)}) FROM read_parquet({SqlQuoting.QuoteString(file)})"), cancellationToken);

    public async Task<long> CountUpToAsync(string file, string blockColumn, long last, CancellationToken cancellationToken) =>
        await Run(() => ScalarLong($"SELECT count(*) FROM read_parquet({SqlQuoting.QuoteString(file)}) WHERE {SqlQuoting.QuoteIdentifier(blockColumn)} <= {last.ToString(CultureInfo.InvariantCulture)}"), cancellationToken).ConfigureAwait(false) ?? 0;

    public Task<long> KeepUpToAsync(string sourceFile, IReadOnlyList<UploadColumn> columns, string blockColumn, long last, string targetFile, CancellationToken cancellationToken)
    {
        string names = string.Join(", ", columns.Select(c => SqlQuoting.QuoteIdentifier(c.Name)));
        string select = $"SELECT {names} FROM read_parquet({SqlQuoting.QuoteString(sourceFile)}) WHERE {SqlQuoting.QuoteIdentifier(blockColumn)} <= {last.ToString(CultureInfo.InvariantCulture)}";
        return Run(() => WritePart(select, targetFile, cancellationToken), cancellationToken);
    }

    private IReadOnlyDictionary<long, string> BlockHashes(IReadOnlyList<string> files, long from, long to)
    {
        var hashes = new Dictionary<long, string>();
        if (files.Count == 0)
        {
            return hashes;
        }
        using var connection = Connect();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT number, '0x' || lower(hex(hash)) FROM read_parquet([{string.Join(", ", files.Select(SqlQuoting.QuoteString))}]) " +
            $"WHERE number BETWEEN {from.ToString(CultureInfo.InvariantCulture)} AND {to.ToString(CultureInfo.InvariantCulture)}";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            hashes[reader.GetInt64(0)] = reader.GetString(1);
        }
        return hashes;
    }

    private long? ScalarLong(string sql)
    {
        using var connection = Connect();
        return DuckDbCommands.Scalar(connection, sql) is { } value and not DBNull ? System.Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;
    }

    private DuckDB.NET.Data.DuckDBConnection Connect()
    {
        var connection = root.Duplicate();
        connection.Open();
        return connection;
    }
}
