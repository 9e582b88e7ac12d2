namespace Strata.Application.Ingest;

/// <summary>What to ingest: a chain (its schema), the first block, the last (null: the node's head when it starts).</summary>
public sealed record IngestRequest(string Chain, long? From = null, long? To = null)
{
    /// <summary>Blocks per commit at most: one part per table per commit.</summary>
    public int BatchBlocks { get; init; } = DefaultBatchBlocks;

    /// <summary>
    /// Rows per commit at most (all tables together, as <see cref="ChainRows.AtMost"/> counts them): a batch ends at
    /// <see cref="BatchBlocks"/> blocks or this many rows, whichever comes first, so large commits of small blocks stay
    /// bounded in memory on a chain with large ones. A block with more rows is a commit of its own.
    /// </summary>
    public long BatchRows { get; init; } = DefaultBatchRows;

    public const int DefaultBatchBlocks = 1000;

    public const long DefaultBatchRows = 50_000;

    /// <summary>
    /// Whether a batch, once it holds a tenth of either bound (<see cref="MinBatchShare"/>), takes only the blocks
    /// fetched already and is committed instead of waiting for more: commits overlap fetching (the batch after
    /// is what was fetched while one was written), and the last commit of a range is small. Off by default: on the
    /// shared 2-core machine (load ~120) the many smaller commits cost more than the overlap saved (each commit has a
    /// fixed cost of five Parquet parts; docs/notes/ingest4.md). False: every batch waits to fill its bounds (or the range's end).
    /// </summary>
    public bool TakeReady { get; init; }

    /// <summary>The share of <see cref="BatchBlocks"/> or <see cref="BatchRows"/> a batch waits for when <see cref="TakeReady"/>.</summary>
    public const int MinBatchShare = 10;

    /// <summary>Blocks per JSON-RPC batch request; a commit's requests go out concurrently.</summary>
    public int RequestBlocks { get; init; } = 10;
}
