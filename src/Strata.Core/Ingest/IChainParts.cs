using Strata.Core.Uploads;

namespace Strata.Core.Ingest;

/// <summary>
/// Writes and reads the Parquet parts of chain tables (a port; the DuckDB loader implements it). Rows are
/// arrays in the order of the table's columns, with values of the column's kind: bigint <c>long</c>, boolean <c>bool</c>, varchar
/// <c>string</c>, varbinary its bytes <c>byte[]</c> (or checked hex <c>"0x..."</c>), uint256 its decimal digits, timestamps <see cref="DateTimeOffset"/>, dates
/// <see cref="DateOnly"/>, arrays <c>long[]</c> / <c>string[]</c> (hex) / <see cref="AccessListEntry"/>[].
/// </summary>
public interface IChainParts
{
    /// <summary>
    /// Begins a part of a table with these columns: rows are appended as they arrive (held in memory, nowhere on disk), then
    /// <see cref="IChainPartWriter.FinishAsync"/> writes them to the part file and <see cref="SyncAsync"/> makes it durable.
    /// Dropped unfinished, nothing is left.
    /// </summary>
    IChainPartWriter Begin(IReadOnlyList<UploadColumn> columns);

    /// <summary>
    /// Makes part files written by <see cref="IChainPartWriter.FinishAsync"/> durable: each file's data and the entry of each
    /// of their directories reach the disk (fsync), all at once rather than one after the other. Nothing may list a part
    /// before this returned for it.
    /// </summary>
    Task SyncAsync(IReadOnlyList<string> partFiles, CancellationToken cancellationToken);

    /// <summary>The highest block number and its hash ("0x..." lowercase) among these parts of a blocks table; null when they hold no row.</summary>
    Task<(long Number, string Hash)?> LastBlockAsync(IReadOnlyList<string> blockFiles, CancellationToken cancellationToken);
}

/// <summary>An access list entry as stored: an address and its storage keys (hex).</summary>
public sealed record AccessListEntry(string Address, IReadOnlyList<string> StorageKeys);

/// <summary>
/// Chain table parts being filled, one after another (<see cref="IChainParts.Begin"/>): not thread-safe, one caller appends
/// then finishes; after <see cref="FinishAsync"/> or <see cref="Clear"/> it is empty and takes the next part's rows.
/// Disposing it drops what it holds; a part file exists only once <see cref="FinishAsync"/> returned, and is durable only once
/// <see cref="IChainParts.SyncAsync"/> returned for it.
/// </summary>
public interface IChainPartWriter : IDisposable
{
    /// <summary>The rows appended so far.</summary>
    long Rows { get; }

    /// <summary>Appends rows (arrays in the order of the columns, values as <see cref="IChainParts"/> describes).</summary>
    void Append(IReadOnlyList<object?[]> rows);

    /// <summary>
    /// Writes the rows appended to <paramref name="targetFile"/> (which must not exist) and empties the writer; returns the rows
    /// written. The file is not yet durable (<see cref="IChainParts.SyncAsync"/>); on failure nothing is left at the target.
    /// </summary>
    Task<long> FinishAsync(string targetFile, CancellationToken cancellationToken);

    /// <summary>Drops the rows appended, writing nothing.</summary>
    void Clear();
}
