using System.Text;

namespace Strata.Tests;

/// <summary>
/// kill -9 while an upload is in flight: after a restart on the same data directory the table is exactly
/// as before (or, once the whole body was sent, as before or with all of it), the server starts cleanly,
/// and no temporary or orphaned part files are left under uploads/.
/// The cases share one data directory (<see cref="Chain"/>): each kills the server it is given and starts the next on
/// the directory, which is both the restart it checks and the server the next case starts from (four server starts for
/// the three kills, not six). Each case's table is its own; its part files are compared with the set it saw before its
/// upload, so what an earlier case left under uploads/ changes no outcome; a case that failed before its kill leaves no
/// upload in flight to the next (<see cref="UploadCrashTests.Chain.Unfinished"/>), and a spool wait counts only the case's own spool.
/// Each case writes its phases with their seconds (the TRX keeps them).
/// </summary>
public sealed class UploadCrashTests(UploadCrashTests.Chain chain, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<UploadCrashTests.Chain>
{
    private readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();

    /// <summary>Writes where the case is, with the seconds since it began (the TRX keeps it): where its time went.</summary>
    private void Phase(string what) => output.WriteLine($"{clock.Elapsed.TotalSeconds,7:F1} s  {what}");

    /// <summary>The class's data directory and the server alive on it (started on first use, and again after a case
    /// that failed with it dead).</summary>
    public sealed class Chain : IAsyncLifetime
    {
        private StrataServer? server;

        /// <summary>
        /// What ends the upload a case left in flight on the live server (set when the case starts it, cleared by its
        /// kill): a case that failed between the two leaves its request held on the gate, and the next case ends it
        /// before it takes the server, so no upload of an earlier case is in flight (or spooled) during another's.
        /// </summary>
        public Func<Task>? Unfinished { get; set; }

        public string DataDir { get; } = Path.Combine(Path.GetTempPath(), "strata-test-" + Guid.NewGuid().ToString("N"));

        /// <summary>How the class's first server came up (written by the first case): the set-up is the class's, not a
        /// case's. (The first case in xunit's order, the csv replace, paid it: the first start and, in a run where no
        /// server had started before, the run's demo template: 50 s at load 33, 315 s at load 50-75, test-speed11.)</summary>
        private readonly List<string> setUp = [];

        /// <summary>Starts the first server (the demo data copied in, the run's template made if none is yet).</summary>
        public async Task InitializeAsync()
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await ServerAsync(what => setUp.Add($"{clock.Elapsed.TotalSeconds,7:F1} s  class set-up: {what}"));
        }

        /// <summary>The server on <see cref="DataDir"/>: the one the last case restarted, or a new one (its steps written
        /// to <paramref name="phase"/>).</summary>
        public async Task<StrataServer> ServerAsync(Action<string> phase)
        {
            foreach (string line in setUp)
            {
                phase(line);
            }
            setUp.Clear();
            if (Unfinished is { } end)
            {
                Unfinished = null;
                if (server is { HasExited: false })
                {
                    await end();
                }
            }
            if (server is null || server.HasExited)
            {
                if (server is not null)
                {
                    await server.DisposeAsync();
                }
                Directory.CreateDirectory(DataDir);
                DemoTemplate.CopyInto(DataDir, DemoTemplate.ServerScale);
                phase("demo data copied in (the run's template made first if no start before made it)");
                server = await StrataServer.StartAsync(DataDir);
                phase("server started");
            }
            return server;
        }

        /// <summary>After the case killed the server: a new process on the same directory.</summary>
        public async Task<StrataServer> RestartAsync()
        {
            Assert.True(server is { HasExited: true }, "the case kills the server before the restart");
            Unfinished = null;
            await server!.DisposeAsync();
            server = null;
            server = await StrataServer.StartAsync(DataDir);
            return server;
        }

        public async Task DisposeAsync()
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
            StrataServer.TryDelete(DataDir);
        }
    }

    private const int PreRows = 1000;

    /// <summary>
    /// Rows of about 60 bytes: a body of this many rows is about 9 MB, more than the client sends before it pauses
    /// (<see cref="PauseBytes"/>). It was 900,000 (54 MB, the pause at 24 MB "past the socket and server buffers"): a
    /// size standing in for "the server has read part of the body", which <see cref="SpooledAsync"/> now observes.
    /// </summary>
    private const int BigRows = 150_000;

    /// <summary>What the client writes and flushes before it waits on the gate (the in-flight cases).</summary>
    private const long PauseBytes = 4L << 20;

    /// <summary>What the server's spool of the body holds before the in-flight cases kill it.</summary>
    private const long SpooledBytes = 1L << 20;

    private static string Row(int i) => $"{i},row {i} padding-padding-padding-padding-padding\n";

    /// <summary>Writes the CSV rows; after <paramref name="pauseAfterBytes"/> bytes it signals and waits on the gate.</summary>
    private static StreamedBody BigCsv(long pauseAfterBytes, TaskCompletionSource written, Task gate, Func<string, string>? escape = null, string prefix = "", string suffix = "", string? contentType = "text/csv")
    {
        escape ??= s => s;
        return new StreamedBody(async stream =>
        {
            long sent = 0;
            bool paused = false;
            var chunk = new StringBuilder(prefix).Append(escape("n,s\n"));
            for (int i = 0; i < BigRows; i++)
            {
                chunk.Append(escape(Row(i)));
                if (chunk.Length >= 256 * 1024 || i == BigRows - 1)
                {
                    if (i == BigRows - 1)
                    {
                        chunk.Append(suffix);
                    }
                    byte[] bytes = Encoding.UTF8.GetBytes(chunk.ToString());
                    chunk.Clear();
                    await stream.WriteAsync(bytes);
                    sent += bytes.Length;
                    if (!paused && sent >= pauseAfterBytes)
                    {
                        paused = true;
                        await stream.FlushAsync();
                        written.TrySetResult();
                        await gate;
                    }
                }
            }
            await stream.FlushAsync();
            written.TrySetResult();
        }, contentType);
    }

    private static async Task<string> PrepareAsync(StrataServer server)
    {
        string name = UploadApi.Name("crash");
        await UploadApi.CreateOkAsync(server.Alice, "alice", name, UploadApi.Schema(("n", "bigint", false), ("s", "varchar", null)));
        var csv = new StringBuilder("n,s\n");
        for (int i = 0; i < PreRows; i++)
        {
            csv.Append(-1 - i).Append(",before\n");
        }
        await UploadApi.InsertOkAsync(server.Alice, "alice", name, csv.ToString());
        return name;
    }

    /// <summary>Every file under uploads/ (the part files, and anything stray).</summary>
    private static string[] Uploads(string dataDir) =>
        [.. Directory.GetFiles(Path.Combine(dataDir, "uploads"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    /// <summary>
    /// Nothing under uploads/ but part files, and those are the ones there before the case's upload (<paramref name="before"/>,
    /// all still there) plus one of the allowed counts of new ones. (With a data directory of its own each case counted all
    /// part files, its table's being the only ones: 1, or 2 once the whole body landed.)
    /// </summary>
    private static void AssertCleanUploads(string dataDir, string[] before, params int[] allowedNewParts)
    {
        var files = Uploads(dataDir);
        Assert.All(files, f => Assert.True(f.EndsWith(".parquet", StringComparison.Ordinal), $"stray file under uploads/: {f}"));
        var lost = before.Except(files, StringComparer.Ordinal).ToList();
        Assert.True(lost.Count == 0, $"part files gone from uploads/: {string.Join(", ", lost)}");
        var added = files.Except(before, StringComparer.Ordinal).ToList();
        Assert.True(allowedNewParts.Contains(added.Count), $"{added.Count} new part files under uploads/: {string.Join(", ", added)}");
    }

    private static async Task<string> Describe(Task<(HttpStatusCode Status, JsonNode? Body, string Text)> send)
    {
        try
        {
            var (status, _, text) = await send;
            return $"{status} {text}";
        }
        catch (Exception e) when (e is HttpRequestException or IOException or InvalidOperationException)
        {
            return e.Message;
        }
    }

    /// <summary>The spool files under uploads/incoming (where the server copies a request body before converting it)
    /// that were not there before the case's upload (<paramref name="before"/>).</summary>
    private static List<string> NewSpools(string dataDir, string[] before)
    {
        string incoming = Path.Combine(dataDir, "uploads", "incoming");
        return Directory.Exists(incoming) ? [.. Directory.GetFiles(incoming).Except(before, StringComparer.Ordinal)] : [];
    }

    /// <summary>
    /// Waits until a spool file of the case's upload (one not in <paramref name="before"/>) holds at least
    /// <paramref name="bytes"/>: the server is then part-way through the body. Fails if the request ends first. The
    /// bound is a hang guard; the wait ends when the file has grown.
    /// </summary>
    private static async Task SpooledAsync(string dataDir, string[] before, long bytes, Task<(HttpStatusCode Status, JsonNode? Body, string Text)> send)
    {
        var deadline = DateTime.UtcNow + Api.HangGuard;
        while (Largest(NewSpools(dataDir, before)) < bytes)
        {
            if (send.IsCompleted)
            {
                Assert.Fail($"the request ended before the server spooled {bytes} bytes of it: {await Describe(send)}");
            }
            Assert.True(DateTime.UtcNow < deadline, $"the server did not spool {bytes} bytes of the body");
            await Task.Delay(20);
        }

        static long Largest(List<string> files)
        {
            long most = 0;
            foreach (string file in files)
            {
                try
                {
                    most = Math.Max(most, new FileInfo(file).Length);
                }
                catch (IOException)
                {
                    // Gone between the listing and the read (a spool the server finished with).
                }
            }
            return most;
        }
    }

    /// <summary>
    /// Ends an upload a case left in flight on the live server (it failed before its kill; <see cref="Chain.Unfinished"/>):
    /// the body's gate fails, so the client drops the request, and the wait is for its end and for the server to delete
    /// its spool. The next case then starts with no earlier upload in flight. The bound is a hang guard.
    /// </summary>
    private static async Task EndUnfinishedAsync(string dataDir, string[] before, TaskCompletionSource? gate, Task send)
    {
        gate?.TrySetException(new IOException("the case ended before its kill"));
        await Record.ExceptionAsync(() => send.WaitAsync(Api.HangGuard));
        var deadline = DateTime.UtcNow + Api.HangGuard;
        while (NewSpools(dataDir, before) is { Count: > 0 } left)
        {
            Assert.True(DateTime.UtcNow < deadline, $"an earlier case's upload is still spooled: {string.Join(", ", left)}");
            await Task.Delay(20);
        }
    }

    private static void AssertStartedCleanly(StrataServer server)
    {
        string output = server.Output;
        Assert.DoesNotContain("fail:", output);
        Assert.DoesNotContain("crit:", output);
        Assert.DoesNotContain("Exception", output);
    }

    [Fact]
    public async Task Kill_during_a_streamed_insert_leaves_the_table_as_before()
    {
        string dataDir = chain.DataDir;
        var server = await chain.ServerAsync(Phase);
        Phase("server ready");
        string name = await PrepareAsync(server);
        string[] before = Uploads(dataDir);
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var send = UploadApi.SendAsync(server.Alice, HttpMethod.Post, $"/api/v1/uploads/alice/{name}/insert", BigCsv(PauseBytes, written, gate.Task));
        chain.Unfinished = () => EndUnfinishedAsync(dataDir, before, gate, send);
        Phase("table made, upload sent");
        await Task.WhenAny(written.Task, send).WaitAsync(Api.HangGuard);
        if (!written.Task.IsCompleted)
        {
            Assert.Fail($"the insert ended before its body was sent: {await Describe(send)}");
        }
        Phase("body written up to the pause");
        await SpooledAsync(dataDir, before, SpooledBytes, send);
        Phase("spooled");

        // In flight: a query sees none of it.
        Assert.Equal(PreRows, await UploadApi.CountAsync(server.Alice, $"dune.alice.{name}"));
        await server.KillAsync();
        Phase("killed");
        gate.TrySetException(new IOException("the server was killed"));
        Assert.NotNull(await Record.ExceptionAsync(() => send));

        // The restart on the same directory (and the next case's server).
        server = await chain.RestartAsync();
        Phase("restarted");
        AssertStartedCleanly(server);
        var result = await UploadApi.RunAsync(server.Alice, $"select count(*) as c, max(n) as hi from dune.alice.{name}");
        Assert.Equal(PreRows, result["result"]!["rows"]![0]!["c"]!.GetValue<long>());
        Assert.Equal(-1, result["result"]!["rows"]![0]!["hi"]!.GetValue<long>());
        Assert.Equal(PreRows, (await UploadApi.FindListedAsync(server.Alice, name))!["row_count"]!.GetValue<long>());
        AssertCleanUploads(dataDir, before, 0);

        // The table takes inserts again.
        await UploadApi.InsertOkAsync(server.Alice, "alice", name, "n,s\n1,after\n");
        Assert.Equal(PreRows + 1, await UploadApi.CountAsync(server.Alice, $"dune.alice.{name}"));
        Phase("checked");
    }

    [Fact]
    public async Task Kill_once_the_whole_body_is_sent_leaves_all_of_the_insert_or_none()
    {
        string dataDir = chain.DataDir;
        var server = await chain.ServerAsync(Phase);
        Phase("server ready");
        string name = await PrepareAsync(server);
        string[] before = Uploads(dataDir);
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var send = UploadApi.SendAsync(server.Alice, HttpMethod.Post, $"/api/v1/uploads/alice/{name}/insert", BigCsv(long.MaxValue, written, Task.CompletedTask));
        chain.Unfinished = () => EndUnfinishedAsync(dataDir, before, null, send);
        Phase("table made, upload sent");
        await Task.WhenAny(written.Task, send).WaitAsync(Api.HangGuard);
        Phase("body written");
        await server.KillAsync();
        Phase("killed");
        await Record.ExceptionAsync(() => send);

        // The restart on the same directory (and the next case's server).
        server = await chain.RestartAsync();
        Phase("restarted");
        AssertStartedCleanly(server);
        var result = await UploadApi.RunAsync(server.Alice, $"select count(*) as c, count(*) filter (where n >= 0) as added from dune.alice.{name}");
        long count = result["result"]!["rows"]![0]!["c"]!.GetValue<long>();
        long added = result["result"]!["rows"]![0]!["added"]!.GetValue<long>();
        Assert.True(added is 0 or BigRows, $"after the kill the table has {added} of the {BigRows} rows being inserted");
        Assert.Equal(PreRows + added, count);
        Assert.Equal(count, (await UploadApi.FindListedAsync(server.Alice, name))!["row_count"]!.GetValue<long>());
        AssertCleanUploads(dataDir, before, added == 0 ? 0 : 1);
        Phase("checked");
    }

    [Fact]
    public async Task Kill_during_a_csv_replace_keeps_the_old_table()
    {
        string dataDir = chain.DataDir;
        string name = UploadApi.Name("crashcsv");
        var server = await chain.ServerAsync(Phase);
        Phase("server ready");
        var (status, _, text) = await UploadApi.UploadCsvAsync(server.Alice, name, "old_a,old_b\n1,x\n2,y\n");
        Assert.True(status == HttpStatusCode.OK, text);
        string[] before = Uploads(dataDir);
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var body = BigCsv(PauseBytes, written, gate.Task,
            escape: s => s.Replace("\n", "\\n", StringComparison.Ordinal),
            prefix: $"{{\"table_name\":\"{name}\",\"data\":\"", suffix: "\"}", contentType: "application/json");
        var send = UploadApi.SendAsync(server.Alice, HttpMethod.Post, "/api/v1/uploads/csv", body);
        chain.Unfinished = () => EndUnfinishedAsync(dataDir, before, gate, send);
        Phase("table made, upload sent");
        await Task.WhenAny(written.Task, send).WaitAsync(Api.HangGuard);
        if (!written.Task.IsCompleted)
        {
            Assert.Fail($"the upload ended before its body was sent: {await Describe(send)}");
        }
        Phase("body written up to the pause");
        await SpooledAsync(dataDir, before, SpooledBytes, send);
        Phase("spooled");
        await server.KillAsync();
        Phase("killed");
        gate.TrySetException(new IOException("the server was killed"));
        Assert.NotNull(await Record.ExceptionAsync(() => send));

        // The restart on the same directory (and the next case's server).
        server = await chain.RestartAsync();
        Phase("restarted");
        AssertStartedCleanly(server);
        var result = await UploadApi.RunAsync(server.Alice, $"select * from dune.alice.dataset_{name} order by old_a");
        Assert.Equal(["old_a", "old_b"], UploadApi.Strings(result["result"]!["metadata"]!["column_names"]));
        Assert.Equal(["x", "y"], result["result"]!["rows"]!.AsArray().Select(r => r!["old_b"]!.GetValue<string>()));
        AssertCleanUploads(dataDir, before, 0);
        Phase("checked");
    }
}
