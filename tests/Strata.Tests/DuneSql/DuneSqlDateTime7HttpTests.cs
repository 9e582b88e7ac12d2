namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 269 (dune-datetime7), through the HTTP API's JSON and CSV: a zone per row keeps p digits, up to
/// nine (see DuneSqlDateTime7Tests; answers from Java 17's java.time).
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlDateTime7HttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Theory]
    [InlineData("SELECT at_timezone(from_unixtime_nanos(1591804523123456789), z) AS a FROM (VALUES 'Asia/Kolkata', 'America/New_York', '+05:45') v(z) ORDER BY z",
        "timestamp(9) with time zone", "a|2020-06-10 21:40:23.123456789 +05:45|2020-06-10 11:55:23.123456789 America/New_York|2020-06-10 21:25:23.123456789 Asia/Kolkata")]
    [InlineData("SELECT with_timezone(TIMESTAMP '2020-06-10 15:55:23.383345', z) AS a FROM (VALUES 'Asia/Kolkata', 'America/New_York') v(z) ORDER BY z",
        "timestamp(6) with time zone", "a|2020-06-10 15:55:23.383345 America/New_York|2020-06-10 15:55:23.383345 Asia/Kolkata")]
    [InlineData("SELECT with_timezone(TIMESTAMP '2020-06-10 15:55:23.38', z) AS a FROM (VALUES 'Asia/Kolkata') v(z)",
        "timestamp(3) with time zone", "a|2020-06-10 15:55:23.380 Asia/Kolkata")]
    [InlineData("SELECT from_iso8601_timestamp_nanos(t) AS a FROM (VALUES '2020-05-11T11:15:05.123456789+05:30', '2020-05-11T11:15:05.1-08:00', "
        + "'2020-05-11T11:15:05.000000001Z') v(t) ORDER BY t", "timestamp(9) with time zone",
        "a|2020-05-11 11:15:05.000000001 UTC|2020-05-11 11:15:05.100000000 -08:00|2020-05-11 11:15:05.123456789 +05:30")]
    [InlineData("SELECT from_iso8601_timestamp_nanos('2020-05-11T11:15:05.123456789+02:00') AS a", "timestamp(9) with time zone",
        "a|2020-05-11 11:15:05.123456789 +02:00")]
    public async Task Each_rows_zone_keeps_p_digits(string sql, string type, string expected)
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(sql);
        Assert.Equal([type], types);
        Assert.Equal(expected.Split('|'), csv);
        Assert.Equal(expected.Split('|')[1], row["a"]!.GetValue<string>());
    }

    /// <summary>In an array, the element's text as at the top level (nine digits, the row's offset).</summary>
    [Fact]
    public async Task A_nested_value_keeps_its_digits_and_zone()
    {
        var (row, _, _) = await Server.Alice.RunFirstRowAsync(
            "SELECT ARRAY[from_iso8601_timestamp_nanos(t)] AS a FROM (VALUES '2020-05-11T11:15:05.123456789+05:30') v(t)");
        Assert.Equal(["2020-05-11 11:15:05.123456789 +05:30"], row["a"]!.AsArray().Select(e => e!.GetValue<string>()));
    }
}
