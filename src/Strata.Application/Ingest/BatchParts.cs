using Strata.Core.Ingest;
using Strata.Core.Uploads;

namespace Strata.Application.Ingest;

/// <summary>
/// A batch's parts, one per table, filled as the batch takes its blocks (<see cref="Take"/>: the rows mapped in the
/// prefetch stage go to <see cref="IChainPartWriter"/>s while the next blocks are still being fetched), so that its commit
/// only writes them out (<see cref="WriteAsync"/>). Used for batch after batch: after <see cref="WriteAsync"/> or
/// <see cref="Reset"/> it is empty, and its writers (each a staging table) are kept for the next batch. A block that did not map ahead stops the streaming: it and the blocks
/// after it are mapped by <see cref="Complete"/>, after the batch was found to chain, so a malformed answer still fails
/// its commit naming the field and a batch whose head moved is still refetched first. Holds nothing on disk until
/// <see cref="WriteAsync"/>; disposing drops what was appended.
/// </summary>
internal sealed class BatchParts(ChainTables chain, IChainParts parts, IPartFiles files, TimeProvider time) : IDisposable
{
    private readonly Dictionary<ChainTable, IChainPartWriter> writers = [];
    private int appended;
    private bool streaming = true;

    /// <summary>Time spent appending rows, in timestamp ticks of the <see cref="TimeProvider"/>.</summary>
    public long AppendTicks { get; private set; }

    /// <summary>The rows appended to all the parts of this batch.</summary>
    public long Rows => writers.Values.Sum(w => w.Rows);

    /// <summary>Appends the rows of a block the batch took, when it was mapped ahead and every block before it was.</summary>
    public void Take(FetchedBlock block)
    {
        if (streaming && block.Mapped is { } rows)
        {
            Append(rows);
            appended++;
        }
        else
        {
            streaming = false;
        }
    }

    /// <summary>Maps and appends the batch's blocks not appended as they were taken; a malformed one throws <see cref="FormatException"/>.</summary>
    public void Complete(IReadOnlyList<FetchedBlock> batch)
    {
        if (appended < batch.Count)
        {
            Append(ChainRows.From(batch.Skip(appended)));
            appended = batch.Count;
        }
    }

    private void Append(ChainRows rows)
    {
        long start = time.GetTimestamp();
        foreach (var table in ChainSchema.All)
        {
            var tableRows = rows[table];
            if (tableRows.Count == 0)
            {
                continue;
            }
            if (!writers.TryGetValue(table, out var writer))
            {
                writer = parts.Begin(chain.Tables[table].Columns);
                writers[table] = writer;
            }
            writer.Append(tableRows);
        }
        AppendTicks += time.GetTimestamp() - start;
    }

    /// <summary>Drops the batch's rows (a batch fetched again), keeping the writers.</summary>
    public void Reset()
    {
        foreach (var writer in writers.Values)
        {
            writer.Clear();
        }
        appended = 0;
        streaming = true;
    }

    /// <summary>
    /// Writes the part of each table with rows in this batch, concurrently, each made durable as soon as it is written
    /// (<see cref="IChainParts.SyncAsync"/>: its file's and its directory's fsync at once) while the other parts are still
    /// being written, and empties the writers; when a write or a sync fails, the parts written are deleted and the failure
    /// thrown. The caller lists the parts only after this returned, so every listed part is durable.
    /// </summary>
    public async Task<List<TablePart>> WriteAsync(CancellationToken cancellationToken)
    {
        var added = new List<TablePart>();
        appended = 0;
        streaming = true;
        var writes = writers.Where(w => w.Value.Rows > 0).ToList().Select(async entry =>
        {
            var table = chain.Tables[entry.Key];
            string part = files.NewPart(table.Id);
            try
            {
                long written = await entry.Value.FinishAsync(files.PathOf(part), cancellationToken).ConfigureAwait(false);
                await parts.SyncAsync([files.PathOf(part)], cancellationToken).ConfigureAwait(false);
                lock (added)
                {
                    added.Add(new TablePart(table.Id, part, written, files.SizeOf(part)));
                }
            }
            catch
            {
                files.DeleteUncommitted(part);
                throw;
            }
        }).ToList();
        try
        {
            await Task.WhenAll(writes).ConfigureAwait(false);
        }
        catch
        {
            foreach (var part in added)
            {
                files.DeleteUncommitted(part.File);
            }
            throw;
        }
        return added;
    }

    public void Dispose()
    {
        foreach (var writer in writers.Values)
        {
            writer.Dispose();
        }
        writers.Clear();
    }
}
