using System.Collections.Concurrent;

namespace Strata.Application.Executions;

/// <summary>
/// Wakes whoever waits for an execution to end (long polls) and reaches the run of an execution to
/// cancel it. In one process this is memory (<see cref="LocalExecutionSignals"/>); several nodes would
/// carry the same signals over their shared store.
/// </summary>
public interface IExecutionSignals
{
    /// <summary>Completes when <see cref="Finished"/> is signalled for the execution (register before re-reading its state).</summary>
    Task WhenFinishedAsync(string executionId);

    /// <summary>The execution ended (or a waiter found it ended): wakes its waiters.</summary>
    void Finished(string executionId);

    /// <summary>Wakes every waiter (the server is stopping; they answer with the state as it is).</summary>
    void WakeAll();

    /// <summary>Marks a run as in progress here; disposing the registration ends it.</summary>
    IDisposable Running(string executionId, CancellationTokenSource cancel);

    /// <summary>True when the execution runs here now.</summary>
    bool IsRunning(string executionId);

    /// <summary>
    /// Asks the run of an execution to stop: here, or, with signals shared by several nodes, on the node running it.
    /// True when it was asked (the in-process signals: it runs here; shared signals: always, the message goes to
    /// every node); the use cases do not depend on the answer.
    /// </summary>
    Task<bool> CancelAsync(string executionId);
}

/// <summary>The in-process <see cref="IExecutionSignals"/>: a task per waited execution and the cancellation source of each run.</summary>
public sealed class LocalExecutionSignals : IExecutionSignals
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> running = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, TaskCompletionSource> finished = new(StringComparer.Ordinal);

    public Task WhenFinishedAsync(string executionId) =>
        finished.GetOrAdd(executionId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public void Finished(string executionId)
    {
        if (finished.TryRemove(executionId, out var tcs))
        {
            tcs.TrySetResult();
        }
    }

    public void WakeAll()
    {
        foreach (var id in finished.Keys)
        {
            Finished(id);
        }
    }

    public IDisposable Running(string executionId, CancellationTokenSource cancel)
    {
        running[executionId] = cancel;
        return new Registration(this, executionId);
    }

    public bool IsRunning(string executionId) => running.ContainsKey(executionId);

    /// <summary>How many executions have a registered waiter (tests: registrations must not outlive their waits).</summary>
    internal int Waited => finished.Count;

    /// <summary>The executions running here now.</summary>
    public IReadOnlyCollection<string> RunningIds => running.Keys.ToList();

    public async Task<bool> CancelAsync(string executionId)
    {
        if (!running.TryGetValue(executionId, out var cts))
        {
            return false;
        }
        try
        {
            await cts.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The run ended between the lookup and the cancel.
        }
        return true;
    }

    private sealed class Registration(LocalExecutionSignals owner, string executionId) : IDisposable
    {
        public void Dispose() => owner.running.TryRemove(executionId, out _);
    }
}
