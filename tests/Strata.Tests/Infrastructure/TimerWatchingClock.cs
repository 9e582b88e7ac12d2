using Microsoft.Extensions.Time.Testing;

namespace Strata.Tests.Infrastructure;

/// <summary>
/// A fake clock that tells a test when a timer of a given due time has been made: the state to wait on before moving the
/// clock, so that a wait armed after some asynchronous work (a store read) is armed before the clock moves past it.
/// </summary>
public sealed class TimerWatchingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Lock gate = new();
    private readonly List<TimeSpan> made = [];
    private readonly List<(TimeSpan Due, TaskCompletionSource Made)> waiters = [];

    /// <summary>Completes once a timer due <paramref name="due"/> after its making has been made (at once if one was).</summary>
    public Task TimerMadeAsync(TimeSpan due)
    {
        lock (gate)
        {
            if (made.Contains(due))
            {
                return Task.CompletedTask;
            }
            var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((due, waiter));
            return waiter.Task;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        List<TaskCompletionSource> ready;
        lock (gate)
        {
            made.Add(dueTime);
            ready = waiters.Where(w => w.Due == dueTime).Select(w => w.Made).ToList();
            waiters.RemoveAll(w => w.Due == dueTime);
        }
        ready.ForEach(r => r.SetResult());
        return timer;
    }
}
