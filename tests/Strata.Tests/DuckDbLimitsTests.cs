using DuckDB.NET.Data;
using Strata.Core.Results;
using Strata.Core.Results.Querying;
using Strata.Core.Uploads;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// The server's own DuckDB instances (the table loader's and the result views') run with bounded memory and
/// temporary disk, the medium tier's in the server (issue 11): an operation larger than both fails with a
/// message naming the limits. In process; the limits here are tiny so that
/// a few tens of MB are "huge".
/// </summary>
public sealed class DuckDbLimitsTests : IDisposable
{
    private const int Rows = 300_000;

    private readonly string directory = Path.Combine(Path.GetTempPath(), "strata-limits-" + Guid.NewGuid().ToString("N"));

    public DuckDbLimitsTests() => Directory.CreateDirectory(directory);

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private DuckDbLimits Limits(string memory, long maxTempBytes) => new(1, memory, Path.Combine(directory, "tmp"), maxTempBytes);

    /// <summary>About 40 MB of text in no particular order, and a sort of it that keeps nearly every row.</summary>
    private ResultQuery BigSort()
    {
        string parquet = Path.Combine(directory, "big.parquet");
        using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"COPY (SELECT i AS n, repeat(md5(i::VARCHAR), 4) AS label FROM range({Rows}) t(i)) TO '{parquet}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }
        var schema = new ResultSchema([new ResultColumn("n", "bigint", ColumnKind.Int64), new ResultColumn("label", "varchar", ColumnKind.Text)]);
        return new ResultQuery("big", parquet, schema, [0, 1], null, [new SortColumn("label", Descending: true)], Rows - 20, 10, null);
    }

    [Fact]
    public async Task A_sort_of_a_result_larger_than_memory_and_temp_disk_fails_naming_the_limits()
    {
        var sorted = BigSort();
        using var bounded = new DuckDbResultQuery(directory, Limits("16MB", maxTempBytes: 1_000_000));
        var refused = await Assert.ThrowsAsync<InvalidResultQueryException>(() => bounded.QueryAsync(sorted, CancellationToken.None));
        Assert.Contains("more memory than result views may use (memory limit 16MB, temporary disk 1000000 bytes", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_upload_larger_than_the_loaders_memory_and_temp_disk_fails_naming_the_limits()
    {
        string csv = Path.Combine(directory, "big.csv");
        await using (var writer = new StreamWriter(csv))
        {
            await writer.WriteLineAsync("n,label");
            string label = new('x', 200);
            for (int i = 0; i < Rows; i++)
            {
                await writer.WriteLineAsync($"{i},{label}{i}");
            }
        }
        UploadColumn[] columns = [new("n", UploadColumnType.Parse("bigint")!), new("label", UploadColumnType.Varchar)];

        using var loader = new DuckDbTableLoader(Limits("16MB", maxTempBytes: 1_000_000));
        var refused = await Assert.ThrowsAsync<UploadRejectedException>(() =>
            loader.LoadAsync(csv, UploadFormat.Csv, columns, Path.Combine(directory, "part.parquet"), CancellationToken.None));
        Assert.Contains("more memory than the table loader may use (memory limit 16MB, temporary disk 1000000 bytes", refused.Message, StringComparison.Ordinal);
    }

    /// <summary>hostile15: DuckDB has no per-query memory limit, so each result view runs on an instance of its own with an
    /// equal share of the result views' memory limit and temporary disk.</summary>
    [Fact]
    public async Task A_sort_that_fits_the_instance_but_not_a_views_share_fails_naming_the_share()
    {
        var sorted = BigSort();
        // One view at a time may take the whole limit: the sort fits.
        using (var alone = new DuckDbResultQuery(directory, Limits("256MB", maxTempBytes: 8_000_000)))
        {
            var (page, _) = await alone.QueryAsync(sorted, CancellationToken.None);
            using (page)
            {
                Assert.Equal(10, page.RowCount);
            }
        }

        // Eight at a time: each has 32 MB and 1 MB of disk, and the same sort is refused naming the share.
        using var shared = new DuckDbResultQuery(directory, Limits("256MB", maxTempBytes: 8_000_000), views: 8);
        var refused = await Assert.ThrowsAsync<InvalidResultQueryException>(() => shared.QueryAsync(sorted, CancellationToken.None));
        Assert.Contains("more memory than result views may use (memory limit 32000000B, temporary disk 1000000 bytes, "
            + "a view's share of memory limit 256MB and temporary disk 8000000 bytes, shared by 8 views at once", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Views_at_once_run_each_on_its_own_instance_and_no_more_are_opened_than_views()
    {
        var sorted = BigSort() with { Sort = [new SortColumn("n", Descending: true)], Offset = 0 };
        using var engine = new DuckDbResultQuery(directory, Limits("256MB", maxTempBytes: 8_000_000), views: 3);
        for (int round = 0; round < 3; round++)
        {
            var pages = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => engine.QueryAsync(sorted, CancellationToken.None)));
            foreach (var (page, matching) in pages)
            {
                using (page)
                {
                    Assert.Equal(10, page.RowCount);
                    Assert.Equal(Rows, matching);
                }
            }
        }
        Assert.InRange(engine.Instances, 1, 3);
        Assert.Equal(3, engine.Views);
    }
}
