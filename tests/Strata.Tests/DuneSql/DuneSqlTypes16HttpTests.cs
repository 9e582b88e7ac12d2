namespace Strata.Tests.DuneSql;

/// <summary>Decision "dune-types16" through the HTTP API: the result metadata's column types and the CSV values of the
/// rounded timestamp casts, cosine_similarity of arrays and maps and a zone kept by a cast; Trino's refusal of a bigint
/// compared with a varbinary and of a timestamp(9) outside DuckDB's nanosecond range.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlTypes16HttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task Rounded_casts_cosine_similarity_and_a_kept_zone_have_trinos_values_and_types()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT CAST('2024-01-01 00:00:00.1235' AS timestamp) AS ts, "
            + "CAST('2024-01-01 00:00:00.5 UTC' AS timestamp(0) with time zone) AS tz, "
            + "cosine_similarity(ARRAY[1.0, 2.0], ARRAY[3.0, 4.0]) AS dense, "
            + "cosine_distance(MAP(ARRAY['a'], ARRAY[1.0]), MAP(ARRAY['a'], ARRAY[2.0])) AS sparse, "
            + "hour(CAST('2024-01-01 23:30:00 Asia/Tokyo' AS timestamp with time zone)) AS h");
        Assert.Equal("ts,tz,dense,sparse,h", csv[0]);
        // timestamp(0) with time zone: named and shown with no fraction, as Trino (decision 208).
        Assert.Equal("2024-01-01 00:00:00.124 UTC,2024-01-01 00:00:01 UTC,0.9838699100999074,0,23", csv[1]);
        Assert.Equal(["timestamp(3)", "timestamp(0) with time zone", "double", "double", "bigint"], types);
    }

    [Theory]
    [InlineData("SELECT n FROM (VALUES CAST(1 AS bigint)) t(n) WHERE n = 0x01", "Cannot apply operator: bigint = varbinary")]
    [InlineData("SELECT CAST('1000-01-01' AS timestamp(9))", "a timestamp(9) holds 1677-09-22 00:00:00.000000000 to 2262-04-11 23:47:16.854775806")]
    [InlineData("SELECT normalize(1)", "Unexpected parameters")]
    public async Task A_refused_query_says_why(string sql, string message)
    {
        Assert.Contains(message, await Server.Alice.RunToFailureAsync(sql), StringComparison.Ordinal);
    }
}
