using System.Diagnostics;

namespace Strata.Tests.Infrastructure;

/// <summary>
/// Long polls on an execution until one answers it finished, each for the longest wait allowed: a test of the wake-up
/// then does not depend on how long the run takes on the machine (a wait that runs out with the run going on is followed
/// by another). The last wait's timing tells a wake-up from a wait that ran out.
/// </summary>
public static class LongPollRounds
{
    /// <summary>The longest wait a status request may ask (the server's <c>LongPoll.MaxSeconds</c>).</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(Strata.Server.Apis.LongPoll.MaxSeconds);

    /// <summary>The answer of the last wait, when the first was sent, when the last was answered and how long it took.</summary>
    public sealed record Outcome(JsonNode Body, DateTimeOffset FirstSent, DateTimeOffset Received, TimeSpan LastTook, int Waits);

    /// <summary>Waits until an answer is finished or one comes before its wait ran out (the caller asserts which); at
    /// most <paramref name="rounds"/> waits.</summary>
    public static async Task<Outcome> UntilFinishedAsync(HttpClient client, string id, int rounds = 10)
    {
        var firstSent = DateTimeOffset.UtcNow;
        for (int round = 1; ; round++)
        {
            var clock = Stopwatch.StartNew();
            var (status, body, _) = await client.GetJsonAsync($"/api/v1/execution/{id}/status?wait={(int)Wait.TotalSeconds}").ConfigureAwait(false);
            var received = DateTimeOffset.UtcNow;
            clock.Stop();
            Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
            bool ranOut = clock.Elapsed >= Wait && !body!["is_execution_finished"]!.GetValue<bool>();
            if (!ranOut || round == rounds)
            {
                return new Outcome(body!, firstSent, received, clock.Elapsed, round);
            }
        }
    }
}
