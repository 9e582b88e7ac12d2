using Microsoft.Extensions.Logging;
using Strata.Application.Uploads;

namespace Strata.Application.Ingest;

/// <summary>
/// A chain's compaction in the background: after a commit, <see cref="Signal"/> starts a round over the chain's tables
/// (each compacted when its parts are due) unless a round is under way, in which case one more round follows it. A
/// range's ingest owns one and waits for it at its end; a follower holds one for its life, so a one-block commit at the
/// head never waits for a compaction before the next block is asked for. <see cref="IdleAsync"/> waits for the round under
/// way (a rewind waits before it rewrites parts).
/// </summary>
public sealed class ChainCompaction : IAsyncDisposable
{
    private readonly ChainTables chain;
    private readonly PartCompactor compactor;
    private readonly ILogger logger;
    private readonly CancellationToken cancellationToken;
    private readonly Lock gate = new();
    private Task running = Task.CompletedTask;
    private bool active;
    private bool pending;

    internal ChainCompaction(ChainTables chain, PartCompactor compactor, ILogger logger, CancellationToken cancellationToken)
    {
        this.chain = chain;
        this.compactor = compactor;
        this.logger = logger;
        this.cancellationToken = cancellationToken;
    }

    /// <summary>A commit happened: compact now, or after the round under way.</summary>
    public void Signal()
    {
        lock (gate)
        {
            if (active)
            {
                pending = true;
                return;
            }
            active = true;
            running = Task.Run(RunAsync, CancellationToken.None);
        }
    }

    /// <summary>Waits until no round is under way or due.</summary>
    public async Task IdleAsync()
    {
        while (true)
        {
            Task current;
            lock (gate)
            {
                if (!active)
                {
                    return;
                }
                current = running;
            }
            await current.ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await IdleAsync().ConfigureAwait(false);

    private async Task RunAsync()
    {
        while (true)
        {
            try
            {
                foreach (var table in chain.Tables.Values)
                {
                    try
                    {
                        await compactor.CompactIfDueAsync(table, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        IngestLog.CompactionFailed(logger, e, chain.Chain, table.FullName);
                    }
                }
            }
            catch (OperationCanceledException)
            {
                // Stopping: the parts stay as they are; the next run compacts.
            }
            lock (gate)
            {
                if (!pending || cancellationToken.IsCancellationRequested)
                {
                    active = pending = false;
                    return;
                }
                pending = false;
            }
        }
    }
}
