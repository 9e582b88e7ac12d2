using Microsoft.Extensions.Time.Testing;
using Strata.Application.Engine;
using Strata.Core.Engine;

namespace Strata.Tests.Application;

/// <summary>/readyz's engine probe: one real probe per period however often readiness is asked, and a broken engine reported within a period.</summary>
public sealed class CachedEngineProbeTests
{
    private sealed class CountingProbe : IEngineProbe
    {
        private int calls;

        public int Calls => Volatile.Read(ref calls);

        public Exception? Failure { get; set; }

        public TaskCompletionSource? Gate { get; set; }

        public async Task ProbeAsync(CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref calls);
            if (Gate is { } gate)
            {
                await gate.Task.WaitAsync(cancellationToken);
            }
            if (Failure is { } failure)
            {
                throw failure;
            }
        }
    }

    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Readiness_asked_many_times_in_a_period_probes_the_engine_once_and_again_after_it()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var inner = new CountingProbe();
        var probe = new CachedEngineProbe(inner, Ttl, time);
        for (int i = 0; i < 50; i++)
        {
            await probe.ProbeAsync(CancellationToken.None);
        }
        Assert.Equal(1, inner.Calls);
        time.Advance(Ttl - TimeSpan.FromMilliseconds(1));
        await probe.ProbeAsync(CancellationToken.None);
        Assert.Equal(1, inner.Calls);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await probe.ProbeAsync(CancellationToken.None);
        Assert.Equal(2, inner.Calls);
    }

    [Fact]
    public async Task An_engine_that_breaks_is_reported_within_a_period_and_a_recovered_one_too()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var inner = new CountingProbe();
        var probe = new CachedEngineProbe(inner, Ttl, time);
        await probe.ProbeAsync(CancellationToken.None);

        inner.Failure = new FileNotFoundException("the demo database is missing");
        await probe.ProbeAsync(CancellationToken.None); // the answer of this period
        time.Advance(Ttl);
        await Assert.ThrowsAsync<FileNotFoundException>(() => probe.ProbeAsync(CancellationToken.None));
        await Assert.ThrowsAsync<FileNotFoundException>(() => probe.ProbeAsync(CancellationToken.None));
        Assert.Equal(2, inner.Calls);

        inner.Failure = null;
        time.Advance(Ttl);
        await probe.ProbeAsync(CancellationToken.None);
        Assert.Equal(3, inner.Calls);
    }

    [Fact]
    public async Task Callers_during_a_hanging_probe_share_it_and_each_stops_waiting_on_its_own_token()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var inner = new CountingProbe { Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        var probe = new CachedEngineProbe(inner, Ttl, time);
        using var first = new CancellationTokenSource();
        var waiting = probe.ProbeAsync(first.Token);
        time.Advance(Ttl * 3);
        var second = probe.ProbeAsync(CancellationToken.None);
        await first.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        Assert.False(second.IsCompleted);
        inner.Gate.SetResult();
        await second.WaitAsync(Api.HangGuard);
        Assert.Equal(1, inner.Calls);
    }
}
