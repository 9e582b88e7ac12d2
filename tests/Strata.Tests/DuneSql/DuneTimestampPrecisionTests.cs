using System.Text.Json.Nodes;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using DuckDB.NET.Data;
using Strata.Core.Results;

namespace Strata.Tests.DuneSql;

/// <summary>
/// dune-time5: Trino's <c>timestamp(9)</c> (a cast to timestamp(9), a literal with nine fractional digits) is DuckDB's
/// TIMESTAMP_NS, typed <c>timestamp(9)</c> in the result's metadata and written with all nine digits in JSON and CSV, inside
/// arrays too; the stored result (an Arrow nanosecond column), the Arrow and Parquet downloads and a filtered, sorted view
/// keep every digit. A timestamp(3) column stays as it was (milliseconds, <c>timestamp(3)</c>).
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneTimestampPrecisionTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private const string Nanos = "SELECT CAST(TIMESTAMP '2024-01-01 00:00:00.123456789' AS timestamp(9)) AS n, "
        + "TIMESTAMP '1969-12-31 23:59:59.999998766' AS before_epoch, TIMESTAMP '2024-01-01 00:00:00.123456' AS ms, "
        + "ARRAY[CAST(TIMESTAMP '2020-05-11 11:15:05.000000001' AS timestamp(9))] AS a";

    [Fact]
    public async Task A_timestamp9_is_typed_and_written_with_nine_digits_in_json_and_csv()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(Nanos);
        // A literal is typed by its digits (decision 248): seven to nine digits of before_epoch, six of ms.
        Assert.Equal(["timestamp(9)", "timestamp(9)", "timestamp(6)", "array(timestamp(9))"], types);
        Assert.Equal("2024-01-01 00:00:00.123456789 UTC", row["n"]!.GetValue<string>());
        Assert.Equal("1969-12-31 23:59:59.999998766 UTC", row["before_epoch"]!.GetValue<string>());
        Assert.Equal("2024-01-01 00:00:00.123456 UTC", row["ms"]!.GetValue<string>());
        Assert.Equal("""["2020-05-11 11:15:05.000000001 UTC"]""", row["a"]!.ToJsonString());
        var parsed = ValueEncodingTests.ParseCsv(string.Join("\n", csv) + "\n");
        Assert.Equal("2024-01-01 00:00:00.123456789 UTC", parsed[1][0]);
        Assert.Equal("1969-12-31 23:59:59.999998766 UTC", parsed[1][1]);
    }

    [Fact]
    public async Task Typeof_names_the_precision_and_a_nine_digit_literal_is_a_timestamp9()
    {
        var (row, types, _) = await Server.Alice.RunFirstRowAsync(
            "SELECT typeof(TIMESTAMP '2024-01-01 00:00:00.123456789') AS t, typeof(CAST(TIMESTAMP '2024-01-01' AS timestamp(9))) AS c, "
            + "typeof(TIMESTAMP '2024-01-01 00:00:00.123') AS m, CAST(TIMESTAMP '1970-01-01 00:00:00.000000100' AS varchar) AS v");
        Assert.Equal(["varchar", "varchar", "varchar", "varchar"], types);
        Assert.Equal(["timestamp(9)", "timestamp(9)", "timestamp(3)", "1970-01-01 00:00:00.000000100"],
            new[] { "t", "c", "m", "v" }.Select(c => row[c]!.GetValue<string>()));
    }

    [Fact]
    public async Task The_arrow_download_holds_nanoseconds_and_a_view_filters_and_sorts_them()
    {
        string id = await Server.Alice.SubmitAsync("SELECT CAST(t AS timestamp(9)) AS v FROM (VALUES (TIMESTAMP '2024-01-01 00:00:00.000000300'), "
            + "(TIMESTAMP '2024-01-01 00:00:00.000000100'), (TIMESTAMP '2024-01-01 00:00:00.000000200'), (TIMESTAMP '2023-12-31 00:00:00.000000000')) AS x(t)");
        await Server.Alice.WaitAsync(id);
        using (var response = await Server.Alice.GetAsync($"/api/v1/execution/{id}/results/arrow"))
        {
            response.EnsureSuccessStatusCode();
            using var reader = new ArrowStreamReader(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
            var batch = await reader.ReadNextRecordBatchAsync();
            Assert.NotNull(batch);
            Assert.Equal(TimeUnit.Nanosecond, ((TimestampType)batch.Schema.GetFieldByName("v").DataType).Unit);
            Assert.Equal(1704067200000000300L, ((TimestampArray)batch.Column("v")).Values[0]);
        }
        var view = await Server.Alice.GetFromJsonNodeAsync(
            $"/api/v1/execution/{id}/results?sort_by=v&filters={Uri.EscapeDataString("v >= '2024-01-01 00:00:00'")}");
        var rows = view["result"]!["rows"]!.AsArray().Select(r => r!["v"]!.GetValue<string>()).ToArray();
        Assert.Equal(["2024-01-01 00:00:00.000000100 UTC", "2024-01-01 00:00:00.000000200 UTC", "2024-01-01 00:00:00.000000300 UTC"], rows);
        Assert.Equal("timestamp(9)", view["result"]!["metadata"]!["column_types"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task The_parquet_download_keeps_nanoseconds()
    {
        string id = await Server.Alice.SubmitAsync(Nanos);
        await Server.Alice.WaitAsync(id);
        byte[] parquet = await Server.Alice.GetByteArrayAsync($"/api/v1/execution/{id}/results/parquet");
        string path = Path.Combine(Path.GetTempPath(), $"dune-time5-{Guid.NewGuid():N}.parquet");
        await File.WriteAllBytesAsync(path, parquet);
        try
        {
            using var connection = new DuckDBConnection("DataSource=:memory:");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT epoch_ns(n), epoch_ns(before_epoch), epoch_us(ms) FROM read_parquet('{path}')";
            using var reader = command.ExecuteReader();
            Assert.True(reader.Read());
            Assert.Equal(1704067200123456789L, reader.GetInt64(0));
            Assert.Equal(-1234L, reader.GetInt64(1));
            Assert.Equal(1704067200123456L, reader.GetInt64(2));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_cast_to_timestamp9_with_time_zone_is_refused_by_name_not_cut_to_microseconds()
    {
        string id = await Server.Alice.SubmitAsync("SELECT CAST(TIMESTAMP '2024-01-01 00:00:00.123456789' AS timestamp(9) with time zone)");
        var status = await Server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        Assert.Contains("timestamp(9) with time zone is not supported", status["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1704067200123456789L, "2024-01-01 00:00:00.123456789 UTC")]
    [InlineData(-1234L, "1969-12-31 23:59:59.999998766 UTC")]
    [InlineData(0L, "1970-01-01 00:00:00.000000000 UTC")]
    [InlineData(TemporalFormat.InfinityMicros, "infinity")]
    [InlineData(TemporalFormat.NegativeInfinityMicros, "-infinity")]
    public void Nanoseconds_are_written_with_nine_digits(long nanos, string expected)
    {
        Span<byte> span = stackalloc byte[TemporalFormat.MaxLength];
        int n = TemporalFormat.WriteTimestampNanos(span, nanos);
        Assert.Equal(expected, System.Text.Encoding.ASCII.GetString(span[..n]));
    }

    [Fact]
    public void Microseconds_are_still_written_as_milliseconds()
    {
        Span<byte> span = stackalloc byte[TemporalFormat.MaxLength];
        int n = TemporalFormat.WriteTimestamp(span, -1);
        Assert.Equal("1969-12-31 23:59:59.999 UTC", System.Text.Encoding.ASCII.GetString(span[..n]));
    }
}
