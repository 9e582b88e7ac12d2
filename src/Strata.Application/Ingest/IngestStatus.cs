namespace Strata.Application.Ingest;

/// <summary>A chain's ingestion at one moment: what is committed, what the node has, how fast it goes.</summary>
public sealed record IngestStatus(
    string Chain,
    NodeCapabilities? Capabilities,
    long? LastCommitted,
    long? Target,
    long? Head,
    long Blocks,
    long Rows,
    double BlocksPerSecond,
    double RowsPerSecond,
    TimeSpan? Eta,
    DateTimeOffset StartedAt,
    DateTimeOffset? LastCommitAt)
{
    /// <summary>How many blocks the stored data is behind the node's head (null until both are known).</summary>
    public long? Lag => Head is long h ? h - (LastCommitted ?? -1) : null;
}

/// <summary>
/// The running figures of one ingestion, updated by <see cref="ChainIngest"/> after each commit and read
/// from any thread (a progress bar, a status endpoint) through <see cref="Snapshot"/>.
/// </summary>
public sealed class IngestProgress(string chain, TimeProvider time)
{
    private readonly object gate = new();
    private readonly DateTimeOffset startedAt = time.GetUtcNow();
    private readonly long startTicks = time.GetTimestamp();
    private NodeCapabilities? capabilities;
    private long? lastCommitted;
    private long? target;
    private long? head;
    private long blocks;
    private long rows;
    private DateTimeOffset? lastCommitAt;

    public string Chain { get; } = chain;

    internal void Started(NodeCapabilities found, long? last, long? until, long? nodeHead)
    {
        lock (gate)
        {
            capabilities = found;
            lastCommitted = last;
            target = until;
            head = nodeHead;
        }
    }

    internal void SetHead(long nodeHead, long? until)
    {
        lock (gate)
        {
            head = nodeHead;
            target = until;
        }
    }

    /// <summary>A reorg removed the stored blocks after <paramref name="last"/> (null: all of them).</summary>
    internal void Rewound(long? last)
    {
        lock (gate)
        {
            lastCommitted = last;
        }
    }

    internal void Committed(long last, long blockCount, long rowCount)
    {
        lock (gate)
        {
            lastCommitted = last;
            blocks += blockCount;
            rows += rowCount;
            lastCommitAt = time.GetUtcNow();
        }
    }

    public IngestStatus Snapshot()
    {
        lock (gate)
        {
            double seconds = Math.Max(time.GetElapsedTime(startTicks).TotalSeconds, 1e-3);
            double bps = blocks / seconds;
            TimeSpan? eta = target is long t && bps > 0 ? TimeSpan.FromSeconds(Math.Max(0, t - (lastCommitted ?? -1)) / bps) : null;
            return new IngestStatus(Chain, capabilities, lastCommitted, target, head, blocks, rows, bps, rows / seconds, eta, startedAt, lastCommitAt);
        }
    }
}

/// <summary>
/// The stored block before <see cref="Number"/> is not the parent of the node's block <see cref="Number"/>:
/// the chain reorganised below what is stored. Following the head handles it by walking back.
/// </summary>
public sealed class ChainReorgException(string chain, long number, string storedHash, string parentHash)
    : Exception($"Chain {chain}: block {number}'s parent hash {parentHash} is not the stored block {number - 1} ({storedHash}): the node's chain reorganised below the stored head")
{
    public long Number { get; } = number;
}
