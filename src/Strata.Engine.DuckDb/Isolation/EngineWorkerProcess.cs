using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Results;

namespace Strata.Engine.DuckDb.Isolation;

/// <summary>
/// The server's side of one engine worker process: starts it, runs executions on it one at a time,
/// watches its resident memory while it runs one, and kills it past the tier's limit, after a
/// cancellation the worker did not honour in time, or when it breaks the protocol.
/// </summary>
internal sealed class EngineWorkerProcess : IDisposable
{
    private readonly Process process;
    private readonly Stream toWorker;
    private readonly Stream fromWorker;
    private readonly SemaphoreSlim sendGate = new(1, 1);
    private int killed;

    private EngineWorkerProcess(Process process)
    {
        this.process = process;
        toWorker = process.StandardInput.BaseStream;
        fromWorker = process.StandardOutput.BaseStream;
    }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Resident memory now, in bytes; null once the process has ended.</summary>
    public long? ResidentBytes => NativeProcess.ResidentBytes(process);

    public static async Task<EngineWorkerProcess> StartAsync(EngineWorkerSettings settings, InitMessage init, Action<string> log, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(settings.Command.FileName, [.. settings.Command.Arguments, EngineWorker.Flag])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment[EngineWorker.ParentVariable] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        // One engine per process: the workstation collector keeps the worker's own heap small.
        info.Environment["DOTNET_gcServer"] = "0";
        // Optimised code from the first call: a worker serves only its share of the executions, so
        // with tiered compilation it would run unoptimised engine code for its first hundred or so.
        info.Environment["DOTNET_TieredCompilation"] = "0";
        var process = await WorkerSpawner.StartAsync(info).ConfigureAwait(false);
        int pid = process.Id;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                log($"engine worker {pid}: {(line.Length > 300 ? line[..300] + "..." : line)}");
            }
        };
        process.BeginErrorReadLine();
        var worker = new EngineWorkerProcess(process);
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(settings.StartTimeout);
            if (!await worker.SendAsync(WorkerFrames.Encode(FrameType.Init, init, WorkerJson.Default.InitMessage)).ConfigureAwait(false)
                || await WorkerFrames.ReadAsync(worker.fromWorker, timeout.Token).ConfigureAwait(false) is not { Type: FrameType.Ready })
            {
                throw new InvalidOperationException($"The engine worker process {pid} did not start{worker.ExitDescription()}.");
            }
            return worker;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The start timeout, not a cancel: as a cancel it reached the execution service as a run stopped by nobody
            // (decision 329; at load a start takes minutes).
            worker.Dispose();
            throw new TimeoutException($"The engine worker process {pid} did not start within {settings.StartTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s.");
        }
        catch
        {
            worker.Dispose();
            throw;
        }
    }

    /// <summary>Runs one execution. Throws as <see cref="IQueryEngine.ExecuteAsync"/> does.</summary>
    public async Task<EngineOutcome> RunAsync(EngineRequest request, Func<ResultSchema, ResultWriter> createWriter, EngineWorkerSettings settings, CancellationToken cancellationToken)
    {
        var tier = settings.Tiers[request.Tier];
        ResultWriter? writer = null;
        ResultSchema? schema = null;
        string? spill = null;
        Exception? writerError = null;
        bool ended = false;
        using var runEnded = new CancellationTokenSource();
        var watch = new MemoryWatch(this, tier.MemoryBytes, settings.MemoryPollInterval, runEnded.Token);
        cancellationToken.ThrowIfCancellationRequested();
        var registration = default(CancellationTokenRegistration);
        try
        {
            if (!await SendAsync(WorkerFrames.Encode(FrameType.Run, new RunMessage(request), WorkerJson.Default.RunMessage)).ConfigureAwait(false))
            {
                throw await DiedAsync(request, tier, watch, cancellationToken).ConfigureAwait(false);
            }
            // After the run is sent, so that a cancel cannot reach the worker before the run it stops.
            registration = cancellationToken.Register(() => _ = CancelAsync(settings.CancelGrace, runEnded.Token));
            while (true)
            {
                if (await WorkerFrames.ReadAsync(fromWorker, CancellationToken.None).ConfigureAwait(false) is not { } frame)
                {
                    throw await DiedAsync(request, tier, watch, cancellationToken).ConfigureAwait(false);
                }
                switch (frame.Type)
                {
                    case FrameType.Spill:
                        spill = WorkerFrames.Decode(frame.Payload, WorkerJson.Default.SpillMessage).Path;
                        break;
                    case FrameType.Schema when writer is null && writerError is null:
                        schema = new ResultSchema(WorkerFrames.Decode(frame.Payload, WorkerJson.Default.SchemaMessage).Columns);
                        WriteMessage answer;
                        try
                        {
                            writer = createWriter(schema);
                            answer = new WriteMessage(writer.HandOff(), writer.BatchRows, writer.BatchBytes);
                        }
                        catch (Exception e) when (e is not OutOfMemoryException)
                        {
                            writerError = e;
                            answer = new WriteMessage(null, 0, 0);
                        }
                        await SendAsync(WorkerFrames.Encode(FrameType.Write, answer, WorkerJson.Default.WriteMessage)).ConfigureAwait(false);
                        break;
                    case FrameType.Done when writer is not null && schema is not null:
                        ended = true;
                        var done = WorkerFrames.Decode(frame.Payload, WorkerJson.Default.DoneMessage);
                        writer.CompleteHandedOff();
                        return new EngineOutcome(schema, done.RowCount, done.ResultBytes, done.Truncated) { ShowedPrivate = done.ShowedPrivate };
                    case FrameType.Failed:
                        ended = true;
                        throw new QueryFailedException(WorkerFrames.Decode(frame.Payload, WorkerJson.Default.ExecutionError));
                    case FrameType.Cancelled:
                        ended = true;
                        if (writerError is not null)
                        {
                            ExceptionDispatchInfo.Throw(writerError);
                        }
                        throw new OperationCanceledException(cancellationToken);
                    case FrameType.Fault:
                        ended = true;
                        var fault = WorkerFrames.Decode(frame.Payload, WorkerJson.Default.FaultMessage);
                        throw fault.DiskFull
                            ? new IOException("No space left on device (engine worker writing the result)", 28)
                            : new InvalidOperationException($"The engine worker failed the execution: {fault.Message}");
                    default:
                        throw new InvalidDataException($"The engine worker sent an unexpected {frame.Type} frame.");
                }
            }
        }
        finally
        {
            await registration.DisposeAsync().ConfigureAwait(false);
            await runEnded.CancelAsync().ConfigureAwait(false);
            if (!ended)
            {
                // A broken exchange: nothing may write the result file once it is deleted below.
                Kill();
            }
            if (process.HasExited || !ended)
            {
                await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                if (spill is not null)
                {
                    SpillDirectory.TryDelete(spill);
                }
            }
            writer?.Dispose();
        }
    }

    /// <summary>Asks the worker to stop the run; kills it when it has not stopped within the grace period.</summary>
    private async Task CancelAsync(TimeSpan grace, CancellationToken runEnded)
    {
        if (!await SendAsync(WorkerFrames.Encode(FrameType.Cancel)).ConfigureAwait(false))
        {
            return;
        }
        try
        {
            await Task.Delay(grace, runEnded).ConfigureAwait(false);
            Kill();
        }
        catch (OperationCanceledException)
        {
            // The run ended in time.
        }
    }

    private async Task<Exception> DiedAsync(EngineRequest request, WorkerTierSettings tier, MemoryWatch watch, CancellationToken cancellationToken)
    {
        await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        if (watch.Exceeded)
        {
            return new QueryFailedException(new ExecutionError(ExecutionError.ExecutionFailed,
                $"Out of Memory Error: The query needed more than {tier.MemoryBytes >> 20} MiB of memory (the {request.Tier.ToWire()} tier's limit, "
                + $"setting {tier.SettingName}) and was stopped. Build smaller values, or aggregate or filter the data earlier."));
        }
        if (cancellationToken.IsCancellationRequested)
        {
            return new OperationCanceledException(cancellationToken);
        }
        return new QueryFailedException(new ExecutionError(ExecutionError.ExecutionFailed,
            $"The query engine process running this query stopped unexpectedly{ExitDescription()}, so the query failed. "
            + "The server itself is still running; running the query again may fail the same way."));
    }

    private string ExitDescription()
    {
        if (!process.HasExited)
        {
            return "";
        }
        int code = process.ExitCode;
        return code > 128 && !OperatingSystem.IsWindows()
            ? $" (killed by signal {code - 128}{(code - 128 == 9 ? ", possibly by the system for lack of memory" : "")})"
            : $" (exit code {code})";
    }

    /// <summary>Sends a frame; false when the worker is gone.</summary>
    private async Task<bool> SendAsync(byte[] frame)
    {
        await sendGate.WaitAsync().ConfigureAwait(false);
        try
        {
            await toWorker.WriteAsync(frame).ConfigureAwait(false);
            await toWorker.FlushAsync().ConfigureAwait(false);
            return true;
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            return false;
        }
        finally
        {
            sendGate.Release();
        }
    }

    /// <summary>SIGKILL (once).</summary>
    public void Kill()
    {
        if (Interlocked.Exchange(ref killed, 1) == 1)
        {
            return;
        }
        try
        {
            process.Kill();
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // It has ended already.
        }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
        sendGate.Dispose();
    }

    /// <summary>Polls the worker's resident memory while one run lasts and kills it past the limit.</summary>
    private sealed class MemoryWatch
    {
        private volatile bool exceeded;

        public MemoryWatch(EngineWorkerProcess worker, long limit, TimeSpan interval, CancellationToken runEnded)
        {
            _ = Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(interval);
                try
                {
                    while (await timer.WaitForNextTickAsync(runEnded).ConfigureAwait(false))
                    {
                        if (worker.ResidentBytes is not long rss)
                        {
                            return;
                        }
                        if (rss > limit)
                        {
                            exceeded = true;
                            worker.Kill();
                            return;
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                    // The run ended.
                }
            }, CancellationToken.None);
        }

        public bool Exceeded => exceeded;
    }

    /// <summary>
    /// Starts processes from one thread that lives as long as the server: the kernel's parent-death
    /// signal follows the thread that started a child, not the process.
    /// </summary>
    private static class WorkerSpawner
    {
        private static readonly BlockingCollection<(ProcessStartInfo Info, TaskCompletionSource<Process> Started)> Requests = [];
        private static readonly Lazy<Thread> Spawner = new(() =>
        {
            var thread = new Thread(() =>
            {
                foreach (var (info, started) in Requests.GetConsumingEnumerable())
                {
                    try
                    {
                        started.SetResult(Process.Start(info) ?? throw new InvalidOperationException("The engine worker process did not start."));
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        started.SetException(e);
                    }
                }
            })
            { IsBackground = true, Name = "engine worker spawner" };
            thread.Start();
            return thread;
        });

        public static Task<Process> StartAsync(ProcessStartInfo info)
        {
            _ = Spawner.Value;
            var started = new TaskCompletionSource<Process>(TaskCreationOptions.RunContinuationsAsynchronously);
            Requests.Add((info, started));
            return started.Task;
        }
    }
}
