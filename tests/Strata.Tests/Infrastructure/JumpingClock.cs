using Microsoft.Extensions.Time.Testing;

namespace Strata.Tests.Infrastructure;

/// <summary>
/// A fake clock whose waits end at once: a timer made for a due time moves the clock forward by that time (from the
/// thread pool, once the timer exists), so the timer fires and the waiter then reads the time it would have read after
/// a real wait. For code that waits through its <see cref="TimeProvider"/> one wait at a time (a client's backoff and
/// pacing): waits made at once each move the clock by their whole due time.
/// </summary>
public sealed class JumpingClock : FakeTimeProvider
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime != Timeout.InfiniteTimeSpan)
        {
            ThreadPool.QueueUserWorkItem(_ => Advance(dueTime));
        }
        return timer;
    }
}
