using System.Globalization;
using System.Net;

namespace Strata.Tests;

/// <summary>
/// Issue 9 item 3 (critical defect 3): no query may take the machine's memory. Executions run in
/// engine worker processes whose resident memory is watched: a query that builds a value too large
/// for its tier fails naming the limit, only its worker is killed, and the server stays up and
/// small. Real servers, with a 256 MB DuckDB limit and a 768 MiB worker limit: one shared by the
/// class (each test waits for its executions to end, so the next finds every slot free), and one of
/// its own for the test that kills the server.
/// </summary>
public sealed class EngineProcessTests(EngineProcessTests.LimitedServer fixture) : IClassFixture<EngineProcessTests.LimitedServer>
{
    private const long WorkerLimit = 768L << 20;

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Strata__Medium__MemoryLimit"] = "256MB",
        ["Strata__Medium__WorkerMemoryBytes"] = WorkerLimit.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The server the tests that do not kill it share.</summary>
    public sealed class LimitedServer : IAsyncLifetime
    {
        public StrataServer Server { get; private set; } = null!;

        public async Task InitializeAsync() => Server = await StrataServer.StartAsync(settings: Settings);

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    /// <summary>A query that runs for hours and holds little memory.</summary>
    // It reads a demo table so that its worker holds the demo database open (decision 230 attaches it only then),
    // which is how RunningWorkerAsync tells the worker running it.
    private const string LongQuery = "select a.range as x from range(1000000) a, range(1000000) b "
        + "where a.range + b.range < (select count(*) - count(*) from ethereum.blocks)";

    public static TheoryData<string> TooLarge => new()
    {
        // DuckDB builds the whole list (8 GB) at once, outside its memory limit.
        "select range(1000000000) as l",
        // A 1.5 GB list of texts, also outside the memory limit: 96 values of 16 MB (lpad, format and, since decision 315,
        // a concatenation refuse one value past 16 MiB; a list of them is bounded by the worker's memory).
        "select cardinality(transform(sequence(1, 96), i -> lpad(c, 16000000, 'y'))) as n from (values 'x') as t(c)",
    };

    [Theory]
    [MemberData(nameof(TooLarge))]
    public async Task A_query_past_the_worker_memory_limit_fails_naming_it_while_the_server_stays_small_and_serves_another_owner(string sql)
    {
        var server = fixture.Server;
        // The peak is measured from here: what an earlier test of the shared server reached does not count.
        ResetPeak(server.ProcessId);
        string id = await server.Alice.SubmitAsync(sql);
        await server.Alice.WaitForStateAsync(id, "QUERY_STATE_EXECUTING");
        var other = await server.Bob.RunAsync("select 1 as x");
        Assert.Equal(1, other["result"]!["rows"]![0]!["x"]!.GetValue<int>());
        var status = await WhileTheWorkersGrowAsync(server, id);
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        string message = status["error"]!["message"]!.GetValue<string>();
        Assert.Contains("needed more than 768 MiB of memory (the medium tier's limit", message, StringComparison.Ordinal);
        Assert.Contains("Strata__Medium__WorkerMemoryBytes", message, StringComparison.Ordinal);
        // The value alone is 1.5-8 GB; the server never held it.
        long peak = StatusKib(server.ProcessId, "VmHWM:");
        Assert.True(peak < 1024 * 1024, $"server peak RSS {peak} KiB");
        // The slot is usable again, by the same owner.
        var again = await server.Alice.RunAsync("select 2 as y");
        Assert.Equal(2, again["result"]!["rows"]![0]!["y"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_worker_killed_mid_query_fails_only_that_execution_and_the_next_one_succeeds()
    {
        var server = fixture.Server;
        string id = await server.Alice.SubmitAsync(LongQuery);
        await server.Alice.WaitForStateAsync(id, "QUERY_STATE_EXECUTING");
        // Only the worker running it: a worker still starting up when the query arrived would be
        // replaced, and the query would run on the new one.
        int running = await RunningWorkerAsync(server.ProcessId);
        Signal(running, "KILL");
        var status = await server.Alice.WaitAsync(id, timeout: Api.HangGuard);
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        string message = status["error"]!["message"]!.GetValue<string>();
        Assert.Contains("query engine process running this query stopped unexpectedly (killed by signal 9", message, StringComparison.Ordinal);
        Assert.Contains("server itself is still running", message, StringComparison.Ordinal);
        var next = await server.Alice.RunAsync("select 3 as z");
        Assert.Equal(3, next["result"]!["rows"]![0]!["z"]!.GetValue<int>());
        var fresh = await WorkersAsync(server.ProcessId, atLeast: 1);
        Assert.DoesNotContain(running, fresh);
    }

    [Fact]
    public async Task Cancelling_a_long_query_stops_it_promptly_and_frees_its_slot()
    {
        var server = fixture.Server;
        string id = await server.Alice.SubmitAsync(LongQuery);
        await server.Alice.WaitForStateAsync(id, "QUERY_STATE_EXECUTING");
        var started = DateTime.UtcNow;
        var (code, _, _) = await server.Alice.PostJsonAsync($"/api/v1/execution/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, code);
        var status = await server.Alice.WaitAsync(id, timeout: Api.HangGuard);
        Assert.Equal("QUERY_STATE_CANCELLED", status["state"]!.GetValue<string>());
        // Alice may run one execution per tier at a time (2 slots, running quota 1): hers must have ended.
        var next = await server.Alice.RunAsync("select 4 as w");
        Assert.Equal(4, next["result"]!["rows"]![0]!["w"]!.GetValue<int>());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(30), "the slot stayed busy");
    }

    [Fact]
    public async Task Killing_the_server_leaves_no_engine_worker_running()
    {
        var server = await StrataServer.StartAsync(settings: Settings);
        try
        {
            string id = await server.Alice.SubmitAsync(LongQuery);
            await server.Alice.WaitForStateAsync(id, "QUERY_STATE_EXECUTING");
            // Two medium slots and one large: three warm workers, one of them running.
            var workers = await WorkersAsync(server.ProcessId, atLeast: 3);
            Signal(server.ProcessId, "KILL");
            var deadline = DateTime.UtcNow + Api.HangGuard;
            while (workers.Any(Alive) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }
            Assert.DoesNotContain(workers, Alive);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>
    /// Waits for the execution to end for as long as the server's engine workers make progress: each round is a long poll
    /// of up to 30 s, and a round that ends with the execution still running must have seen a worker's peak resident size
    /// (VmHWM) grow, or a worker end (the kill at the limit, its end not yet recorded). The verdict is then the memory
    /// watch's, on a machine of any speed: a slow climb takes more rounds, and only workers that stopped growing below
    /// their limit without the execution ending (a watch that never fires, a hang) fail here. An outer bound of 20 minutes
    /// keeps a server that restarts its workers for ever (each end counted as progress) from holding CI's 90.
    /// </summary>
    private static async Task<JsonNode> WhileTheWorkersGrowAsync(StrataServer server, string id)
    {
        var peaks = WorkerPeaksKib(await WorkersAsync(server.ProcessId, atLeast: 1));
        var outer = DateTime.UtcNow + TimeSpan.FromMinutes(20);
        while (true)
        {
            Assert.True(DateTime.UtcNow < outer, $"execution {id} ran past 20 minutes while its workers kept growing or ending");
            var (code, body, _) = await server.Alice.GetJsonAsync($"/api/v1/execution/{id}/status?wait=30");
            Assert.Equal(HttpStatusCode.OK, code);
            if (body!["is_execution_finished"]!.GetValue<bool>())
            {
                return body;
            }
            var now = WorkerPeaksKib(await WorkersAsync(server.ProcessId, atLeast: 1));
            bool progress = peaks.Any(p => !now.TryGetValue(p.Key, out long kib) || kib > p.Value);
            Assert.True(progress, $"execution {id} still {body["state"]} and no engine worker grew or ended in a round: {string.Join(", ", now)}");
            peaks = now;
        }
    }

    /// <summary>The peak resident size of each of <paramref name="workers"/> still there, in KiB.</summary>
    private static Dictionary<int, long> WorkerPeaksKib(int[] workers)
    {
        var peaks = new Dictionary<int, long>();
        foreach (int pid in workers)
        {
            try
            {
                peaks[pid] = StatusKib(pid, "VmHWM:");
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                // Ended (killed at its limit) while being read.
            }
        }
        return peaks;
    }

    /// <summary>The server's engine workers (its children started with --engine-worker), once there are at least so many.</summary>
    internal static async Task<int[]> WorkersAsync(int serverPid, int atLeast)
    {
        var deadline = DateTime.UtcNow + Api.HangGuard;
        while (true)
        {
            var found = new List<int>();
            foreach (string dir in Directory.GetDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out int pid))
                {
                    continue;
                }
                try
                {
                    string stat = File.ReadAllText(Path.Combine(dir, "stat"));
                    string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                    string cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                    if (fields[0] != "Z" && int.Parse(fields[1], CultureInfo.InvariantCulture) == serverPid && cmdline.Contains("--engine-worker", StringComparison.Ordinal))
                    {
                        found.Add(pid);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Ended while being read, or not ours to read.
                }
            }
            if (found.Count >= atLeast || DateTime.UtcNow > deadline)
            {
                Assert.True(found.Count >= atLeast, $"found {found.Count} engine workers of {serverPid}");
                return [.. found];
            }
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// The engine worker running the server's one execution: while a query runs, its worker has the
    /// demo database attached; idle workers have none open (a worker warming up has it open for a
    /// moment, so the same single worker must hold it for two seconds in a row).
    /// </summary>
    private static async Task<int> RunningWorkerAsync(int serverPid)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        int last = 0, seen = 0;
        while (DateTime.UtcNow < deadline)
        {
            var holders = new List<int>();
            foreach (int pid in await WorkersAsync(serverPid, atLeast: 1))
            {
                try
                {
                    if (Directory.GetFiles($"/proc/{pid}/fd").Any(fd =>
                        File.ResolveLinkTarget(fd, returnFinalTarget: false)?.FullName.EndsWith("demo.duckdb", StringComparison.Ordinal) == true))
                    {
                        holders.Add(pid);
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Ended, or a descriptor closed while being read.
                }
            }
            seen = holders.Count == 1 && holders[0] == last ? seen + 1 : 0;
            last = holders.Count == 1 ? holders[0] : 0;
            if (seen >= 8)
            {
                return last;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"no single engine worker of {serverPid} kept the demo database open");
    }

    /// <summary>True while the process exists and is not a zombie waiting to be reaped.</summary>
    private static bool Alive(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("kill", [$"-{signal}", pid.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <summary>
    /// Sets the process's peak resident size (VmHWM) back to its current resident size (Linux's
    /// <c>/proc/PID/clear_refs</c>, value 5), so that a test of a shared server measures its own peak.
    /// </summary>
    internal static void ResetPeak(int pid) => File.WriteAllText($"/proc/{pid}/clear_refs", "5");

    private static long StatusKib(int pid, string field)
    {
        string line = File.ReadAllLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
