using Apache.Arrow;
using Apache.Arrow.Ipc;
using Strata.Core.Results;
using Strata.Core.Results.Querying;
using Strata.Engine.DuckDb;
using Strata.Storage.Files.Results;

namespace Strata.Tests;

/// <summary>
/// Result batches are bounded in bytes as well as rows (issue 9 leftovers): a batch ends once its values
/// pass the byte bound, so batches vary in rows, and reading finds rows through the file's batch index.
/// Files written before (every batch but the last full) still read by arithmetic. In process.
/// </summary>
public sealed class ResultBatchBytesTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "strata-batches-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static readonly ResultSchema Schema = new([new ResultColumn("i", "bigint", ColumnKind.Int64), new ResultColumn("t", "varchar", ColumnKind.Text)]);

    /// <summary>Row i's text: a width that varies from row to row (0 to 299 characters).</summary>
    private static string TextOf(long i) => new((char)('a' + (int)(i % 26)), (int)(i * 7919 % 300));

    private static LocalResultStore Write(string root, string id, int rows, int batchRows, long batchBytes, Func<long, string> text)
    {
        var store = new LocalResultStore(root, batchRows, batchBytes: batchBytes);
        using var writer = store.CreateWriter(id, Schema);
        for (long i = 0; i < rows; i++)
        {
            writer.AppendInt64(0, i);
            writer.AppendText(1, text(i));
            writer.EndRow();
        }
        writer.Complete();
        return store;
    }

    private static async Task<List<(long I, string T)>> ReadAsync(StoredResult result, long offset, long count)
    {
        var rows = new List<(long, string)>();
        await foreach (var slice in result.ReadAsync(offset, count, CancellationToken.None))
        {
            var ints = (Int64Array)slice.Batch.Column(0);
            var texts = (StringArray)slice.Batch.Column(1);
            for (int r = slice.Start; r < slice.Start + slice.Length; r++)
            {
                rows.Add((ints.GetValue(r)!.Value, texts.GetString(r)));
            }
        }
        return rows;
    }

    private static async Task<List<int>> BatchLengthsAsync(StoredResult result)
    {
        var lengths = new List<int>();
        await foreach (var slice in result.ReadAsync(0, long.MaxValue, CancellationToken.None))
        {
            lengths.Add(slice.Length);
        }
        return lengths;
    }

    [Fact]
    public async Task Pages_at_any_offset_and_limit_across_variable_batches_read_the_right_rows()
    {
        const int rows = 3000;
        var store = Write(root, "var", rows, batchRows: 500, batchBytes: 4000, TextOf);
        using var result = store.Open("var")!;
        var lengths = await BatchLengthsAsync(result);
        Assert.Equal(rows, lengths.Sum());
        Assert.True(lengths.Distinct().Count() > 3, $"batches should vary in rows: {string.Join(",", lengths)}");

        var boundaries = lengths.Select((_, b) => (long)lengths.Take(b).Sum()).ToList();
        var offsets = boundaries.SelectMany(b => new[] { b - 1, b, b + 1 }).Concat([0L, rows - 1, rows, rows + 5]).Where(o => o >= 0).Distinct();
        foreach (long offset in offsets)
        {
            foreach (long limit in new long[] { 1, 2, lengths.Max() + 1, 1000, rows })
            {
                var page = await ReadAsync(result, offset, limit);
                long expected = Math.Max(0, Math.Min(limit, rows - offset));
                Assert.Equal(expected, page.Count);
                for (int k = 0; k < page.Count; k++)
                {
                    Assert.Equal(offset + k, page[k].I);
                    Assert.Equal(TextOf(offset + k), page[k].T);
                }
            }
        }
    }

    [Fact]
    public async Task A_batch_of_wide_values_ends_at_the_byte_bound_not_at_16384_rows()
    {
        var store = Write(root, "wide", 1000, ResultWriter.DefaultBatchRows, ResultWriter.DefaultBatchBytes, _ => new string('w', 20_000));
        using var result = store.Open("wide")!;
        var lengths = await BatchLengthsAsync(result);
        Assert.Equal(1000, lengths.Sum());
        // 8 MiB of 20,000-byte values: 420 rows a batch, never all 1,000 (20 MB) in one.
        Assert.All(lengths, l => Assert.True((long)l * 20_000 <= ResultWriter.DefaultBatchBytes + 20_000, $"batch of {l} rows"));
        Assert.True(lengths.Count >= 3);
        var tail = await ReadAsync(result, 999, 10);
        Assert.Equal(999, Assert.Single(tail).I);
    }

    [Fact]
    public async Task Copies_for_downloads_and_filters_hold_every_row_of_variable_batches()
    {
        const int rows = 2500;
        var store = Write(root, "copies", rows, batchRows: 400, batchBytes: 3000, TextOf);

        string stream = await store.EnsureArrowStreamAsync("copies", CancellationToken.None);
        long seen = 0;
        using (var reader = new ArrowStreamReader(File.OpenRead(stream)))
        {
            while (await reader.ReadNextRecordBatchAsync() is { } batch)
            {
                using (batch)
                {
                    var ints = (Int64Array)batch.Column(0);
                    var texts = (StringArray)batch.Column(1);
                    for (int r = 0; r < batch.Length; r++, seen++)
                    {
                        Assert.Equal(seen, ints.GetValue(r));
                        Assert.Equal(TextOf(seen), texts.GetString(r));
                    }
                }
            }
        }
        Assert.Equal(rows, seen);

        string parquet = await store.EnsureParquetAsync("copies", CancellationToken.None);
        using var engine = new DuckDbResultQuery(root, new DuckDbLimits(1, "256MB", Path.Combine(root, "tmp")));
        var filter = FilterParser.Parse("i >= 0", ["i", "t"]);
        var (page, matching) = await engine.QueryAsync(new ResultQuery("copies", parquet, Schema, [0, 1], filter, [], 1234, 3, null), CancellationToken.None);
        using (page)
        {
            Assert.Equal(rows, matching);
            var slice = Assert.Single(page.Slices());
            Assert.Equal(3, slice.Length);
            Assert.Equal(1234, ((Int64Array)slice.Batch.Column(0)).GetValue(slice.Start));
            Assert.Equal(TextOf(1236), ((StringArray)slice.Batch.Column(1)).GetString(slice.Start + 2));
        }
    }

    [Fact]
    public async Task A_file_written_before_variable_batches_still_reads()
    {
        // The old layout: schema metadata names batch_rows only, and every batch but the last is full.
        Directory.CreateDirectory(root);
        string path = Path.Combine(root, "old.arrow");
        var fields = Schema.ToArrowSchema().FieldsList;
        var builder = new Apache.Arrow.Schema.Builder();
        foreach (var f in fields)
        {
            builder.Field(f);
        }
        var oldSchema = builder.Metadata("strata.batch_rows", "100").Build();
        using (var file = File.Create(path))
        using (var writer = new ArrowFileWriter(file, oldSchema))
        {
            long next = 0;
            foreach (int size in new[] { 100, 100, 50 })
            {
                var ints = new Int64Array.Builder();
                var texts = new StringArray.Builder();
                for (int r = 0; r < size; r++, next++)
                {
                    ints.Append(next);
                    texts.Append(TextOf(next));
                }
                using var batch = new RecordBatch(oldSchema, [ints.Build(), texts.Build()], size);
                await writer.WriteRecordBatchAsync(batch);
            }
            await writer.WriteEndAsync();
        }
        using var result = new LocalResultStore(root).Open("old")!;
        Assert.Equal(100, result.BatchRows);
        foreach (var (offset, limit) in new[] { (0L, 250L), (99L, 2L), (100L, 100L), (199L, 10L), (249L, 5L) })
        {
            var page = await ReadAsync(result, offset, limit);
            Assert.Equal(Math.Min(limit, 250 - offset), page.Count);
            Assert.Equal(Enumerable.Range((int)offset, page.Count).Select(i => (long)i), page.Select(p => p.I));
        }
    }
}
