using Microsoft.Extensions.Time.Testing;
using Strata.Node.JsonRpc;

namespace Strata.Tests.Ingest;

/// <summary>The JSON-RPC client's pacing under a node's rate limits, on a fake clock.</summary>
public sealed class RequestPacerTests
{
    [Fact]
    public void Rate_limits_arriving_together_halve_the_rate_once()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new RequestPacer(100, time);

        // Sixteen requests in flight all come back 429 at once: one signal.
        for (int i = 0; i < 16; i++)
        {
            pacer.Throttled();
        }
        Assert.Equal(50, pacer.Rate, 6);

        time.Advance(RequestPacer.DecreaseInterval);
        pacer.Throttled();
        Assert.Equal(25, pacer.Rate, 6);
    }

    [Fact]
    public void A_steady_share_of_rate_limits_leaves_a_working_rate()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var pacer = new RequestPacer(200, time);

        // 15% of calls refused, spread evenly, at the pace the pacer allows, for a simulated minute.
        int calls = 0;
        while (time.GetUtcNow() < DateTimeOffset.UnixEpoch.AddMinutes(1))
        {
            if (++calls % 7 == 0)
            {
                pacer.Throttled();
            }
            else
            {
                pacer.Succeeded();
            }
            time.Advance(TimeSpan.FromSeconds(1 / pacer.Rate));
        }
        // Before: every refusal halved the rate and it sank to the 0.5 calls/s floor.
        Assert.True(pacer.Rate >= 20, $"rate {pacer.Rate:0.##} calls/s after a minute of 15% rate limits");
        Assert.True(calls >= 1_000, $"{calls} calls in a simulated minute");
    }
}
