using Microsoft.Extensions.Logging;
using Strata.Core.Ingest;
using Strata.Core.Storage;
using Strata.Core.Uploads;

namespace Strata.Application.Ingest;

/// <summary>How a follower keeps up with the head.</summary>
public sealed record FollowOptions
{
    /// <summary>How often the node's head is asked for while the stored data is level with it.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many stored blocks a reorg may replace; a deeper one stops the follower with an error.</summary>
    public int MaxReorgDepth { get; init; } = 64;
}

/// <summary>
/// Follows a chain's head: ingests new blocks as the node makes them (<see cref="ChainIngest"/>) and, when
/// the node's chain no longer holds the stored head (a new block's parent is not the stored block, the
/// stored head's hash changed, or the node's chain got shorter), walks back to the last block both
/// chains share, removes the later blocks' rows from every table in one commit, and ingests the new
/// fork from there. A query sees the old fork, the common prefix, or the new fork: never a mix.
/// </summary>
public sealed class ChainFollower(
    ChainIngest ingest, IChainNode node, ITablePartStore store, IPartFiles files, IChainHistory history, TimeProvider time, ILogger<ChainFollower> logger)
{
    /// <summary>Follows until cancelled; a reorg deeper than <see cref="FollowOptions.MaxReorgDepth"/> throws <see cref="ChainNodeException"/>.</summary>
    public async Task RunAsync(IngestRequest request, FollowOptions options, IngestProgress progress, CancellationToken cancellationToken)
    {
        var capabilities = await node.ProbeAsync(cancellationToken).ConfigureAwait(false);
        var chain = await ingest.OpenAsync(request.Chain, cancellationToken).ConfigureAwait(false);
        long start = ChainIngest.StartOf(chain, request.From);
        progress.Started(capabilities, chain.LastNumber, null, null);
        FollowLog.Following(logger, request.Chain, start, capabilities);
        // Held for the follower's life: a commit at the head starts a compaction round and does not wait for it.
        await using var compaction = ingest.Compaction(chain, cancellationToken);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long head = await node.HeadAsync(cancellationToken).ConfigureAwait(false);
            progress.SetHead(head, head);
            long next = chain.LastNumber is long last ? last + 1 : start;
            if (head >= next)
            {
                try
                {
                    chain = await ingest.IngestRangeAsync(chain, capabilities, next, head, request, progress, cancellationToken, compaction).ConfigureAwait(false);
                }
                catch (ChainReorgException e)
                {
                    FollowLog.ParentMismatch(logger, request.Chain, e.Number);
                    await compaction.IdleAsync().ConfigureAwait(false);
                    (chain, start) = await RewindAsync(chain, options, progress, cancellationToken).ConfigureAwait(false);
                }
                continue;
            }
            if (chain.LastNumber is long tip && await TipReplacedAsync(chain, tip, head, cancellationToken).ConfigureAwait(false))
            {
                FollowLog.TipReplaced(logger, request.Chain, tip, head);
                await compaction.IdleAsync().ConfigureAwait(false);
                (chain, start) = await RewindAsync(chain, options, progress, cancellationToken).ConfigureAwait(false);
                continue;
            }
            await Task.Delay(options.PollInterval, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>True when the node's chain no longer holds the stored head: it is shorter, or has another block there.</summary>
    private async Task<bool> TipReplacedAsync(ChainTables chain, long tip, long head, CancellationToken cancellationToken)
    {
        if (head < tip)
        {
            return true;
        }
        var block = (await node.BlocksAsync([tip], cancellationToken).ConfigureAwait(false))[0];
        return block is null || !Hex.Same(block.Hash, chain.LastHash);
    }

    /// <summary>
    /// Walks back from the stored head to the last block the node's chain also holds, and removes every
    /// table's rows of the blocks after it in one commit. Returns the chain as now stored and the next block to ingest.
    /// </summary>
    private async Task<(ChainTables, long)> RewindAsync(ChainTables chain, FollowOptions options, IngestProgress progress, CancellationToken cancellationToken)
    {
        long tip = chain.LastNumber ?? throw new InvalidOperationException("A chain with no stored block cannot reorganise.");
        long lowest = Math.Max(0, tip - options.MaxReorgDepth);
        var blockParts = await store.PartsAsync(chain.Tables[ChainTable.Blocks].Id, cancellationToken).ConfigureAwait(false);
        var stored = await history.BlockHashesAsync(blockParts.Select(p => files.PathOf(p.File)).ToList(), lowest, tip, cancellationToken).ConfigureAwait(false);
        long head = await node.HeadAsync(cancellationToken).ConfigureAwait(false);
        long? ancestor = null;
        bool reachedStart = false;
        for (long upper = Math.Min(tip, head); upper >= lowest && ancestor is null && !reachedStart; upper -= 16)
        {
            long lower = Math.Max(lowest, upper - 15);
            var numbers = Enumerable.Range(0, (int)(upper - lower + 1)).Select(i => upper - i).ToList();
            var blocks = await node.BlocksAsync(numbers, cancellationToken).ConfigureAwait(false);
            for (int i = 0; i < numbers.Count; i++)
            {
                if (!stored.TryGetValue(numbers[i], out var hash))
                {
                    // Below the first stored block: the whole stored range is orphaned.
                    reachedStart = true;
                    break;
                }
                if (blocks[i] is { } block && Hex.Same(block.Hash, hash))
                {
                    ancestor = numbers[i];
                    break;
                }
            }
        }
        if (ancestor is null && !reachedStart)
        {
            throw new ChainNodeException(
                $"Chain {chain.Chain}: the node's chain shares none of the stored blocks {lowest} to {tip}; a reorg deeper than the tolerated {options.MaxReorgDepth} blocks needs the chain ingested again.");
        }
        // With no shared block, every stored block is orphaned: the chain starts again at its first stored block.
        long keep = ancestor ?? stored.Keys.Min() - 1;
        await RemoveAfterAsync(chain, keep, cancellationToken).ConfigureAwait(false);
        FollowLog.Rewound(logger, chain.Chain, tip - keep, keep);
        progress.Rewound(ancestor);
        return (chain with { LastNumber = ancestor, LastHash = ancestor is long a ? stored[a] : null }, keep + 1);
    }

    /// <summary>Replaces each part holding blocks after <paramref name="keep"/> by its rows up to it (or nothing), for all tables in one commit.</summary>
    private async Task RemoveAfterAsync(ChainTables chain, long keep, CancellationToken cancellationToken)
    {
        var added = new List<TablePart>();
        var removed = new List<TablePart>();
        try
        {
            foreach (var (kind, table) in chain.Tables)
            {
                string column = ChainBlockColumns.Of(kind);
                foreach (var part in await store.PartsAsync(table.Id, cancellationToken).ConfigureAwait(false))
                {
                    string path = files.PathOf(part.File);
                    if (await history.MaxBlockAsync(path, column, cancellationToken).ConfigureAwait(false) is not long max || max <= keep)
                    {
                        continue;
                    }
                    removed.Add(part);
                    if (await history.CountUpToAsync(path, column, keep, cancellationToken).ConfigureAwait(false) == 0)
                    {
                        continue;
                    }
                    string cut = files.NewPart(table.Id);
                    added.Add(new TablePart(table.Id, cut, 0, 0));
                    long rows = await history.KeepUpToAsync(path, table.Columns, column, keep, files.PathOf(cut), cancellationToken).ConfigureAwait(false);
                    added[^1] = new TablePart(table.Id, cut, rows, files.SizeOf(cut));
                }
            }
            if (!await store.CommitPartsAsync(added, removed, time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"Chain {chain.Chain}: a table or part went away while the orphaned blocks were removed.");
            }
        }
        catch
        {
            foreach (var part in added)
            {
                files.DeleteUncommitted(part.File);
            }
            throw;
        }
        files.Drop(removed.Select(p => p.File));
    }
}

/// <summary>Follower log lines: chain names and block numbers only.</summary>
internal static partial class FollowLog
{
    [LoggerMessage(1420, LogLevel.Information, "Chain {Chain}: following the head from block {From}; the node supports {Capabilities}")]
    public static partial void Following(ILogger logger, string chain, long from, NodeCapabilities capabilities);

    [LoggerMessage(1421, LogLevel.Warning, "Chain {Chain}: block {Number}'s parent is not the stored block before it: the chain reorganised")]
    public static partial void ParentMismatch(ILogger logger, string chain, long number);

    [LoggerMessage(1422, LogLevel.Warning, "Chain {Chain}: the stored head {Tip} is no longer on the node's chain (head {Head}): the chain reorganised")]
    public static partial void TipReplaced(ILogger logger, string chain, long tip, long head);

    [LoggerMessage(1423, LogLevel.Warning, "Chain {Chain}: removed {Blocks} orphaned blocks in one commit; the stored chain now ends at {Last}")]
    public static partial void Rewound(ILogger logger, string chain, long blocks, long last);
}
