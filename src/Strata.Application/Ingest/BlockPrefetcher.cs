namespace Strata.Application.Ingest;

/// <summary>
/// Fetches a range's blocks a chunk at a time (one JSON-RPC batch per method), in order, ahead of the one who
/// takes them: fetching goes on while a batch is written. What is fetched and not yet taken stays within one
/// batch's bounds, blocks and rows (rows estimated from the blocks fetched so far; until the first chunk arrives
/// at most <see cref="FirstChunks"/> chunks go out), so memory holds about two batches.
/// </summary>
internal sealed class BlockPrefetcher : IAsyncDisposable
{
    /// <summary>Chunks sent before any has come back, when there is no estimate of rows per block yet.</summary>
    public const int FirstChunks = 4;

    private readonly Func<List<long>, CancellationToken, Task<IReadOnlyList<FetchedBlock>>> fetch;
    private readonly long end;
    private readonly int chunkBlocks;
    private readonly long maxBlocksAhead;
    private readonly long maxRowsAhead;
    private readonly CancellationTokenSource stop;
    private readonly Lock gate = new();
    private readonly Queue<(int Blocks, Task<IReadOnlyList<FetchedBlock>> Fetch)> chunks = new();
    private readonly List<Task> started = [];
    private long next;
    private long blocksAhead;
    private long fetchedBlocks;
    private long fetchedRows;
    private IReadOnlyList<FetchedBlock> current = [];
    private int position;
    private FetchedBlock? pushedBack;

    public BlockPrefetcher(
        Func<List<long>, CancellationToken, Task<IReadOnlyList<FetchedBlock>>> fetch, long from, long end, int chunkBlocks, long maxBlocksAhead, long maxRowsAhead, CancellationToken cancellationToken)
    {
        this.fetch = fetch;
        this.end = end;
        this.chunkBlocks = chunkBlocks;
        this.maxBlocksAhead = maxBlocksAhead;
        this.maxRowsAhead = maxRowsAhead;
        next = from;
        stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Refill();
    }

    /// <summary>The next block in order, or null after the range's last; a chunk that failed throws here.</summary>
    public async ValueTask<FetchedBlock?> NextAsync()
    {
        if (pushedBack is { } back)
        {
            pushedBack = null;
            return back;
        }
        while (position == current.Count)
        {
            stop.Token.ThrowIfCancellationRequested();
            (int Blocks, Task<IReadOnlyList<FetchedBlock>> Fetch) chunk;
            lock (gate)
            {
                if (!chunks.TryDequeue(out chunk))
                {
                    return null;
                }
                blocksAhead -= chunk.Blocks;
            }
            current = await chunk.Fetch.ConfigureAwait(false);
            position = 0;
            Refill();
        }
        return current[position++];
    }

    /// <summary>
    /// The next block in order if it is fetched already, without waiting: false when its chunk is still in flight or
    /// the range is done. A chunk that failed throws here, as in <see cref="NextAsync"/>.
    /// </summary>
    public bool TryNext(out FetchedBlock? block)
    {
        if (pushedBack is { } back)
        {
            pushedBack = null;
            block = back;
            return true;
        }
        while (position == current.Count)
        {
            stop.Token.ThrowIfCancellationRequested();
            (int Blocks, Task<IReadOnlyList<FetchedBlock>> Fetch) chunk;
            lock (gate)
            {
                if (!chunks.TryPeek(out chunk) || !chunk.Fetch.IsCompleted)
                {
                    block = null;
                    return false;
                }
                chunks.Dequeue();
                blocksAhead -= chunk.Blocks;
            }
            current = chunk.Fetch.GetAwaiter().GetResult();
            position = 0;
            Refill();
        }
        block = current[position++];
        return true;
    }

    /// <summary>Gives back the block <see cref="NextAsync"/> or <see cref="TryNext"/> returned last: the next call returns it again.</summary>
    public void PushBack(FetchedBlock block) => pushedBack = block;

    private void Refill()
    {
        lock (gate)
        {
            while (next <= end && !stop.IsCancellationRequested && (chunks.Count == 0 || Room()))
            {
                int count = (int)Math.Min(chunkBlocks, end - next + 1);
                long first = next;
                var numbers = Enumerable.Range(0, count).Select(i => first + i).ToList();
                // Run, not called here: a fetch that completes at once would refill from inside this loop, out of order.
                var task = Task.Run(() => FetchAsync(numbers));
                chunks.Enqueue((count, task));
                if (started.Count >= 64)
                {
                    started.RemoveAll(t => t.IsCompleted);
                }
                started.Add(task);
                blocksAhead += count;
                next += count;
            }
        }
    }

    private bool Room()
    {
        if (blocksAhead >= maxBlocksAhead)
        {
            return false;
        }
        if (fetchedBlocks == 0)
        {
            return chunks.Count < FirstChunks;
        }
        return (double)blocksAhead * fetchedRows / fetchedBlocks < maxRowsAhead;
    }

    private async Task<IReadOnlyList<FetchedBlock>> FetchAsync(List<long> numbers)
    {
        var blocks = await fetch(numbers, stop.Token).ConfigureAwait(false);
        long rows = blocks.Sum(ChainRows.AtMost);
        lock (gate)
        {
            fetchedBlocks += blocks.Count;
            fetchedRows += rows;
        }
        Refill();
        return blocks;
    }

    /// <summary>Stops fetching and waits for the requests in flight (their answers are dropped).</summary>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        Task[] all;
        lock (gate)
        {
            all = [.. started];
        }
        try
        {
            await Task.WhenAll(all).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Chunks nobody will take: cancelled, or failed after the failure that stopped the run was seen.
        }
        stop.Dispose();
    }
}
