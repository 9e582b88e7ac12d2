using Microsoft.Extensions.Logging;
using Strata.Application.Observability;
using Strata.Application.Uploads;
using Strata.Core.Executions;
using Strata.Core.Ingest;
using Strata.Core.Storage;
using Strata.Core.Uploads;

namespace Strata.Application.Ingest;

/// <summary>A chain's stored tables and where its data ends.</summary>
public sealed record ChainTables(string Chain, IReadOnlyDictionary<ChainTable, UploadTable> Tables, long? LastNumber, string? LastHash);

/// <summary>
/// Ingests an EVM chain from its node into Dune's tables (<see cref="ChainSchema"/>). Blocks are fetched
/// in JSON-RPC batches, concurrently, the next commit's blocks while the current one is written; each
/// commit writes one Parquet part per table and lists them all in one metadata transaction, so a query sees
/// whole blocks only. Where the data ends is read back from the blocks table itself, so a crash or a
/// <c>kill -9</c> resumes after the last commit with no gap and no duplicate. Parts are compacted in the
/// background. The use case a head-following loop calls: <see cref="OpenAsync"/>, then
/// <see cref="IngestRangeAsync"/> as the head moves; a parent-hash mismatch below the range throws
/// <see cref="ChainReorgException"/>.
/// </summary>
public sealed class ChainIngest(
    IChainNode node, ITableStore store, ITablePartStore tableParts, IPartFiles files, IChainParts parts, PartCompactor compactor, TimeProvider time, ILogger<ChainIngest> logger)
{
    private const int MaxRefetches = 5;

    /// <summary>Ingests from <see cref="IngestRequest.From"/> (or after the stored data) to <see cref="IngestRequest.To"/> (or the head now).</summary>
    public async Task<IngestStatus> RunAsync(IngestRequest request, IngestProgress progress, CancellationToken cancellationToken)
    {
        var capabilities = await node.ProbeAsync(cancellationToken).ConfigureAwait(false);
        IngestLog.Capabilities(logger, request.Chain, capabilities);
        var chain = await OpenAsync(request.Chain, cancellationToken).ConfigureAwait(false);
        long head = await node.HeadAsync(cancellationToken).ConfigureAwait(false);
        long end = request.To ?? head;
        long start = StartOf(chain, request.From);
        progress.Started(capabilities, chain.LastNumber, end, head);
        if (start > end)
        {
            IngestLog.UpToDate(logger, request.Chain, chain.LastNumber ?? -1);
            return progress.Snapshot();
        }
        IngestLog.Starting(logger, request.Chain, start, end);
        await IngestRangeAsync(chain, capabilities, start, end, request, progress, cancellationToken).ConfigureAwait(false);
        return progress.Snapshot();
    }

    /// <summary>The first block to ingest: after the stored data (a <paramref name="from"/> past it would leave a gap and is refused), else <paramref name="from"/> or 0.</summary>
    public static long StartOf(ChainTables chain, long? from)
    {
        if (from is < 0)
        {
            UseCaseException.Throw(UseCaseError.Invalid, "--from must be a block number, 0 or more");
        }
        if (chain.LastNumber is not long last)
        {
            return from ?? 0;
        }
        if (from is long f && f > last + 1)
        {
            UseCaseException.Throw(UseCaseError.Conflict,
                $"Chain {chain.Chain} holds blocks up to {last}; starting at {f} would leave a gap. Start at {last + 1} or earlier (stored blocks are skipped).");
        }
        return last + 1;
    }

    /// <summary>The chain's tables, created (empty, public, owned by <see cref="ChainSchema.Owner"/>) when missing, and where the stored blocks end.</summary>
    public async Task<ChainTables> OpenAsync(string chain, CancellationToken cancellationToken)
    {
        if (!ChainSchema.IsValidName(chain))
        {
            UseCaseException.Throw(UseCaseError.Invalid,
                $"Chain name '{chain}' is not valid: it becomes a schema, so it must be a lowercase identifier (a letter, then letters, digits or _), at most {ChainSchema.MaxNameLength} characters.");
        }
        var tables = new Dictionary<ChainTable, UploadTable>();
        foreach (var kind in ChainSchema.All)
        {
            var (schema, name) = ChainSchema.Of(chain, kind);
            var columns = ChainSchema.Columns(kind);
            var now = time.GetUtcNow();
            var wanted = new UploadTable("chain_" + ExecutionIds.New(now), ChainSchema.Owner, schema, name,
                $"Chain {chain}, ingested from its node by strata ingest", false, columns, now, now);
            var table = await store.GetTableAsync(schema, name, cancellationToken).ConfigureAwait(false)
                ?? await store.CreateTableAsync(wanted, cancellationToken).ConfigureAwait(false);
            if (table.Owner != ChainSchema.Owner)
            {
                UseCaseException.Throw(UseCaseError.Conflict, $"{schema}.{name} is an uploaded table of '{table.Owner}', not chain data: choose another chain name.");
            }
            if (!table.SameSchema(columns))
            {
                UseCaseException.Throw(UseCaseError.Conflict, $"{schema}.{name} has other columns than this version writes; it cannot be appended to.");
            }
            tables[kind] = table;
        }
        var blockParts = await tableParts.PartsAsync(tables[ChainTable.Blocks].Id, cancellationToken).ConfigureAwait(false);
        var last = await parts.LastBlockAsync(blockParts.Select(p => files.PathOf(p.File)).ToList(), cancellationToken).ConfigureAwait(false);
        return new ChainTables(chain, tables, last?.Number, last?.Hash);
    }

    /// <summary>
    /// Ingests blocks <paramref name="start"/> to <paramref name="end"/> after the stored data (<paramref name="chain"/>
    /// as <see cref="OpenAsync"/> read it), a commit per batch: <see cref="IngestRequest.BatchBlocks"/> blocks or
    /// <see cref="IngestRequest.BatchRows"/> rows, whichever comes first. The blocks after a batch are fetched, and
    /// appended to the next batch's parts, while it is committed. Returns the chain as now stored.
    /// </summary>
    public async Task<ChainTables> IngestRangeAsync(
        ChainTables chain, NodeCapabilities capabilities, long start, long end, IngestRequest request, IngestProgress progress, CancellationToken cancellationToken,
        ChainCompaction? held = null)
    {
        // Compacted after each commit, in the background; a range's own compaction is waited for at its end, a caller's is not.
        var owned = held is null ? Compaction(chain, cancellationToken) : null;
        var compaction = held ?? owned!;
        BlockPrefetcher Prefetch(long from) => new(
            (numbers, ct) => FetchChunkAsync(capabilities, numbers, ct), from, end, request.RequestBlocks, request.BatchBlocks, request.BatchRows, cancellationToken);
        var prefetch = Prefetch(start);
        long started = time.GetTimestamp();
        long waitedTicks = 0, commitTicks = 0, appendTicks = 0;
        long next = start;
        // Two sets of parts: a batch fills one while the batch before it is committed from the other. Commits stay one
        // at a time and in order (a commit starts once the one before it is done, and checks its first block's parent
        // against what that one stored), so a crash still leaves whole batches up to the last commit.
        using var filling = new BatchParts(chain, parts, files, time);
        using var spare = new BatchParts(chain, parts, files, time);
        var (fill, free) = (filling, spare);
        Task<ChainTables>? committing = null;
        try
        {
            int refetches = 0;
            while (next <= end)
            {
                long waitStart = time.GetTimestamp();
                long appendedBefore = fill.AppendTicks;
                var batch = await NextBatchAsync(prefetch, request, fill.Take).ConfigureAwait(false);
                waitedTicks += time.GetTimestamp() - waitStart;
                appendTicks += fill.AppendTicks - appendedBefore;
                if (batch.Count == 0 || batch[0].Number != next)
                {
                    throw new InvalidOperationException($"Chain {chain.Chain}: the blocks fetched after {next - 1} do not start at {next}.");
                }
                if (!Consistent(batch))
                {
                    // The head moved while the batch was fetched: fetch again from its first block.
                    if (++refetches > MaxRefetches)
                    {
                        throw new ChainNodeException($"Chain {chain.Chain}: blocks {next} to {batch[^1].Number} kept changing while they were fetched ({MaxRefetches + 1} attempts).");
                    }
                    IngestLog.Refetching(logger, chain.Chain, next, batch[^1].Number);
                    fill.Reset();
                    await prefetch.DisposeAsync().ConfigureAwait(false);
                    prefetch = Prefetch(next);
                    continue;
                }
                refetches = 0;
                long commitStart = time.GetTimestamp();
                if (committing is not null)
                {
                    chain = await committing.ConfigureAwait(false);
                    committing = null;
                    compaction.Signal();
                }
                committing = CommitAsync(chain, batch, fill, progress, cancellationToken);
                commitTicks += time.GetTimestamp() - commitStart;
                (fill, free) = (free, fill);
                next = batch[^1].Number + 1;
            }
            if (committing is not null)
            {
                long commitStart = time.GetTimestamp();
                chain = await committing.ConfigureAwait(false);
                committing = null;
                commitTicks += time.GetTimestamp() - commitStart;
                compaction.Signal();
            }
        }
        finally
        {
            if (committing is not null)
            {
                // Failing elsewhere: let the commit under way end (it writes from a set of parts disposed below).
                await ((Task)committing).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            await prefetch.DisposeAsync().ConfigureAwait(false);
            if (owned is not null)
            {
                await owned.DisposeAsync().ConfigureAwait(false);
            }
        }
        if (next > start)
        {
            IngestLog.Ingested(logger, chain.Chain, start, next - 1, (long)time.GetElapsedTime(started).TotalMilliseconds,
                (long)time.GetElapsedTime(0, waitedTicks).TotalMilliseconds, (long)time.GetElapsedTime(0, appendTicks).TotalMilliseconds,
                (long)time.GetElapsedTime(0, commitTicks).TotalMilliseconds);
        }
        return chain;
    }

    /// <summary>
    /// The next batch: blocks in order until <see cref="IngestRequest.BatchBlocks"/> of them, or until the next would take
    /// the rows past <see cref="IngestRequest.BatchRows"/> (a block alone over it is a batch of its own); with
    /// <see cref="IngestRequest.TakeReady"/>, also when the next block is not fetched yet and the batch holds a tenth of
    /// either bound.
    /// </summary>
    internal static async Task<List<FetchedBlock>> NextBatchAsync(BlockPrefetcher prefetch, IngestRequest request, Action<FetchedBlock>? taken = null)
    {
        var batch = new List<FetchedBlock>();
        long rows = 0;
        int minBlocks = Math.Max(1, request.BatchBlocks / IngestRequest.MinBatchShare);
        long minRows = Math.Max(1, request.BatchRows / IngestRequest.MinBatchShare);
        while (batch.Count < request.BatchBlocks)
        {
            FetchedBlock? block;
            if (request.TakeReady && (batch.Count >= minBlocks || rows >= minRows))
            {
                if (!prefetch.TryNext(out block))
                {
                    break;
                }
            }
            else
            {
                block = await prefetch.NextAsync().ConfigureAwait(false);
            }
            if (block is null)
            {
                break;
            }
            long blockRows = ChainRows.AtMost(block);
            if (batch.Count > 0 && rows + blockRows > request.BatchRows)
            {
                prefetch.PushBack(block);
                break;
            }
            batch.Add(block);
            taken?.Invoke(block);
            rows += blockRows;
        }
        return batch;
    }

    /// <summary>Checks the batch follows the stored data, writes its parts (filled as it was taken) and commits them in one transaction.</summary>
    private async Task<ChainTables> CommitAsync(ChainTables chain, IReadOnlyList<FetchedBlock> batch, BatchParts batchParts, IngestProgress progress, CancellationToken cancellationToken)
    {
        var clock = new ElapsedTime(time);
        var first = batch[0];
        if (chain.LastHash is string stored && first.Number == chain.LastNumber + 1)
        {
            string parent = Hex.DataText(first.Block.ParentHash, "parentHash");
            if (parent != stored)
            {
                throw new ChainReorgException(chain.Chain, first.Number, stored, parent);
            }
        }
        batchParts.Complete(batch);
        long rows = batchParts.Rows;
        long rowsMs = clock.ElapsedMilliseconds;
        var added = await batchParts.WriteAsync(cancellationToken).ConfigureAwait(false);
        long partsMs = clock.ElapsedMilliseconds - rowsMs;
        try
        {
            if (!await tableParts.CommitPartsAsync(added, [], time.GetUtcNow(), cancellationToken).ConfigureAwait(false))
            {
                throw new InvalidOperationException($"Chain {chain.Chain}: a table went away while blocks {first.Number} to {batch[^1].Number} were written.");
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
        var lastBlock = batch[^1];
        progress.Committed(lastBlock.Number, batch.Count, rows);
        IngestLog.Committed(logger, chain.Chain, first.Number, lastBlock.Number, rows, clock.ElapsedMilliseconds, rowsMs, partsMs, clock.ElapsedMilliseconds - rowsMs - partsMs);
        return chain with { LastNumber = lastBlock.Number, LastHash = Hex.DataText(lastBlock.Block.Hash, "block hash") };
    }

    private static bool Consistent(List<FetchedBlock> blocks)
    {
        for (int i = 1; i < blocks.Count; i++)
        {
            if (blocks[i].Block.ParentHash != blocks[i - 1].Block.Hash)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>One JSON-RPC batch's worth of blocks with their receipts and traces, fetched concurrently.</summary>
    private async Task<IReadOnlyList<FetchedBlock>> FetchChunkAsync(NodeCapabilities capabilities, List<long> numbers, CancellationToken cancellationToken)
    {
        var blocksTask = node.BlocksAsync(numbers, cancellationToken);
        var blockReceiptsTask = capabilities.BlockReceipts ? node.BlockReceiptsAsync(numbers, cancellationToken) : null;
        Task<IReadOnlyList<IReadOnlyList<NodeTrace>>>? tracesTask = capabilities.TraceBlock ? node.TraceBlocksAsync(numbers, cancellationToken) : null;
        var framesTask = !capabilities.TraceBlock && capabilities.DebugTrace ? node.DebugTraceBlocksAsync(numbers, cancellationToken) : null;
        var blocks = await blocksTask.ConfigureAwait(false);
        for (int i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is null)
            {
                throw new ChainNodeException($"The node has no block {numbers[i]}.");
            }
        }
        IReadOnlyList<IReadOnlyList<NodeReceipt>> receipts;
        if (blockReceiptsTask is not null)
        {
            receipts = await blockReceiptsTask.ConfigureAwait(false);
        }
        else
        {
            var hashes = blocks.SelectMany(b => b!.Transactions.Select(t => t.Hash.ToString())).ToList();
            var all = hashes.Count == 0 ? [] : await node.TransactionReceiptsAsync(hashes, cancellationToken).ConfigureAwait(false);
            var split = new List<IReadOnlyList<NodeReceipt>>();
            int k = 0;
            foreach (var block in blocks)
            {
                split.Add(all.Skip(k).Take(block!.Transactions.Count).ToList());
                k += block.Transactions.Count;
            }
            receipts = split;
        }
        IReadOnlyList<IReadOnlyList<NodeTrace>> traces;
        if (tracesTask is not null)
        {
            traces = await tracesTask.ConfigureAwait(false);
        }
        else if (framesTask is not null)
        {
            var frames = await framesTask.ConfigureAwait(false);
            traces = blocks.Select((b, i) => (IReadOnlyList<NodeTrace>)CallFrames.Flatten(frames[i], b!.Transactions.Select(t => t.Hash).ToList())).ToList();
        }
        else
        {
            traces = blocks.Select(_ => (IReadOnlyList<NodeTrace>)[]).ToList();
        }
        var fetched = new List<FetchedBlock>(blocks.Count);
        for (int i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i]!;
            // Receipts of another block of that number (the head moved between the calls) fail the batch's consistency check instead.
            if (receipts[i].Any(r => !r.BlockHash.IsNull && r.BlockHash != block.Hash))
            {
                throw new ChainNodeException($"Block {numbers[i]}'s receipts belong to another block of that number (a reorg at the head).");
            }
            var one = new FetchedBlock(block, receipts[i], traces[i]);
            // Mapped here, in the prefetch stage: chunks map concurrently, and while a batch is written.
            one.MapAhead();
            fetched.Add(one);
        }
        return fetched;
    }

    /// <summary>The chain's background compaction, for a caller that ingests range after range (a follower) and holds it between them.</summary>
    public ChainCompaction Compaction(ChainTables chain, CancellationToken cancellationToken) => new(chain, compactor, logger, cancellationToken);
}
