using Microsoft.Extensions.Time.Testing;

namespace Strata.Tests.Contracts;

/// <summary>
/// What the use cases ask of their clock (<see cref="TimeProvider"/>, the only one they read), run against the
/// server's clock (<see cref="TimeProvider.System"/>) and the use-case tests' <see cref="FakeTimeProvider"/>:
/// UTC readings that never go back, a timeout token (the tier timeout), a delay (schedulers, retries) and a
/// wait with a timeout (long polls), each ending once its time has passed and not before.
/// </summary>
public abstract class ClockContract
{
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan Long = TimeSpan.FromHours(1);

    /// <summary>A real-time bound on each wait, so that a clock that never fires fails the test instead of hanging it (a
    /// guard against a hang, never a verdict: <see cref="Api.HangGuard"/>).</summary>
    private static readonly TimeSpan Guard = Api.HangGuard;

    protected abstract TimeProvider Time { get; }

    /// <summary>Lets <paramref name="span"/> pass on the clock (the system clock: waits it out; the fake: advances).</summary>
    protected abstract Task PassAsync(TimeSpan span);

    [Fact]
    public async Task Readings_are_utc_and_move_forward_by_at_least_the_time_passed()
    {
        var before = Time.GetUtcNow();
        await PassAsync(Short);
        var after = Time.GetUtcNow();
        Assert.Equal(TimeSpan.Zero, before.Offset);
        Assert.True(after - before >= Short - TimeSpan.FromMilliseconds(2), $"{(after - before).TotalMilliseconds} ms passed");
    }

    [Fact]
    public async Task A_timeout_token_fires_once_its_time_has_passed_and_a_longer_one_does_not()
    {
        using var timeout = new CancellationTokenSource(Short, Time);
        using var longer = new CancellationTokenSource(Long, Time);
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = timeout.Token.Register(() => fired.TrySetResult());
        await PassAsync(Short);
        await fired.Task.WaitAsync(Guard);
        Assert.False(longer.IsCancellationRequested);
    }

    [Fact]
    public async Task A_delay_ends_once_its_time_has_passed_and_a_longer_one_does_not()
    {
        var delay = Task.Delay(Short, Time);
        var longer = Task.Delay(Long, Time);
        await PassAsync(Short);
        await delay.WaitAsync(Guard);
        Assert.False(longer.IsCompleted);
    }

    [Fact]
    public async Task A_wait_with_a_timeout_times_out_once_its_time_has_passed()
    {
        var never = new TaskCompletionSource();
        var wait = never.Task.WaitAsync(Short, Time);
        var longer = never.Task.WaitAsync(Long, Time);
        await PassAsync(Short);
        // The guard's own TimeoutException would escape the assertion (a clock that never fires fails here, not passes).
        await Assert.ThrowsAsync<TimeoutException>(() => wait).WaitAsync(Guard);
        Assert.False(longer.IsCompleted);
    }
}

public sealed class SystemClockContract : ClockContract
{
    protected override TimeProvider Time => TimeProvider.System;

    protected override Task PassAsync(TimeSpan span) => Task.Delay(span);
}

public sealed class FakeClockContract : ClockContract
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    protected override TimeProvider Time => time;

    protected override Task PassAsync(TimeSpan span)
    {
        time.Advance(span);
        return Task.CompletedTask;
    }
}
