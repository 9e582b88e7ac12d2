namespace Strata.Node.JsonRpc;

/// <summary>
/// Paces JSON-RPC calls: at most the configured rate, and slower while the node rate-limits. A rate limit
/// halves the current rate (starting from the rate actually sent when there was no limit), at most once per
/// <see cref="DecreaseInterval"/>: the many requests in flight when a node starts refusing all come back
/// refused, and that is one signal, not one per request (else a steady share of 429s drove the rate to its
/// floor). Each request that succeeds raises it by 2% again, up to the configured rate.
/// </summary>
public sealed class RequestPacer(double? maxRate, TimeProvider time)
{
    private const double MinRate = 0.5;

    /// <summary>Rate limits closer together than this halve the rate once.</summary>
    public static readonly TimeSpan DecreaseInterval = TimeSpan.FromSeconds(1);

    private long? lastDecrease;
    private readonly object gate = new();
    private readonly Queue<(long Ticks, int Calls)> recent = new();
    private double rate = maxRate ?? double.PositiveInfinity;
    private long nextFree = time.GetTimestamp();

    /// <summary>The current rate limit in calls per second (infinity: none).</summary>
    public double Rate
    {
        get
        {
            lock (gate)
            {
                return rate;
            }
        }
    }

    /// <summary>Waits until <paramref name="calls"/> calls may go out.</summary>
    public async Task WaitAsync(int calls, CancellationToken cancellationToken)
    {
        TimeSpan wait;
        lock (gate)
        {
            long now = time.GetTimestamp();
            Record(now, calls);
            if (double.IsPositiveInfinity(rate))
            {
                return;
            }
            long start = Math.Max(now, nextFree);
            nextFree = start + (long)(calls / rate * time.TimestampFrequency);
            wait = TimeSpan.FromSeconds((start - now) / (double)time.TimestampFrequency);
        }
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The node said "too many requests": halves the rate (once per <see cref="DecreaseInterval"/>).</summary>
    public void Throttled()
    {
        lock (gate)
        {
            long now = time.GetTimestamp();
            if (lastDecrease is long last && time.GetElapsedTime(last, now) < DecreaseInterval)
            {
                return;
            }
            lastDecrease = now;
            double current = double.IsPositiveInfinity(rate) ? SentRate(now) : rate;
            rate = Math.Max(MinRate, current / 2);
        }
    }

    /// <summary>A request went through: the rate recovers a little.</summary>
    public void Succeeded()
    {
        lock (gate)
        {
            if (double.IsPositiveInfinity(rate))
            {
                return;
            }
            rate *= 1.02;
            if (maxRate is double max ? rate >= max : rate > 1_000_000)
            {
                rate = maxRate ?? double.PositiveInfinity;
            }
        }
    }

    private void Record(long now, int calls)
    {
        recent.Enqueue((now, calls));
        while (recent.Count > 0 && now - recent.Peek().Ticks > 2 * time.TimestampFrequency)
        {
            recent.Dequeue();
        }
    }

    /// <summary>Calls sent per second over the last two seconds (at least <see cref="MinRate"/>).</summary>
    private double SentRate(long now)
    {
        Record(now, 0);
        return Math.Max(MinRate * 2, recent.Sum(r => r.Calls) / 2.0);
    }
}
