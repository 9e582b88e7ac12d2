using System.Diagnostics;
using System.Net;
using System.Text;
using Strata.Core.Uploads;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// Issue 9, item 5: an upload header could pin a core forever. The loader runs in process here, so
/// each test is fast; every wait is bounded, so old code fails the test instead of hanging it.
/// </summary>
public sealed class UploadHeaderLimitTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);
    private readonly string directory = Path.Combine(Path.GetTempPath(), "strata-header-" + Guid.NewGuid().ToString("N"));
    private readonly DuckDbTableLoader loader;

    public UploadHeaderLimitTests()
    {
        Directory.CreateDirectory(directory);
        loader = new DuckDbTableLoader(new DuckDbLimits(1, "1GB", Path.Combine(directory, "tmp")));
    }

    public void Dispose()
    {
        loader.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private string WriteFile(string name, Action<StreamWriter> write)
    {
        string path = Path.Combine(directory, name);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        write(writer);
        return path;
    }

    private static string Header(int columns, Func<int, string> name) =>
        string.Join(",", Enumerable.Range(0, columns).Select(name));

    [Fact]
    public async Task A_header_of_a_million_columns_is_refused_before_any_inference()
    {
        string file = WriteFile("wide.csv", w => w.Write(Header(1_000_000, i => "c" + i) + "\n" + new string(',', 999_999) + "\n"));
        using var cts = new CancellationTokenSource(Bound);
        var clock = Stopwatch.StartNew();
        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => loader.InferCsvAsync(file, 1000, cts.Token).WaitAsync(Bound));
        Assert.Contains("more than 1000 columns", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_million_identical_header_names_are_refused_quickly()
    {
        string file = WriteFile("same.csv", w => w.Write(Header(1_000_000, _ => "a") + "\n"));
        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => loader.InferCsvAsync(file, 1000, CancellationToken.None).WaitAsync(Bound));
        Assert.Contains("1000", error.Message);
    }

    [Fact]
    public async Task An_overlong_header_name_or_header_is_refused()
    {
        string longName = WriteFile("longname.csv", w => w.Write("a," + new string('x', 2_000_000) + "\n1,2\n"));
        var error = await Assert.ThrowsAsync<UploadRejectedException>(() => loader.InferCsvAsync(longName, 1000, CancellationToken.None).WaitAsync(Bound));
        Assert.Contains("longer than", error.Message);
        // An insert header is bounded by the table's columns as well.
        var columns = new[] { new UploadColumn("a", new UploadColumnType(UploadTypeKind.Integer)) };
        string wide = WriteFile("wideinsert.csv", w => w.Write(Header(1_000_000, i => "c" + i) + "\n"));
        error = await Assert.ThrowsAsync<UploadRejectedException>(() => loader.LoadAsync(wide, UploadFormat.Csv, columns, Path.Combine(directory, "p.parquet"), CancellationToken.None).WaitAsync(Bound));
        Assert.Contains("more fields than the table's 1 columns", error.Message);
    }

    [Fact]
    public async Task A_thousand_columns_by_a_few_rows_are_inferred_and_loaded_quickly()
    {
        const int Columns = 1000;
        string file = WriteFile("thousand.csv", w =>
        {
            w.Write(Header(Columns, i => i % 2 == 0 ? "col" : "n" + i));
            w.Write('\n');
            for (int row = 0; row < 3; row++)
            {
                w.Write(Header(Columns, i => (i % 4) switch { 0 => (row + i).ToString(System.Globalization.CultureInfo.InvariantCulture), 1 => "2024-01-0" + (row + 1), 2 => "x" + row, _ => "" }));
                w.Write('\n');
            }
        });
        // The inference's work is its processor time on the loader's thread (one DuckDB thread: the statement runs there),
        // which load does not stretch: its wall time passed a 30 s token at load ~70 (test-speed6's run a4). The regression
        // this guards took 53 s on a quiet machine (column-wise aggregates, docs/notes/uploads-limits.md); the bound is 20 s
        // of processor time. The waits themselves only guard a hang.
        var thread = new TaskCompletionSource<(int Id, TimeSpan? AtStart)>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var observed = new DuckDbTableLoader(new DuckDbLimits(1, "1GB", Path.Combine(directory, "tmp")), () =>
        {
            int id = ThreadCpu.OsThreadId();
            thread.TrySetResult((id, ThreadCpu.UsedBy(id)));
        });
        var inference = observed.InferCsvAsync(file, 1000, CancellationToken.None);
        var used = await LoaderThreadCpuAsync(thread.Task, inference);
        var columns = await inference.WaitAsync(HangGuard);
        Assert.Equal(Columns, columns.Count);
        Assert.Equal(["col", "n1", "col_2", "n3", "col_3"], columns.Take(5).Select(c => c.Name));
        Assert.Equal(UploadTypeKind.Integer, columns[0].Type.Kind);
        Assert.Equal(UploadTypeKind.Date, columns[1].Type.Kind);
        Assert.Equal(UploadTypeKind.Varchar, columns[2].Type.Kind);
        Assert.Equal(UploadTypeKind.Varchar, columns[3].Type.Kind); // no values at all
        Assert.True(used < TimeSpan.FromSeconds(20), $"the inference used {used} of processor time");
        long rows = await observed.LoadByPositionAsync(file, columns, Path.Combine(directory, "thousand.parquet"), CancellationToken.None).WaitAsync(HangGuard);
        Assert.Equal(3, rows);
    }

    /// <summary>A guard against a hang, far above what any load makes of the work here.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The processor time of the loader's thread (its id and first reading given by <paramref name="thread"/> once the
    /// inference's statement starts) when <paramref name="work"/> ends: read every 10 ms while it runs, the last reading kept (the thread's entry
    /// goes when it ends). What a reading misses is the work of its last interval, never more.
    /// </summary>
    private static async Task<TimeSpan> LoaderThreadCpuAsync(Task<(int Id, TimeSpan? AtStart)> thread, Task work)
    {
        await Task.WhenAny(thread, work).WaitAsync(HangGuard);
        Assert.True(thread.IsCompleted, $"the inference ended before its statement started: {work.Exception?.GetBaseException().Message}");
        var (id, atStart) = await thread;
        // Read on the thread itself as its statement starts: the reading works (a figure that could never be read would
        // leave the bound nothing to fail on).
        Assert.NotNull(atStart);
        var seen = atStart.Value;
        while (true)
        {
            bool ended = work.IsCompleted;
            if (ThreadCpu.UsedBy(id) is { } used)
            {
                seen = used;
            }
            if (ended)
            {
                return seen;
            }
            await Task.WhenAny(work, Task.Delay(10));
        }
    }

    [Fact]
    public async Task A_cancelled_inference_stops_promptly()
    {
        // 1,000 columns x 20,000 rows: seconds of inference work, cancelled early (a client that disconnects).
        string file = WriteFile("big.csv", w =>
        {
            w.Write(Header(1000, i => "c" + i));
            w.Write('\n');
            string row = Header(1000, i => (1_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)) + "\n";
            for (int r = 0; r < 20_000; r++)
            {
                w.Write(row);
            }
        });
        // The loader says when the inference's statement starts (its header and long-line passes read the file first): the
        // cancel lands on the running statement by the test's order, on any machine (test-speed6; it was a 300 ms sleep).
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var observed = new DuckDbTableLoader(new DuckDbLimits(1, "1GB", Path.Combine(directory, "tmp")), () => started.TrySetResult());
        using var cts = new CancellationTokenSource();
        var work = observed.InferCsvAsync(file, 1000, cts.Token);
        await Task.WhenAny(started.Task, work).WaitAsync(Bound);
        Assert.True(started.Task.IsCompleted, $"the inference ended before its statement started: {work.Exception?.GetBaseException().Message}");
        var clock = Stopwatch.StartNew();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => work.WaitAsync(Bound));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"stopped {clock.Elapsed} after the cancellation");
    }
}

/// <summary>The same limits end to end: a 400 naming the limit, and the server answering others.</summary>
[Collection(InProcessServerCollection.Name)]
public sealed class UploadHeaderLimitHttpTests(InProcessSharedServer shared)
{
    [Fact]
    public async Task A_csv_upload_with_a_million_column_header_is_a_400_naming_the_limit()
    {
        var server = shared.Server;
        string csv = string.Join(",", Enumerable.Range(0, 1_000_000).Select(i => "c" + i)) + "\n" + new string(',', 999_999) + "\n";
        using var cts = new CancellationTokenSource(Api.HangGuard);
        var upload = UploadApi.UploadCsvAsync(server.Alice, UploadApi.Name("wide"), csv).WaitAsync(cts.Token);
        var (status, body, text) = await upload;
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("1000 columns", body!["error"]!.GetValue<string>());
        var other = await server.Bob.RunAsync("select 1 as one");
        Assert.Equal("QUERY_STATE_COMPLETED", other["state"]!.GetValue<string>());
    }
}
