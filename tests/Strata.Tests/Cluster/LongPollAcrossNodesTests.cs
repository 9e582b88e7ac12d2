using System.Diagnostics;
using System.Net;
using Strata.Server.Apis;

namespace Strata.Tests.Cluster;

/// <summary>
/// A long poll on one node wakes when the execution ends on another (LISTEN/NOTIFY through PostgreSQL), by the test's
/// order (test-speed6): two nodes of one cluster run in this process, each with its engine behind an
/// <see cref="EngineGate"/>, so the run is held at whichever node claimed it until the other node's wait is armed (its
/// long-poll slot held: <see cref="LongPollSlots.Held"/>, a state readable only in process). Before, the nodes were
/// processes and a run of <c>Slow</c>'s length raced the poll: a run that ended before the wait began proved nothing.
/// The node processes' own cases stay in <see cref="ClusterTests"/>; here a node's process is not the subject.
/// </summary>
public sealed class LongPollAcrossNodesTests
{
    /// <summary>The longest wait the API grants: a wait that ran out answers no sooner than this after it was armed.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_long_poll_on_one_node_wakes_when_the_execution_ends_on_another()
    {
        var postgres = await PostgresServer.Shared;
        string database = await postgres.CreateDatabaseAsync();
        var settings = ClusterFixture.ClusterSettings(postgres.ConnectionString(database));
        string dataDir = Path.Combine(Path.GetTempPath(), "strata-longpoll-" + Guid.NewGuid().ToString("N"));
        try
        {
            var gateA = new EngineGate();
            var gateB = new EngineGate();
            await using var a = await InProcessServer.StartInAsync(dataDir, settings, services: gateA.HoldRuns);
            await using var b = await InProcessServer.StartInAsync(dataDir, settings, services: gateB.HoldRuns);
            string id = await a.Alice.SubmitAsync("select 6 * 7 as n");
            // Either node may claim it; the run waits at that node's engine.
            var entered = await Task.WhenAny(gateA.Entered, gateB.Entered).WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(id, (await entered).ExecutionId);
            var (runner, runnerGate, waiter) = entered == gateA.Entered ? (a, gateA, b) : (b, gateB, a);

            var poll = waiter.Alice.GetJsonAsync($"/api/v1/execution/{id}/status?wait={Wait.TotalSeconds:F0}");
            var slots = waiter.Services<LongPollSlots>();
            var deadline = Stopwatch.StartNew();
            while (slots.Held("alice") == 0 && !poll.IsCompleted)
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromMinutes(2), "the waiting node never took the long poll's slot");
                await Task.Delay(10);
            }
            // The run is held: a poll that answered already did not wait.
            if (poll.IsCompleted)
            {
                Assert.Fail($"the long poll answered while the run was held: {(await poll).Body?.ToJsonString()}");
            }
            var armed = Stopwatch.StartNew();
            runnerGate.Open();
            var (status, body, _) = await poll.WaitAsync(Wait + TimeSpan.FromMinutes(2));
            var answered = armed.Elapsed;
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Equal("QUERY_STATE_COMPLETED", body!["state"]!.GetValue<string>());
            // A wait that ran out answers no sooner than its whole time after it was armed; this one answered at the end.
            Assert.True(answered < Wait, $"the long poll answered {answered} after the run was let go: its time ran out");
            Assert.Contains($"Execution {id} ended QUERY_STATE_COMPLETED", runner.Output, StringComparison.Ordinal);
            Assert.DoesNotContain($"Execution {id} started", waiter.Output, StringComparison.Ordinal);
            var rows = await waiter.Alice.GetFromJsonNodeAsync($"/api/v1/execution/{id}/results");
            Assert.Equal(42, rows["result"]!["rows"]![0]!["n"]!.GetValue<int>());
        }
        finally
        {
            StrataServer.TryDelete(dataDir);
        }
    }
}
