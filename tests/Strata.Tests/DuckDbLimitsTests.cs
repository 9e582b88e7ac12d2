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

    [Fact]
    public async Task A_sort_of_a_result_larger_than_memory_and_temp_disk_fails_naming_the_limits()
    {
        string parquet = Path.Combine(directory, "big.parquet");
        using (var connection = new DuckDBConnection("Data Source=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // About 40 MB of text, in no particular order.
            command.CommandText = $"COPY (SELECT i AS n, repeat(md5(i::VARCHAR), 4) AS label FROM range({Rows}) t(i)) TO '{parquet}' (FORMAT parquet)";
            command.ExecuteNonQuery();
        }
        var schema = new ResultSchema([new ResultColumn("n", "bigint", ColumnKind.Int64), new ResultColumn("label", "varchar", ColumnKind.Text)]);
        var sorted = new ResultQuery("big", parquet, schema, [0, 1], null, [new SortColumn("label", Descending: true)], Rows - 20, 10, null);

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
}
