namespace Strata.Tests.DuneSql;

/// <summary>Decision "dune-types17" through the HTTP API: the result metadata's decimal types of <c>+ - *</c> as Trino's
/// DecimalOperators type them, with the JSON and CSV values; timestamp(9) at its ends and time(p) rounded; Trino's
/// "Decimal overflow" and the named refusals of values a precision cannot hold.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlTypes17HttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task Decimal_sums_and_products_have_trinos_types_and_values()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT CAST(999999999999999999 AS decimal(18,0)) * CAST(10 AS decimal(18,0)) AS m, "
            + "CAST(999999999999999999 AS decimal(18,0)) + CAST(1 AS decimal(18,0)) AS s, "
            + "CAST(1.25 AS decimal(10,2)) * CAST(2.5 AS decimal(10,2)) AS p, "
            + "CAST(5 AS decimal(18,2)) - CAST(7.5 AS decimal(18,1)) AS d, "
            + "1.5 * 2 AS l");
        Assert.Equal(["decimal(36,0)", "decimal(19,0)", "decimal(20,4)", "decimal(20,2)", "decimal(12,1)"], types);
        Assert.Equal("m,s,p,d,l", csv[0]);
        Assert.Equal("9999999999999999990,1000000000000000000,3.1250,-2.50,3.0", csv[1]);
        Assert.Equal("9999999999999999990", row["m"]!.GetValue<string>());
        Assert.Equal("1000000000000000000", row["s"]!.GetValue<string>());
        Assert.Equal("3.1250", row["p"]!.GetValue<string>());
        Assert.Equal("-2.50", row["d"]!.GetValue<string>());
    }

    [Fact]
    public async Task Timestamp_9_at_its_ends_and_time_p_have_trinos_values()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT CAST(TIMESTAMP '2262-04-11 23:47:16.854775806' AS timestamp(9)) AS hi, "
            + "CAST(TIMESTAMP '1677-09-22 00:00:00' AS timestamp(9)) AS lo, "
            + "TIMESTAMP '2024-01-01 00:00:00.123456789000' AS twelve, "
            + "CAST('23:59:59.9996' AS time(3)) AS t3");
        // A twelve-digit literal is timestamp(12) (decision 248); digits past the ninth held are zeros.
        Assert.Equal(["timestamp(9)", "timestamp(9)", "timestamp(12)", "time(3)"], types);
        Assert.Equal("hi,lo,twelve,t3", csv[0]);
        Assert.Equal("2262-04-11 23:47:16.854775806 UTC,1677-09-22 00:00:00.000000000 UTC,2024-01-01 00:00:00.123456789000 UTC,00:00:00.000", csv[1]);
    }

    [Theory]
    [InlineData("SELECT CAST('99999999999999999999999999999999999999' AS decimal(38,0)) * CAST(10 AS decimal(5,0))", "Decimal overflow")]
    [InlineData("SELECT CAST(TIMESTAMP '2262-04-11 23:47:16.854775807' AS timestamp(9))", "a timestamp(9) holds 1677-09-22 00:00:00.000000000 to 2262-04-11 23:47:16.854775806")]
    [InlineData("SELECT CAST(from_unixtime(1e11) AS timestamp(9))", "a timestamp(9) holds 1677-09-22 00:00:00.000000000 to 2262-04-11 23:47:16.854775806")]
    [InlineData("SELECT CAST('2024-01-01 00:00:00.123456789 UTC' AS timestamp(7) with time zone)", "holds microseconds (six digits)")]
    [InlineData("SELECT CAST(12345 AS char(2))", "Value 12345 cannot be represented as char(2)")]
    public async Task A_refused_query_says_why(string sql, string message)
    {
        string error = await Server.Alice.RunToFailureAsync(sql);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("BIGINT", error, StringComparison.Ordinal);
    }
}
