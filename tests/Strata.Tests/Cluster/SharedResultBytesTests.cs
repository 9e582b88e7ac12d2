using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Strata.Application.Configuration;
using Strata.Application.Uploads;
using Strata.Core.Executions;
using Strata.Core.Results;
using Strata.Core.Storage;
using Strata.Metadata.Postgres;
using Strata.Storage.Files.Results;

namespace Strata.Tests.Cluster;

/// <summary>
/// Nodes sharing PostgreSQL and one data directory keep one result-bytes total per owner in the database: every
/// node's result store records the files it writes and deletes there, every node's quota and <c>/usage</c> read that
/// total (no file measured per submission), and a reconciliation corrects what a node could not record. Two nodes in
/// process: each its own store (connection pool), result store, recorder and storage usage, over one database and
/// one results directory.
/// </summary>
[Collection("Cluster")]
public sealed class SharedResultBytesTests : IAsyncLifetime
{
    private readonly string dataDir = Path.Combine(Path.GetTempPath(), "strata-shared-bytes-" + Guid.NewGuid().ToString("N"));
    private readonly StrataOptions settings = new();
    private PostgresServer postgres = null!;
    private string database = null!;
    private readonly List<PostgresMetadataStore> stores = [];

    private sealed record Node(PostgresMetadataStore Store, LocalResultStore Results, SharedResultBytes Recorder, StorageUsage Usage);

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataDir);
        settings.DataDir = dataDir;
        postgres = await PostgresServer.Shared;
        database = await postgres.CreateDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
        await postgres.DropDatabaseAsync(database);
        Directory.Delete(dataDir, recursive: true);
    }

    private string ResultsDir => Path.Combine(dataDir, "results");

    private async Task<Node> StartNodeAsync(string? connectionString = null)
    {
        var store = new PostgresMetadataStore(connectionString ?? postgres.ConnectionString(database));
        stores.Add(store);
        if (connectionString is null)
        {
            await store.InitializeAsync(CancellationToken.None);
        }
        var sizes = new ResultFileSizes(ResultsDir);
        var recorder = new SharedResultBytes(store, sizes, NullLogger<SharedResultBytes>.Instance);
        return new Node(store, new LocalResultStore(ResultsDir, observer: recorder), recorder,
            new StorageUsage(store, store, sizes, Options.Create(settings), TimeProvider.System));
    }

    /// <summary>A completed execution of <paramref name="owner"/> run by <paramref name="node"/>, its result written through <paramref name="results"/>.</summary>
    private static async Task<string> CompleteAsync(Node node, string owner, int rows, LocalResultStore? results = null)
    {
        var now = DateTimeOffset.UtcNow;
        string id = ExecutionIds.New(now);
        await node.Store.InsertExecutionAsync(new Execution { Id = id, Owner = owner, Sql = "select 1", State = ExecutionState.Pending, SubmittedAt = now }, null, CancellationToken.None);
        Assert.True(await node.Store.TryStartAsync(id, now, CancellationToken.None));
        var schema = new ResultSchema([new ResultColumn("n", "bigint", ColumnKind.Int64), new ResultColumn("t", "varchar", ColumnKind.Text)]);
        using (var writer = (results ?? node.Results).CreateWriter(id, schema))
        {
            for (int i = 0; i < rows; i++)
            {
                writer.AppendInt64(0, i);
                writer.AppendText(1, new string('x', i % 50));
                writer.EndRow();
            }
            writer.Complete();
        }
        Assert.True(await node.Store.TryFinishAsync(id, new ExecutionOutcome(ExecutionState.Completed, now, ExpiresAt: now.AddHours(1),
            Result: new ResultInfo(["n", "t"], ["bigint", "varchar"], rows, rows * 8L)), CancellationToken.None));
        return id;
    }

    private long SizeOnDisk(IEnumerable<string> ids) => ids.Sum(id =>
        new[] { ".arrow", ".parquet", ".arrows" }.Select(e => new FileInfo(Path.Combine(ResultsDir, id + e))).Where(f => f.Exists).Sum(f => f.Length));

    private static async Task<long> ResultBytesAsync(Node node, string owner) => (await node.Usage.MeasureAsync(owner, CancellationToken.None)).ResultBytes;

    /// <summary>
    /// Two runs of one execution in a cluster (a node that lost its claim and the node that took it over) write under
    /// their own result keys: one run's writer, copies and deletion never touch the other's files or their bytes, the
    /// row records the run whose end counted, expiry deletes that run's files, and a takeover from a dead node removes
    /// every file of the execution.
    /// </summary>
    [Fact]
    public async Task Two_runs_of_one_execution_write_and_delete_only_their_own_files_and_bytes()
    {
        var a = await StartNodeAsync();
        var b = await StartNodeAsync();
        var now = DateTimeOffset.UtcNow;
        string id = ExecutionIds.New(now);
        await a.Store.InsertExecutionAsync(new Execution { Id = id, Owner = "alice", Sql = "select 1", State = ExecutionState.Pending, SubmittedAt = now }, null, CancellationToken.None);
        Assert.True(await a.Store.TryStartAsync(id, now, CancellationToken.None));
        string stale = ResultKeys.Of(id, ResultKeys.NewRun()), current = ResultKeys.Of(id, ResultKeys.NewRun());
        Write(b.Results, current, rows: 200);
        await b.Results.EnsureParquetAsync(current, CancellationToken.None);
        // The stale run completes after the current one: before, it took the same name and replaced its file.
        Write(a.Results, stale, rows: 3);
        long currentBytes = SizeOnDisk([current]);
        Assert.Equal(currentBytes + SizeOnDisk([stale]), await ResultBytesAsync(a, "alice"));

        // The stale run discards its output: the current run's files and bytes stay.
        a.Results.Delete(stale);
        Assert.Equal(0, SizeOnDisk([stale]));
        Assert.Equal(currentBytes, await ResultBytesAsync(b, "alice"));
        using (var result = a.Results.Open(current))
        {
            Assert.Equal(200, await RowsOfAsync(result!));
        }

        // The current run's end is recorded with its run; expiry returns its key and deletes its files.
        string run = current[(id.Length + 1)..];
        Assert.True(await b.Store.TryFinishAsync(id, new ExecutionOutcome(ExecutionState.Completed, now, ExpiresAt: now.AddMinutes(-1),
            Result: new ResultInfo(["n", "t"], ["bigint", "varchar"], 200, 1600) { Run = run }), CancellationToken.None));
        Assert.Equal(current, (await a.Store.GetExecutionAsync(id, CancellationToken.None))!.ResultKey);
        var expired = await a.Store.ExpireAsync(now, CancellationToken.None);
        Assert.Equal([current], expired);
        a.Results.Delete(expired[0]);
        Assert.Equal(0, await ResultBytesAsync(a, "alice"));
        Assert.Empty(Directory.EnumerateFiles(ResultsDir, id + "*"));

        // A dead node's run of another execution left files of two runs: the takeover removes them all.
        string other = ExecutionIds.New(now);
        await a.Store.InsertExecutionAsync(new Execution { Id = other, Owner = "alice", Sql = "select 1", State = ExecutionState.Pending, SubmittedAt = now }, null, CancellationToken.None);
        Write(a.Results, ResultKeys.Of(other, ResultKeys.NewRun()), rows: 5);
        Write(a.Results, ResultKeys.Of(other, ResultKeys.NewRun()), rows: 6);
        b.Results.RemoveIncomplete(other);
        Assert.Empty(Directory.EnumerateFiles(ResultsDir, other + "*"));
        Assert.Equal(0, await ResultBytesAsync(b, "alice"));
    }

    private static async Task<long> RowsOfAsync(StoredResult result)
    {
        long rows = 0;
        await foreach (var slice in result.ReadAsync(0, long.MaxValue, CancellationToken.None))
        {
            rows += slice.Length;
        }
        return rows;
    }

    private static void Write(LocalResultStore results, string key, int rows)
    {
        var schema = new ResultSchema([new ResultColumn("n", "bigint", ColumnKind.Int64), new ResultColumn("t", "varchar", ColumnKind.Text)]);
        using var writer = results.CreateWriter(key, schema);
        for (int i = 0; i < rows; i++)
        {
            writer.AppendInt64(0, i);
            writer.AppendText(1, new string('x', i % 50));
            writer.EndRow();
        }
        writer.Complete();
    }

    [Fact]
    public async Task Two_nodes_read_one_total_that_follows_results_written_copied_and_expired_on_either_node_without_measuring_a_file()
    {
        var a = await StartNodeAsync();
        var b = await StartNodeAsync();
        Assert.Equal(0, await ResultBytesAsync(a, "alice"));

        // Both nodes write alice's results at once: the total is the rows' sum, changed in each row's transaction.
        var written = await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(() => CompleteAsync(i % 2 == 0 ? a : b, "alice", 50 + (i * 400)))));
        string bobs = await CompleteAsync(b, "bob", 30);
        long alice = SizeOnDisk(written);
        Assert.True(alice > 0);
        Assert.Equal(alice, await ResultBytesAsync(a, "alice"));
        Assert.Equal(alice, await ResultBytesAsync(b, "alice"));
        Assert.Equal(SizeOnDisk([bobs]), await ResultBytesAsync(a, "bob"));

        // A download copy made on B counts on A.
        await b.Results.EnsureParquetAsync(written[0], CancellationToken.None);
        await b.Results.EnsureArrowStreamAsync(written[1], CancellationToken.None);
        alice = SizeOnDisk(written);
        Assert.Equal(alice, await ResultBytesAsync(a, "alice"));

        // The quota on B refuses once A's results reach it, and accepts again after A deleted one.
        settings.StorageBytesAllowed = alice;
        Assert.NotNull(await b.Usage.OverQuotaAsync("alice", CancellationToken.None));
        a.Results.Delete(written[0]);
        Assert.Null(await b.Usage.OverQuotaAsync("alice", CancellationToken.None));
        Assert.Equal(SizeOnDisk(written), await ResultBytesAsync(b, "alice"));

        // Expiry on A (the sweep marks EXPIRED, then deletes the files): both nodes drop to zero.
        foreach (string id in await a.Store.ExpireAsync(DateTimeOffset.UtcNow.AddHours(2), CancellationToken.None))
        {
            a.Results.Delete(id);
        }
        Assert.Equal(0, await ResultBytesAsync(b, "alice"));
        Assert.Equal(0, await ResultBytesAsync(a, "bob"));

        // Nothing measured on disk by either node's quota or usage, and nothing to correct.
        Assert.Equal(0, a.Usage.FilesMeasured + b.Usage.FilesMeasured);
        Assert.Equal(new ResultBytesReconciled(0, 0), await a.Recorder.ReconcileAsync(complete: true, CancellationToken.None));
        Assert.Equal(0, await ScalarAsync("SELECT count(*) FROM result_files"));
        Assert.Equal(0, await ScalarAsync("SELECT coalesce(sum(bytes), 0) FROM owner_result_bytes"));
    }

    [Fact]
    public async Task Reconciliation_records_results_a_node_could_not_record_and_removes_rows_of_results_gone()
    {
        var a = await StartNodeAsync();
        var b = await StartNodeAsync();
        // Stored before the shared total existed (written without a recorder): not counted yet.
        var unrecorder = new LocalResultStore(ResultsDir);
        string before = await CompleteAsync(a, "alice", 3000, unrecorder);
        // Written by a node that had lost the database: its recorder logs and goes on (the run is not failed by it).
        var lost = await StartNodeAsync($"Host=127.0.0.1;Port={await FreePortAsync()};Username=postgres;Database=none;Timeout=1");
        string unreachable = await CompleteAsync(a, "alice", 500, lost.Results);
        // Stored, but its files were lost: measured as nothing, once.
        string vanished = await CompleteAsync(a, "alice", 10, unrecorder);
        File.Delete(Path.Combine(ResultsDir, vanished + ".arrow"));
        // Recorded, then failed without its files' deletion being recorded (the database was away then): a stale row.
        string recorded = await CompleteAsync(b, "alice", 100);
        var now = DateTimeOffset.UtcNow;
        string failed = ExecutionIds.New(now);
        await a.Store.InsertExecutionAsync(new Execution { Id = failed, Owner = "alice", Sql = "select 1", State = ExecutionState.Pending, SubmittedAt = now }, null, CancellationToken.None);
        Assert.True(await a.Store.TryStartAsync(failed, now, CancellationToken.None));
        a.Store.RecordResultFile(failed, ".arrow", 12345);
        Assert.True(await a.Store.TryFinishAsync(failed, new ExecutionOutcome(ExecutionState.Failed, now, Error: new ExecutionError(ExecutionError.ExecutionFailed, "x")), CancellationToken.None));
        Assert.Equal(SizeOnDisk([recorded]) + 12345, await ResultBytesAsync(a, "alice"));

        var reconciled = await b.Recorder.ReconcileAsync(complete: true, CancellationToken.None);
        Assert.Equal(new ResultBytesReconciled(RowsRemoved: 1, ResultsMeasured: 3), reconciled);
        long onDisk = SizeOnDisk([before, unreachable, vanished, recorded]);
        Assert.Equal(onDisk, await ResultBytesAsync(a, "alice"));
        Assert.Equal(onDisk, await ResultBytesAsync(b, "alice"));
        // Done once: the next round (each expiry sweep runs one) finds nothing.
        Assert.Equal(new ResultBytesReconciled(0, 0), await a.Recorder.ReconcileAsync(complete: false, CancellationToken.None));
        // The total is the rows' sum.
        Assert.Equal(await ScalarAsync("SELECT sum(bytes) FROM result_files"), await ScalarAsync("SELECT sum(bytes) FROM owner_result_bytes"));
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(postgres.ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A loopback port nothing listens on (taken, then released).</summary>
    private static Task<int> FreePortAsync()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return Task.FromResult(((System.Net.IPEndPoint)listener.LocalEndpoint).Port);
    }
}
