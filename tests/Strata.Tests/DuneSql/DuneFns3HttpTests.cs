using System.Net;
using System.Text.Json.Nodes;

namespace Strata.Tests.DuneSql;

/// <summary>Decision "dune-fns3" through the HTTP API, against Trino's documented behaviour: date_trunc with a unit per
/// row (a column, a CASE) keeps the value's type and zone and refuses a unit Trino does not take; the weighted
/// approx_percentile and its array form (t-digest's reading, exact: Trino's answer at small counts); Trino's words for
/// parse_data_size's overflow, a one-argument multimap_agg, the expression-depth limit; a number parameter past double's
/// range refused; date_format/format_datetime of zoned values across daylight-saving edges; JSON_TABLE named at its
/// position.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneFns3HttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private Task<string[]> CsvAsync(string sql) => Server.Alice.RunCsvAsync(sql);

    [Fact]
    public async Task Date_trunc_with_a_unit_per_row_truncates_as_a_constant_unit_does()
    {
        // Trino's DateTimeFunctions: the unit lower-cased; weeks from Monday; a timestamp keeps its type.
        var rows = await CsvAsync("SELECT u, date_trunc(u, TIMESTAMP '2024-05-17 13:45:12.345') AS t FROM (VALUES 'millisecond', 'second', "
            + "'minute', 'HOUR', 'day', 'week', 'month', 'Quarter', 'year', NULL) v(u) ORDER BY u NULLS LAST");
        Assert.Equal(
        [
            "u,t", "HOUR,2024-05-17 13:00:00.000 UTC", "Quarter,2024-04-01 00:00:00.000 UTC", "day,2024-05-17 00:00:00.000 UTC",
            "millisecond,2024-05-17 13:45:12.345 UTC", "minute,2024-05-17 13:45:00.000 UTC", "month,2024-05-01 00:00:00.000 UTC",
            "second,2024-05-17 13:45:12.000 UTC", "week,2024-05-13 00:00:00.000 UTC", "year,2024-01-01 00:00:00.000 UTC", ",",
        ], rows);
    }

    [Fact]
    public async Task Date_trunc_with_a_unit_per_row_keeps_a_date_a_date_and_a_zone_its_zone()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT date_trunc(u, DATE '2024-05-17') AS d, "
            + "date_trunc(u, TIMESTAMP '2024-05-17 02:00:00' AT TIME ZONE 'America/New_York') AS ny, "
            + "date_trunc(CASE WHEN n > 1 THEN 'month' ELSE 'day' END, from_iso8601_timestamp('2024-05-17T13:45:12.345+02:00')) AS plus2 "
            + "FROM (VALUES ('week', 2)) v(u, n)");
        // 02:00 UTC is 22:00 on the 16th in New York (EDT): its week starts Monday the 13th there.
        // A literal of fewer than three digits is timestamp(3) (decision 252); date_trunc and AT TIME ZONE keep 3 digits.
        Assert.Equal("2024-05-13,2024-05-13 00:00:00.000 America/New_York,2024-05-01 00:00:00.000 +02:00", csv[1]);
        Assert.Equal(["date", "timestamp(3) with time zone", "timestamp(3) with time zone"], types);
    }

    [Fact]
    public async Task Weighted_approx_percentile_reads_the_t_digest_as_trino_does()
    {
        // Values 1 and 2 of weight 1 and 3 of weight 10 (total 12): at 0.5 the position 6 is 4 units into the
        // half-units between 2 and 3's mean, 4/5 of the way: 2.8 (a bigint rounds it, as Java's Math.round). At 0.1
        // (position 1.2) the singleton 2 holds it; at 0.99 (position 11.88, within the last unit) the maximum.
        // A NULL value or weight is not added.
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT approx_percentile(x, w, 0.5) AS b, approx_percentile(CAST(x AS double), w, 0.5) AS d, "
            + "approx_percentile(CAST(x AS real), w, 0.5) AS r, approx_percentile(CAST(x AS double), w, ARRAY[0.99, 0.1, 0.5]) AS a, "
            + "approx_percentile(x, w, ARRAY[0.5]) AS ab "
            + "FROM (VALUES (1, 1), (2, 1), (3, 10), (NULL, 5), (9, NULL)) v(x, w)");
        Assert.Equal("3,2.8,2.8,\"[3.0,2.0,2.8]\",[3]", csv[1]);
        Assert.Equal(["bigint", "double", "real", "array(double)", "array(bigint)"], types);
    }

    [Fact]
    public async Task Weighted_approx_percentile_per_group_with_a_filter_and_of_no_rows()
    {
        var rows = await CsvAsync("SELECT g, approx_percentile(x, w, 0.5) FILTER (WHERE x > 1) AS p, approx_percentile(x, w, ARRAY[0.5]) AS a "
            + "FROM (VALUES (1, 1, 1), (2, 1, 1), (3, 10, 2), (1, 3, 3)) v(x, w, g) GROUP BY g ORDER BY g");
        Assert.Equal(["g,p,a", "1,2,[2]", "2,3,[3]", "3,,[1]"], rows);
        var (_, _, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT approx_percentile(x, w, 0.5) AS p, approx_percentile(x, w, ARRAY[0.5]) AS a FROM (VALUES (1, 1)) v(x, w) WHERE x > 5");
        Assert.Equal(",", csv[1]);
    }

    [Theory]
    [InlineData("SELECT date_trunc(u, DATE '2024-05-17') FROM (VALUES 'hour') v(u)", "'hour' is not a valid DATE field")]
    [InlineData("SELECT date_trunc(u, TIMESTAMP '2024-05-17 00:00:00') FROM (VALUES 'Decade') v(u)", "'decade' is not a valid Timestamp field")]
    [InlineData("SELECT date_trunc('decade', TIMESTAMP '2024-05-17 00:00:00')", "'decade' is not a valid Timestamp field")]
    [InlineData("SELECT date_trunc(' day', TIMESTAMP '2024-05-17 00:00:00')", "' day' is not a valid Timestamp field")]
    [InlineData("SELECT approx_percentile(x, w, 0.5) FROM (VALUES (1, 0.5)) v(x, w)", "weight must be >= 1, was 0.5")]
    [InlineData("SELECT approx_percentile(x, w, 1.5) FROM (VALUES (1, 1)) v(x, w)", "Percentile must be between 0 and 1")]
    [InlineData("SELECT approx_percentile(x) FROM (VALUES 1) v(x)", "Unexpected parameters for function approx_percentile")]
    [InlineData("SELECT multimap_agg(x) FROM (VALUES 1) v(x)", "Unexpected parameters for function multimap_agg")]
    [InlineData("SELECT parse_data_size('99999999999999999999999999999999999999999EB')",
        "Value out of range: '99999999999999999999999999999999999999999EB' ('115292150460684697599999999999999999999998847078495393153024B')")]
    [InlineData("SELECT parse_data_size('100000000000000000000000000000000000000B')",
        "Value out of range: '100000000000000000000000000000000000000B' ('100000000000000000000000000000000000000B')")]
    public async Task A_refused_call_says_why_in_trinos_words(string sql, string message)
    {
        Assert.Equal(message, await Server.Alice.RunToFailureAsync(sql));
    }

    [Fact]
    public async Task Parse_data_size_is_exact_up_to_decimal_38()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT parse_data_size('2.3MB') a, parse_data_size('1.5YB') b, parse_data_size('99999999999999999999999999999999999999B') c, "
            + "parse_data_size('0.0000000000001kB') d");
        Assert.Equal("2411724,1813388729421943762059264,99999999999999999999999999999999999999,0", csv[1]);
        Assert.Equal(["decimal(38,0)", "decimal(38,0)", "decimal(38,0)", "decimal(38,0)"], types);
    }

    [Fact]
    public async Task An_expression_past_the_depth_limit_names_strata_s_limit_not_a_duckdb_setting()
    {
        string message = await Server.Alice.RunToFailureAsync("SELECT " + string.Concat(Enumerable.Repeat("abs(", 1100)) + "1" + new string(')', 1100));
        Assert.StartsWith("Expression nested too deeply: Strata's limit is 200 levels", message, StringComparison.Ordinal);
        Assert.DoesNotContain("SET", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_table_passing_is_refused_naming_it_at_its_position()
    {
        // JSON_TABLE itself runs since decision 217; PASSING, which it cannot answer as Trino does, is refused.
        string id = await Server.Alice.SubmitAsync("SELECT *\nFROM JSON_TABLE('[1,2]', 'lax $[*]' PASSING 1 AS \"x\" COLUMNS (a integer PATH 'lax $')) t");
        var status = await Server.Alice.WaitAsync(id);
        Assert.Equal("QUERY_STATE_FAILED", status["state"]!.GetValue<string>());
        Assert.Equal("JSON_TABLE: the PASSING clause is not supported", status["error"]!["message"]!.GetValue<string>());
        Assert.Equal(2, status["error"]!["metadata"]!["line"]!.GetValue<int>());
        Assert.Equal(37, status["error"]!["metadata"]!["column"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_number_parameter_past_doubles_range_is_refused()
    {
        var (status, body, _) = await Server.Alice.PostJsonAsync("/api/v1/query", new JsonObject
        {
            ["name"] = "fns3", ["query_sql"] = "select {{n}} as x",
            ["parameters"] = new JsonArray(new JsonObject { ["key"] = "n", ["type"] = "number", ["value"] = "1" }),
        }.ToJsonString());
        Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
        long id = body!["query_id"]!.GetValue<long>();
        foreach (string value in new[] { "1e400", "-2E+309" })
        {
            var (refused, error, _) = await Server.Alice.PostJsonAsync($"/api/v1/query/{id}/execute",
                new JsonObject { ["query_parameters"] = new JsonObject { ["n"] = value } }.ToJsonString());
            Assert.Equal(HttpStatusCode.BadRequest, refused);
            Assert.Equal($"parameter 'n' must be a number within double's range (about ±1.8e308), got '{value}'", error!["error"]!.GetValue<string>());
        }
        var (ok, run, _) = await Server.Alice.PostJsonAsync($"/api/v1/query/{id}/execute",
            new JsonObject { ["query_parameters"] = new JsonObject { ["n"] = "1e300" } }.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, ok);
        var done = await Server.Alice.WaitAsync(run!["execution_id"]!.GetValue<string>());
        Assert.Equal("QUERY_STATE_COMPLETED", done["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Date_format_of_zoned_values_reads_the_zones_wall_clock_across_daylight_saving_edges()
    {
        // Joda's zone rules as Trino's: New York springs forward at 07:00 UTC on 2024-03-10 and falls back at 06:00 UTC on
        // 2024-11-03 (both 05:30 and 06:30 UTC read 01:30); New York kept summer time in 1960; London springs at 01:00 UTC.
        var rows = await CsvAsync("SELECT date_format(t AT TIME ZONE 'America/New_York', '%Y-%m-%d %H:%i:%s.%f %a %p %h %j %x-%v') AS d, "
            + "format_datetime(t AT TIME ZONE 'America/New_York', 'yyyy-MM-dd HH:mm:ss.SSS EEE a xxxx') AS f, "
            + "date_format(t AT TIME ZONE 'Europe/London', '%H:%i') AS l "
            + "FROM (VALUES TIMESTAMP '2024-03-10 06:59:59.999', TIMESTAMP '2024-03-10 07:00:00', TIMESTAMP '2024-11-03 05:30:00', "
            + "TIMESTAMP '2024-11-03 06:30:00', TIMESTAMP '1960-06-01 12:00:00', TIMESTAMP '2024-03-31 01:00:00') v(t) ORDER BY t");
        Assert.Equal(
        [
            "d,f,l",
            "1960-06-01 08:00:00.000000 Wed AM 08 153 1960-22,1960-06-01 08:00:00.000 Wed AM 1960,13:00",
            "2024-03-10 01:59:59.999000 Sun AM 01 070 2024-10,2024-03-10 01:59:59.999 Sun AM 2024,06:59",
            "2024-03-10 03:00:00.000000 Sun AM 03 070 2024-10,2024-03-10 03:00:00.000 Sun AM 2024,07:00",
            "2024-03-30 21:00:00.000000 Sat PM 09 090 2024-13,2024-03-30 21:00:00.000 Sat PM 2024,02:00",
            "2024-11-03 01:30:00.000000 Sun AM 01 308 2024-44,2024-11-03 01:30:00.000 Sun AM 2024,05:30",
            "2024-11-03 01:30:00.000000 Sun AM 01 308 2024-44,2024-11-03 01:30:00.000 Sun AM 2024,06:30",
        ], rows);
    }
}
