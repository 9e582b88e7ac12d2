namespace Strata.Tests.DuneSql;

/// <summary>A timestamp(9) compared with timestamps with time zone through the HTTP API (decision "dune-types14"): the
/// instants at nanoseconds, the timestamp(9) read in UTC (Trino's session zone on Dune).</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlTypes14HttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task A_timestamp9_compares_with_zoned_values_at_nanoseconds()
    {
        // from_unixtime(1) is 00:00:01 UTC (01:00:01 in Paris): one nanosecond later is greater and unequal.
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT CAST('1970-01-01 00:00:01.000000001' AS timestamp(9)) > at_timezone(from_unixtime(1), 'Europe/Paris') AS gt, "
            + "CAST('1970-01-01 00:00:01.000000001' AS timestamp(9)) = at_timezone(from_unixtime(1), 'Europe/Paris') AS eq, "
            + "TIMESTAMP '1970-01-01 00:00:00.999999999' < from_unixtime(1) AS lt, "
            + "(SELECT count(*) FROM (VALUES from_unixtime(1), from_unixtime(2)) t(block_time) WHERE block_time >= TIMESTAMP '1970-01-01 00:00:01.000000001') AS n");
        Assert.Equal("gt,eq,lt,n", csv[0]);
        Assert.Equal("true,false,true,1", csv[1]);
        Assert.Equal(["boolean", "boolean", "boolean", "bigint"], types);
    }

    [Fact]
    public async Task A_nanosecond_column_meeting_a_zones_value_is_a_clear_error()
    {
        string message = await Server.Alice.RunToFailureAsync(
            "SELECT x > at_timezone(from_unixtime(1), 'Europe/Paris') FROM (VALUES CAST('1970-01-01 00:00:01.000000001' AS timestamp(9))) t(x)");
        Assert.Contains("Cannot compare or combine timestamp(9) with nanoseconds and timestamp(3) with time zone (Europe/Paris) exactly here",
            message, StringComparison.Ordinal);
    }
}
