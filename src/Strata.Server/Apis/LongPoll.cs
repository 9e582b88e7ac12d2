using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Strata.Application;
using Strata.Server.Auth;
using Strata.Server.Configuration;

namespace Strata.Server.Apis;

/// <summary>
/// <c>wait=&lt;seconds&gt;</c>: answer when the execution is terminal or the time is up (the wait itself is
/// <c>ExecutionService.WaitAsync</c>: a task completed by the worker that ends the execution). One owner holds at most
/// <see cref="HttpSafetyOptions.MaxWaitsPerOwner"/> waits at once (<see cref="LongPollSlots"/>); past it the request is
/// answered at once with the state as it is, as a wait that ran out would be.
/// </summary>
public static class LongPoll
{
    public const int MaxSeconds = 60;

    /// <summary>The wait asked for (zero when absent); a value that is not 0-60 seconds is refused.</summary>
    public static TimeSpan Wait(IQueryCollection query)
    {
        if (!query.TryGetValue("wait", out var text) || string.IsNullOrEmpty(text))
        {
            return TimeSpan.Zero;
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || double.IsNaN(seconds) || seconds < 0 || seconds > MaxSeconds)
        {
            throw new UseCaseException(UseCaseError.Invalid, $"wait must be a number of seconds from 0 to {MaxSeconds}, got '{Strata.Core.Security.EchoedText.Cut(text)}'");
        }
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The caller's wait of this request, held until disposed: <paramref name="wait"/> while the caller has a
    /// wait slot free, else zero (answered at once).</summary>
    public static LongPollSlots.Hold Enter(HttpContext context, TimeSpan wait) =>
        context.RequestServices.GetRequiredService<LongPollSlots>().Enter(context.Owner(), wait);
}

/// <summary>
/// The long polls one owner holds at once: each holds a connection and a registration until its execution ends or its
/// time is up (up to 60 s), so one key could otherwise hold as many as its rate limit allows (12,000 a minute by
/// default) and leave the connection limit to no one else. A concurrency limiter per owner, without a queue.
/// </summary>
public sealed class LongPollSlots(IOptions<HttpSafetyOptions> options) : IDisposable
{
    private readonly int perOwner = options.Value.MaxWaitsPerOwner;
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(owner =>
        options.Value.MaxWaitsPerOwner <= 0
            ? RateLimitPartition.GetNoLimiter(owner)
            : RateLimitPartition.GetConcurrencyLimiter(owner, _ => new ConcurrencyLimiterOptions { PermitLimit = options.Value.MaxWaitsPerOwner, QueueLimit = 0 }));

    /// <summary>A wait of <paramref name="owner"/>: the time asked while a slot is free (held until disposed), else zero.</summary>
    public Hold Enter(string owner, TimeSpan wait)
    {
        if (wait <= TimeSpan.Zero || perOwner <= 0)
        {
            return new Hold(wait, null);
        }
        var lease = limiter.AttemptAcquire(owner);
        if (lease.IsAcquired)
        {
            return new Hold(wait, lease);
        }
        lease.Dispose();
        return new Hold(TimeSpan.Zero, null);
    }

    /// <summary>The waits <paramref name="owner"/> holds now (for tests and diagnostics).</summary>
    public int Held(string owner) =>
        perOwner > 0 && limiter.GetStatistics(owner) is { } statistics ? perOwner - (int)statistics.CurrentAvailablePermits : 0;

    public void Dispose() => limiter.Dispose();

    /// <summary>The wait granted (zero when the owner's slots are taken) and the slot it holds.</summary>
    public readonly struct Hold(TimeSpan wait, RateLimitLease? lease) : IDisposable
    {
        public TimeSpan Wait { get; } = wait;

        public void Dispose() => lease?.Dispose();
    }
}
