namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision "dune-wild18": what a probe of 629 public DuneSQL files from 24 repositories not probed before met
/// (docs/notes/dune-wild18.md), through the HTTP API. The SQL standard's <c>substring(x FROM s [FOR n])</c> is Trino's
/// <c>substr(x, s[, n])</c> (AstBuilder.visitSubstring) and so takes a varbinary (tori1624's dashboards test a log's
/// selector with <c>substring(data from 1 for 4) = 0x0b4c7e4d</c>); a <c>time</c> or <c>time with time zone</c> cast
/// to a timestamp is today's date at that time (Trino's TimeToTimestampCast and its siblings; glowSOL's supply query
/// ends an hourly sequence at <c>cast(current_time as timestamp)</c>).
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneWild18Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task Substring_from_for_is_substr_and_takes_a_varbinary()
    {
        // Trino's substr: 1-based, a negative start counts from the end, a start of 0 gives an empty value; the
        // varchar's positions are code points.
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync("""
            SELECT substring(0x0102030405 FROM 2 FOR 3) AS a, substring(0x0102030405 FROM 4) AS b,
                   SUBSTRING(0x0102030405 from -2 for 1) AS c, substring('héllo' FROM 2 FOR 2) AS d,
                   substring('abc' FROM 0) AS e, substring(concat('ab', 'cd') FROM length('x') + 1 FOR (2)) AS f
            """);
        Assert.Equal(["varbinary", "varbinary", "varbinary", "varchar", "varchar", "varchar"], types);
        Assert.Equal("0x020304,0x0405,0x04,él,\"\",bc", csv[1]);
    }

    [Fact]
    public async Task Substring_from_for_reads_a_logs_selector_as_the_dashboard_wrote_it()
    {
        // tori1624/dune-dashboard aster/usdf_stable_LP.sql: where substring(data from 1 for 4) = 0x0b4c7e4d.
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync("""
            SELECT count(*) FILTER (WHERE substring(data from 1 for 4) = substr(data, 1, 4)) = count(data) AS same,
                   count(*) FILTER (WHERE substring(data from 1 for 4) = 0x0b4c7e4d) AS none, count(data) > 0 AS some
            FROM ethereum.logs
            """);
        Assert.Equal(["boolean", "bigint", "boolean"], types);
        Assert.Equal("true,0,true", csv[1]);
    }

    [Fact]
    public async Task A_time_cast_to_a_timestamp_is_todays_date_at_that_time()
    {
        // TimeToTimestampCast / TimeWithTimeZoneToTimestampCast: the session's date (UTC) at the time of day, rounded to
        // the timestamp's precision; to a timestamp with time zone, the instant (session zone UTC).
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync("""
            SELECT cast(cast(time '10:00:00.1235' AS timestamp) AS varchar) = cast(current_date AS varchar) || ' 10:00:00.124' AS rounded,
                   cast(time '10:00:00.1235' AS timestamp(6)) = cast(current_date AS timestamp(6)) + interval '36000.1235' second AS micros,
                   cast(time '23:30:00' AS timestamp with time zone) = cast(current_date AS timestamp with time zone) + interval '23' hour + interval '30' minute AS zoned,
                   abs(date_diff('millisecond', cast(current_time AS timestamp), localtimestamp)) <= 1000 AS now_local,
                   abs(date_diff('millisecond', cast(current_time AS timestamp with time zone), now())) <= 1000 AS now_zoned,
                   try_cast(current_time AS timestamp) IS NOT NULL AS tried,
                   cast(current_time AS timestamp) AS ts
            """);
        Assert.Equal(["boolean", "boolean", "boolean", "boolean", "boolean", "boolean", "timestamp(3)"], types);
        Assert.StartsWith("true,true,true,true,true,true,", csv[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_hourly_sequence_ending_at_the_current_time_as_a_timestamp_runs()
    {
        // tori1624/dune-dashboard glow-finance/glowSOL_supply.sql's frame (its fixed start moved to a week ago: Trino's
        // sequence stops at 10,000 entries).
        var (_, _, csv) = await Server.Alice.RunFirstRowAsync("""
            SELECT count(*) BETWEEN 7 * 24 AND 8 * 24 AS hours, max(period) <= localtimestamp AS ends_now
            FROM unnest(sequence(cast(current_date - interval '7' day AS timestamp), cast(current_time as timestamp), interval '1' hour)) AS t(period)
            """);
        Assert.Equal("true,true", csv[1]);
    }
}
