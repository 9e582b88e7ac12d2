using System.Text;
using Strata.Core.Results;
using Strata.Core.Uploads;
using Strata.Storage.Files.Results;
using Strata.Storage.Files.Uploads;

namespace Strata.Tests.Contracts;

/// <summary>
/// What the use cases and the HTTP layer rely on from an <see cref="IResultStore"/>, for every implementation
/// (local files now): a result is invisible until its writer completes, then reads back whole; an interrupted
/// write is never visible and its leftovers go at recovery; copies are made once; a delete takes the result and
/// its copies.
/// </summary>
public abstract class ResultStoreContract : IDisposable
{
    private static readonly ResultSchema Schema = new([new ResultColumn("n", "bigint", ColumnKind.Int64)]);

    protected string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("strata-results-contract-").FullName;

    protected abstract IResultStore Store { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private static void Write(ResultWriter writer, int rows)
    {
        for (int i = 0; i < rows; i++)
        {
            writer.AppendInt64(0, i);
            writer.EndRow();
        }
    }

    private static async Task<long> RowsOf(StoredResult result)
    {
        long rows = 0;
        await foreach (var slice in result.ReadAsync(0, long.MaxValue, CancellationToken.None))
        {
            rows += slice.Length;
        }
        return rows;
    }

    [Fact]
    public async Task A_result_is_invisible_until_its_writer_completes_then_reads_back_whole()
    {
        string id = Strata.Core.Executions.ExecutionIds.New();
        using (var writer = Store.CreateWriter(id, Schema))
        {
            Write(writer, 40_000);
            Assert.Null(Store.Open(id));
            writer.Complete();
        }
        using var result = Store.Open(id);
        Assert.NotNull(result);
        Assert.Equal(["n"], result.Schema.ColumnNames);
        Assert.Equal(40_000, await RowsOf(result));
    }

    [Fact]
    public void A_write_that_never_completes_is_never_visible_and_recovery_removes_what_it_left()
    {
        string abandoned = Strata.Core.Executions.ExecutionIds.New(), crashed = Strata.Core.Executions.ExecutionIds.New();
        using (var writer = Store.CreateWriter(abandoned, Schema))
        {
            Write(writer, 10);
        }
        Assert.Null(Store.Open(abandoned));
        // A crash: the writer is neither completed nor disposed when recovery runs.
        var left = Store.CreateWriter(crashed, Schema);
        Write(left, 20_000);
        var before = System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories).Count();
        Store.RemoveIncomplete();
        var after = System.IO.Directory.EnumerateFiles(Directory, "*", SearchOption.AllDirectories).Count();
        Assert.Null(Store.Open(crashed));
        Assert.True(after < before, $"{before} files before recovery, {after} after");
        left.Dispose();
    }

    [Fact]
    public async Task Copies_are_made_once_and_a_delete_takes_the_result_and_its_copies()
    {
        string id = Strata.Core.Executions.ExecutionIds.New();
        using (var writer = Store.CreateWriter(id, Schema))
        {
            Write(writer, 100);
            writer.Complete();
        }
        string parquet = await Store.EnsureParquetAsync(id, CancellationToken.None);
        string arrow = await Store.EnsureArrowStreamAsync(id, CancellationToken.None);
        Assert.True(File.Exists(parquet) && File.Exists(arrow));
        var made = File.GetLastWriteTimeUtc(parquet);
        Assert.Equal(parquet, await Store.EnsureParquetAsync(id, CancellationToken.None));
        Assert.Equal(made, File.GetLastWriteTimeUtc(parquet));

        Store.Delete(id);
        Assert.Null(Store.Open(id));
        Assert.False(File.Exists(parquet));
        Assert.False(File.Exists(arrow));
        Store.Delete(id);
    }
}

public sealed class LocalResultStoreContract : ResultStoreContract
{
    private LocalResultStore? store;

    protected override IResultStore Store => store ??= new LocalResultStore(Path.Combine(Directory, "results"));
}

/// <summary>
/// What the upload use cases rely on from an <see cref="IPartFiles"/>, for every implementation (local files
/// now): spooled bodies go when disposed; a dropped part stays while a query's snapshot holds it, or while a
/// snapshot is being taken, and goes when the last hold ends.
/// </summary>
public abstract class PartFilesContract : IDisposable
{
    protected string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("strata-parts-contract-").FullName;

    protected abstract IPartFiles Files { get; }

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);

    private string Written(string tableId)
    {
        string part = Files.NewPart(tableId);
        File.WriteAllText(Files.PathOf(part), "part");
        return part;
    }

    [Fact]
    public async Task A_spooled_body_holds_the_bytes_sent_and_goes_when_disposed()
    {
        byte[] body = Encoding.UTF8.GetBytes("\uFEFF  {\"a\": 1}");
        string path;
        using (var spool = await Files.SpoolAsync(new MemoryStream(body), ".json", CancellationToken.None))
        {
            path = spool.Path;
            Assert.Equal(body.Length, spool.Bytes);
            Assert.Equal(body, await File.ReadAllBytesAsync(path));
            Assert.True(spool.StartsWithObject());
        }
        Assert.False(File.Exists(path));
        using var text = await Files.SpoolWrittenAsync((file, token) => file.WriteAsync("a,b\n1,2\n"u8.ToArray(), token).AsTask(), ".csv", CancellationToken.None);
        Assert.Equal(8, text.Bytes);
        Assert.False(text.StartsWithObject());
    }

    [Fact]
    public void A_dropped_part_stays_while_a_snapshot_holds_it_and_goes_when_the_last_hold_ends()
    {
        string held = Written("t1"), free = Written("t1");
        Assert.Equal(4, Files.SizeOf(held));
        Files.BeginSnapshot();
        var first = Files.Hold([held]);
        Files.BeginSnapshot();
        var second = Files.Hold([held]);
        Files.Drop([held, free]);
        Assert.False(File.Exists(Files.PathOf(free)));
        Assert.True(File.Exists(Files.PathOf(held)));
        first.Dispose();
        Assert.True(File.Exists(Files.PathOf(held)));
        second.Dispose();
        Assert.False(File.Exists(Files.PathOf(held)));
    }

    [Fact]
    public void A_part_dropped_while_a_snapshot_is_being_taken_stays_until_that_snapshot_is_held_or_abandoned()
    {
        string kept = Written("t2"), abandoned = Written("t2");
        Files.BeginSnapshot();
        Files.Drop([kept]);
        Assert.True(File.Exists(Files.PathOf(kept)));
        using (Files.Hold([kept]))
        {
            Assert.True(File.Exists(Files.PathOf(kept)));
        }
        Assert.False(File.Exists(Files.PathOf(kept)));

        Files.BeginSnapshot();
        Files.Drop([abandoned]);
        Assert.True(File.Exists(Files.PathOf(abandoned)));
        Files.AbandonSnapshot();
        Assert.False(File.Exists(Files.PathOf(abandoned)));
    }
}

public sealed class LocalPartFilesContract : PartFilesContract
{
    private PartFiles? files;

    protected override IPartFiles Files => files ??= new PartFiles(Path.Combine(Directory, "uploads"));
}
