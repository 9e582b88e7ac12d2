using System.Threading.Channels;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Results;

namespace Strata.Engine.DuckDb.Isolation;

/// <summary>
/// Runs each execution in an engine worker process instead of the server's own, so that no query
/// can take the server's memory: a worker whose resident memory passes its tier's limit is killed,
/// and only its execution fails. Each tier keeps one warm worker per slot; a worker that died, was
/// killed, or kept much memory after a run is replaced in the background.
/// </summary>
public sealed class IsolatedEngine : IQueryEngine, IDisposable
{
    private readonly EngineWorkerSettings settings;
    private readonly InitMessage init;
    private readonly Action<string> log;
    private readonly Dictionary<PerformanceTier, Channel<Slot>> slots = [];
    private readonly CancellationTokenSource disposed = new();

    public IsolatedEngine(DuckDbEngineSettings engine, EngineWorkerSettings settings, Action<string> log)
    {
        this.settings = settings;
        this.log = log;
        init = InitMessage.From(engine);
        foreach (var (tier, tierSettings) in settings.Tiers)
        {
            var channel = Channel.CreateUnbounded<Slot>();
            for (int i = 0; i < tierSettings.Slots; i++)
            {
                channel.Writer.TryWrite(new Slot(StartWorker()));
            }
            slots[tier] = channel;
        }
    }

    public async Task<EngineOutcome> ExecuteAsync(EngineRequest request, Func<ResultSchema, ResultWriter> createWriter, CancellationToken cancellationToken)
    {
        var channel = slots[request.Tier];
        var slot = await channel.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var worker = await ReadyWorkerAsync(slot, cancellationToken).ConfigureAwait(false);
            try
            {
                return await worker.RunAsync(request, createWriter, settings, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                long limit = settings.Tiers[request.Tier].MemoryBytes;
                if (worker.HasExited || worker.ResidentBytes is not long rss || rss > RecycleBytes(limit))
                {
                    // Dead, killed, or holding memory it no longer needs: a fresh one takes the slot.
                    worker.Dispose();
                    slot.Worker = StartWorker();
                }
            }
        }
        finally
        {
            channel.Writer.TryWrite(slot);
        }
    }

    /// <summary>Resident memory past which an idle worker is replaced rather than reused.</summary>
    internal static long RecycleBytes(long limit) => Math.Min(limit / 2, 1L << 30);

    /// <summary>The slot's worker, started again if it failed to start or has died since. A start that fails twice fails the
    /// run (never as a cancel: only the run's own token or the engine's disposal is one), and the slot keeps the failed start,
    /// which the next run replaces.</summary>
    private async Task<EngineWorkerProcess> ReadyWorkerAsync(Slot slot, CancellationToken cancellationToken)
    {
        EngineWorkerProcess? worker = null;
        try
        {
            worker = await slot.Worker.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsStartFailure(e, cancellationToken))
        {
            // A start that timed out before decision 329 was a cancelled task: rethrown, every later run of the slot "stopped"
            // at once, nobody having cancelled it (hostile37's stuck executions).
            log($"engine worker could not start ({e.Message}); trying again");
        }
        if (worker is null || worker.HasExited)
        {
            worker?.Dispose();
            slot.Worker = StartWorker();
            try
            {
                worker = await slot.Worker.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (IsStartFailure(e, cancellationToken))
            {
                log($"engine worker could not start again ({e.Message}); the run fails");
                throw new QueryFailedException(new ExecutionError(ExecutionError.ExecutionFailed, e is TimeoutException
                    ? $"The query engine process did not start within {settings.StartTimeout.TotalSeconds.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)} s (the server is busy), so the query was not run. Try again later."
                    : "The query engine process could not start, so the query was not run. The server itself is still running; try again later."));
            }
        }
        return worker;
    }

    /// <summary>Whether a worker's start failed, as opposed to the run being cancelled or the engine disposed.</summary>
    private bool IsStartFailure(Exception e, CancellationToken cancellationToken) =>
        e is not OutOfMemoryException
        && !(e is OperationCanceledException && (cancellationToken.IsCancellationRequested || disposed.IsCancellationRequested));

    private Task<EngineWorkerProcess> StartWorker()
    {
        var started = EngineWorkerProcess.StartAsync(settings, init, log, disposed.Token);
        // A worker that finishes starting after the engine was disposed is not left running.
        _ = started.ContinueWith(t =>
        {
            if (t.IsCompletedSuccessfully && disposed.IsCancellationRequested)
            {
                t.Result.Dispose();
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return started;
    }

    public void Dispose()
    {
        disposed.Cancel();
        foreach (var channel in slots.Values)
        {
            while (channel.Reader.TryRead(out var slot))
            {
                if (slot.Worker.IsCompletedSuccessfully)
                {
                    slot.Worker.Result.Dispose();
                }
            }
        }
    }

    private sealed class Slot(Task<EngineWorkerProcess> worker)
    {
        public Task<EngineWorkerProcess> Worker { get; set; } = worker;
    }
}
