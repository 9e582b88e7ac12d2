using DuckDB.NET.Data;
using Strata.Core.Ingest;
using Strata.Engine.DuckDb;

namespace Strata.Tests.Ingest;

/// <summary>
/// The streaming chain part writer (<see cref="IChainParts.Begin"/>, ingest5): rows appended as blocks arrive are held in
/// memory only; finishing writes the part durably with the stored types; dropping it unfinished leaves no file and no
/// staging table.
/// </summary>
public sealed class ChainPartWriterTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "strata-chainpart-" + Guid.NewGuid().ToString("N"));
    private readonly DuckDbTableLoader loader;

    public ChainPartWriterTests()
    {
        Directory.CreateDirectory(directory);
        loader = new DuckDbTableLoader(new DuckDbLimits(1, "1GB", Path.Combine(directory, "tmp")));
    }

    public void Dispose()
    {
        loader.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private static object?[] Transaction(long index, AccessListEntry[]? accessList, string[]? blobHashes) =>
    [
        DateTimeOffset.FromUnixTimeSeconds(1_700_000_012 + index), 7L, "115792089237316195423570985008687907853269984665640564039457584007913129639935", 21000L,
        3_000_000_007L, 21000L, null, null, null, index, index, index % 2 == 0, "0x00000000000000000000000000000000000000aa", null,
        "0x" + new string('b', 64), "0x", "0x" + index.ToString("x2") + new string('c', 62), "DynamicFee", accessList,
        DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(1_700_000_012 + index).UtcDateTime), null, blobHashes,
    ];

    private string[] Files() => Directory.GetFiles(directory).Select(Path.GetFileName).ToArray()!;

    [Fact]
    public async Task Rows_appended_are_on_disk_only_once_finished_with_their_stored_types_and_a_part_dropped_unfinished_leaves_nothing()
    {
        var columns = ChainSchema.Columns(ChainTable.Transactions);
        using (var dropped = loader.Begin(columns))
        {
            dropped.Append([Transaction(0, [], null)]);
            Assert.Equal(1, dropped.Rows);
            Assert.Equal(1, loader.StagingTables());
            Assert.Empty(Files());
        }
        Assert.Equal(0, loader.StagingTables());
        Assert.Empty(Files());

        string part = Path.Combine(directory, "part.parquet");
        using (var writer = loader.Begin(columns))
        {
            writer.Append([Transaction(0, [], null), Transaction(1, null, ["0x01" + new string('d', 62)])]);
            writer.Append([Transaction(2, [new AccessListEntry("0x00000000000000000000000000000000000000ee", ["0x" + new string('1', 64), "0x" + new string('2', 64)])], [])]);
            Assert.Empty(Files());
            Assert.Equal(3, await writer.FinishAsync(part, CancellationToken.None));
        }
        Assert.Equal(["part.parquet"], Files());
        Assert.Equal(0, loader.StagingTables());

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            SET TimeZone = 'UTC';
            SELECT "index", epoch(block_time)::BIGINT, CAST(block_date AS VARCHAR), value, hex(hash), hex("from"), "to" IS NULL, data = ''::BLOB, success,
                   CAST(access_list AS VARCHAR), hex(access_list[1].address), hex(access_list[1].storageKeys[2]), len(blob_versioned_hashes), hex(blob_versioned_hashes[1]),
                   max_fee_per_gas IS NULL, typeof(block_time), typeof(hash), typeof(access_list)
            FROM read_parquet('{part}') ORDER BY "index"
            """;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }
        string max = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
        string hash = new('C', 62);
        Assert.Equal(
        [
            $"0|1700000012|2023-11-14|{max}|00{hash}|{new string('0', 38)}AA|True|True|True|[]|NULL|NULL|NULL|NULL|True|TIMESTAMP WITH TIME ZONE|BLOB|STRUCT(address BLOB, storageKeys BLOB[])[]",
            $"1|1700000013|2023-11-14|{max}|01{hash}|{new string('0', 38)}AA|True|True|False|NULL|NULL|NULL|1|01{new string('D', 62)}|True|TIMESTAMP WITH TIME ZONE|BLOB|STRUCT(address BLOB, storageKeys BLOB[])[]",
            $"2|1700000014|2023-11-14|{max}|02{hash}|{new string('0', 38)}AA|True|True|True|[{{'address': \\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\x00\\xEE, 'storageKeys': [{Escaped('1')}, {Escaped('2')}]}}]|{new string('0', 38)}EE|{new string('2', 64)}|0|NULL|True|TIMESTAMP WITH TIME ZONE|BLOB|STRUCT(address BLOB, storageKeys BLOB[])[]",
        ], rows);
    }

    [Fact]
    public async Task A_writer_takes_part_after_part_in_one_staging_table_each_part_holding_only_its_rows_and_a_clear_drops_rows_unwritten()
    {
        var columns = ChainSchema.Columns(ChainTable.Transactions);
        string first = Path.Combine(directory, "first.parquet"), second = Path.Combine(directory, "second.parquet");
        using (var writer = loader.Begin(columns))
        {
            writer.Append([Transaction(0, [], null), Transaction(1, [], null)]);
            Assert.Equal(2, await writer.FinishAsync(first, CancellationToken.None));
            Assert.Equal(0, writer.Rows);
            writer.Append([Transaction(2, [], null)]);
            writer.Clear();
            Assert.Equal(0, writer.Rows);
            writer.Append([Transaction(3, [], null)]);
            Assert.Equal(1, await writer.FinishAsync(second, CancellationToken.None));
            Assert.Equal(1, loader.StagingTables());
        }
        Assert.Equal(0, loader.StagingTables());
        Assert.Equal(["first.parquet", "second.parquet"], Files().Order());

        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        string Rows(string file)
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT string_agg(CAST(\"index\" AS VARCHAR) || ':' || hex(hash), ',' ORDER BY \"index\") FROM read_parquet('{file}')";
            return (string)command.ExecuteScalar()!;
        }
        string hash = new('C', 62);
        Assert.Equal($"0:00{hash},1:01{hash}", Rows(first));
        Assert.Equal($"3:03{hash}", Rows(second));
    }

    [Fact]
    public async Task Parts_are_written_to_their_names_then_synced_together_across_directories_and_a_failed_write_or_a_missing_file_fails_leaving_nothing()
    {
        string a = Path.Combine(directory, "a"), b = Path.Combine(directory, "b");
        Directory.CreateDirectory(a);
        Directory.CreateDirectory(b);
        string[] parts = [Path.Combine(a, "1.parquet"), Path.Combine(a, "2.parquet"), Path.Combine(b, "3.parquet")];
        var columns = ChainSchema.Columns(ChainTable.Transactions);
        using (var writer = loader.Begin(columns))
        {
            foreach (string part in parts)
            {
                writer.Append([Transaction(0, [], null)]);
                Assert.Equal(1, await writer.FinishAsync(part, CancellationToken.None));
            }

            // A part is at its own name once written (no temporary file left), and the sync of all of them is one call.
            Assert.Equal(["1.parquet", "2.parquet"], Directory.GetFiles(a).Select(Path.GetFileName).Order());
            Assert.Equal(["3.parquet"], Directory.GetFiles(b).Select(Path.GetFileName));
            await loader.SyncAsync(parts, CancellationToken.None);

            // A sync of a file that is not there fails: a commit never lists a part whose sync did not happen.
            await Assert.ThrowsAnyAsync<IOException>(() => loader.SyncAsync([parts[0], Path.Combine(b, "missing.parquet")], CancellationToken.None));

            // A part whose COPY fails (its target's directory is gone) leaves no file and the writer takes the next part.
            writer.Append([Transaction(1, [], null)]);
            await Assert.ThrowsAnyAsync<Exception>(() => writer.FinishAsync(Path.Combine(directory, "gone", "4.parquet"), CancellationToken.None));
            Assert.False(Directory.Exists(Path.Combine(directory, "gone")));
            Assert.Equal(0, writer.Rows);
        }
    }

    private static string Escaped(char c) => string.Concat(Enumerable.Repeat("\\x" + c + c, 32));
}
