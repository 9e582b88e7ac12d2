using Strata.Core.Uploads;

namespace Strata.Core.Ingest;

/// <summary>
/// Writes and reads the Parquet parts of chain tables (a port; the DuckDB loader implements it). Rows are
/// arrays in the order of the table's columns, with values of the column's kind: bigint <c>long</c>, boolean <c>bool</c>, varchar
/// <c>string</c>, varbinary checked hex <c>"0x..."</c>, uint256 its decimal digits, timestamps <see cref="DateTimeOffset"/>, dates
/// <see cref="DateOnly"/>, arrays <c>long[]</c> / <c>string[]</c> (hex) / <see cref="AccessListEntry"/>[].
/// </summary>
public interface IChainParts
{
    /// <summary>Writes the rows to <paramref name="targetFile"/> (which must not exist) durably; returns the rows written.</summary>
    Task<long> WriteAsync(IReadOnlyList<UploadColumn> columns, IReadOnlyList<object?[]> rows, string targetFile, CancellationToken cancellationToken);

    /// <summary>The highest block number and its hash ("0x..." lowercase) among these parts of a blocks table; null when they hold no row.</summary>
    Task<(long Number, string Hash)?> LastBlockAsync(IReadOnlyList<string> blockFiles, CancellationToken cancellationToken);
}

/// <summary>An access list entry as stored: an address and its storage keys (hex).</summary>
public sealed record AccessListEntry(string Address, IReadOnlyList<string> StorageKeys);
