namespace Strata.Tests.DuneSql;

/// <summary>Decision 208 ("dune-types20") through the HTTP API, JSON and CSV: char(n) values padded as Trino shows them,
/// compared ignoring trailing spaces (Chars.compareChars), length() of a char its n (StringFunctions.charLength), a char
/// concatenation keeping the first's padding (the char concat); the result metadata's type names of declared precisions
/// and lengths (timestamp(p), time(p), timestamp(p) with time zone, varchar(n), char(n), decimal(p,s)) with the values'
/// digits; from_unixtime_nanos named timestamp(9) with time zone; date_trunc of a time with time zone (timetz DateTrunc); the
/// special texts 'infinity', '-infinity' and 'epoch' refused in a computed text's cast (Trino's VarcharTo…Cast words) and by
/// date_parse, from_iso8601_timestamp(_nanos), from_iso8601_date (Joda's "Invalid format").</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlTypes20HttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task A_char_is_padded_to_its_length_and_named_char_n()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT CAST('ab' AS char(5)) AS c, CAST('abcdef' AS char(3)) AS cut, CAST('x' AS char) AS one, TRY_CAST('ab  ' AS char(4)) AS t, "
            + "length(CAST('ab' AS char(5))) AS len, CAST('ab' AS char(3)) || CAST('c' AS char(2)) AS cat");
        Assert.Equal(["char(5)", "char(3)", "char(1)", "char(4)", "bigint"], types[..5]);
        Assert.Equal("c,cut,one,t,len,cat", csv[0]);
        Assert.Equal("ab   ,abc,x,ab  ,5,ab c ", csv[1]);
        Assert.Equal("ab   ", row["c"]!.GetValue<string>());
        Assert.Equal(5, row["len"]!.GetValue<long>());
        Assert.Equal("ab c ", row["cat"]!.GetValue<string>());
    }

    [Fact]
    public async Task Chars_compare_as_if_the_shorter_were_padded()
    {
        var (row, _, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT CAST('ab' AS char(3)) = CAST('ab' AS char(5)) AS eq, CAST('ab' AS char(5)) = 'ab' AS with_varchar, "
            + "CAST('ab' AS char(5)) <> 'ab ' AS ne, CAST('ab' AS char(4)) < CAST('abc' AS char(3)) AS lt, "
            + "CAST('ab' AS char(5)) IN ('x', 'ab') AS in_list, CAST('b' AS char(4)) BETWEEN 'a' AND 'b' AS btw, "
            + "(CAST('ab' AS char(5))) = CAST(NULL AS varchar) AS n");
        Assert.Equal("eq,with_varchar,ne,lt,in_list,btw,n", csv[0]);
        Assert.Equal("true,true,false,true,true,true,", csv[1]);
        Assert.True(row["eq"]!.GetValue<bool>());
        Assert.Null(row["n"]);
    }

    [Fact]
    public async Task A_char_column_filters_ignoring_trailing_spaces()
    {
        var (_, _, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT count(*) AS n FROM (VALUES 'ab', 'ab  ', 'abc') t(s) WHERE CAST(s AS char(4)) = 'ab'");
        Assert.Equal("2", csv[1]);
    }

    [Fact]
    public async Task Declared_precisions_name_the_result_columns_and_give_their_digits()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT CAST('2024-05-06 12:34:56.123456' AS timestamp(5)) AS t5, CAST('2024-05-06 12:34:56.5' AS timestamp(0)) AS t0, "
            + "CAST(TIMESTAMP '2024-05-06 12:34:56.123456' AS timestamp(6)) AS t6, CAST('2024-05-06 12:34:56.123456789' AS timestamp(7)) AS t7, "
            + "CAST('2024-05-06 12:34:56.123456789' AS timestamp(9)) AS t9, CAST('2024-05-06 12:34:56.1234 UTC' AS timestamp(4) with time zone) AS z4, "
            + "CAST('12:34:56.789' AS time(1)) AS tm1, CAST('12:34:56.123456' AS time(6)) AS tm6, CAST('12:34:56.7' AS time(0)) AS tm0, "
            + "CAST('abc' AS varchar(5)) AS v5, CAST(1.5 AS decimal(10, 2)) AS d, CAST('2024-05-06 12:34:56.123' AS timestamp(3)) AS t3");
        Assert.Equal(["timestamp(5)", "timestamp(0)", "timestamp(6)", "timestamp(7)", "timestamp(9)", "timestamp(4) with time zone",
            "time(1)", "time(6)", "time(0)", "varchar(5)", "decimal(10,2)", "timestamp(3)"], types);
        Assert.Equal("t5,t0,t6,t7,t9,z4,tm1,tm6,tm0,v5,d,t3", csv[0]);
        Assert.Equal("2024-05-06 12:34:56.12346 UTC,2024-05-06 12:34:57 UTC,2024-05-06 12:34:56.123456 UTC,2024-05-06 12:34:56.1234568 UTC,"
            + "2024-05-06 12:34:56.123456789 UTC,2024-05-06 12:34:56.1234 UTC,12:34:56.8,12:34:56.123456,12:34:57,abc,1.50,2024-05-06 12:34:56.123 UTC", csv[1]);
        Assert.Equal("2024-05-06 12:34:56.12346 UTC", row["t5"]!.GetValue<string>());
        Assert.Equal("12:34:56.8", row["tm1"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_declared_type_survives_an_alias_parentheses_a_cte_and_order_by()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "WITH x AS (SELECT 1 AS k) SELECT k, (CAST('2024-05-06 00:00:00.12' AS timestamp(2))) t2, TRY_CAST('a' AS varchar(3)) AS \"v\" "
            + "FROM x ORDER BY 1 LIMIT 5");
        Assert.Equal(["integer", "timestamp(2)", "varchar(3)"], types);
        Assert.Equal("1,2024-05-06 00:00:00.12 UTC,a", csv[1]);
    }

    [Fact]
    public async Task Only_the_outermost_select_lists_casts_name_its_columns()
    {
        // Casts inside a CTE and a subquery name nothing of the outer columns, which are integers and a varchar.
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "WITH c AS (SELECT CAST('2024-05-06' AS timestamp(5)) AS t) SELECT 1 AS k, a, b || 'x' AS s "
            + "FROM (SELECT CAST('x' AS varchar(5)) AS b, 2 AS a) q, c");
        Assert.Equal(["integer", "integer", "varchar"], types);
        Assert.Equal("1,2,xx", csv[1]);
    }

    [Fact]
    public async Task From_unixtime_nanos_is_named_as_trino_names_it()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync("SELECT from_unixtime_nanos(1700000000123456789) AS t");
        Assert.Equal(["timestamp(9) with time zone"], types);
        Assert.Equal("2023-11-14 22:13:20.123456789 UTC", csv[1]);
        Assert.Equal("2023-11-14 22:13:20.123456789 UTC", row["t"]!.GetValue<string>());
    }

    [Fact]
    public async Task Date_trunc_of_a_time_with_time_zone_truncates_the_local_time_and_keeps_the_offset()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT date_trunc('hour', CAST('12:34:56.789+05:00' AS time with time zone)) AS h, "
            + "date_trunc(u, CAST('12:34:56.789-03:30' AS time with time zone)) AS m FROM (VALUES 'MINUTE') t(u)");
        Assert.Equal(["time(3) with time zone", "time(3) with time zone"], types);
        Assert.Equal("12:00:00.000+05:00,12:34:00.000-03:30", csv[1]);
        Assert.Equal("12:00:00.000+05:00", row["h"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("SELECT date_trunc('day', CAST('12:34:56+05:00' AS time with time zone))", "'day' is not a valid Time field")]
    [InlineData("SELECT date_trunc(u, CAST('12:34:56+05:00' AS time with time zone)) FROM (VALUES 'Year') t(u)", "'year' is not a valid Time field")]
    [InlineData("SELECT CAST(concat('inf', 'inity') AS timestamp)", "Value cannot be cast to timestamp: infinity")]
    [InlineData("SELECT CAST('inf' || 'inity' AS timestamp(6))", "Value cannot be cast to timestamp: infinity")]
    [InlineData("SELECT CAST(lower(s) AS date) FROM (VALUES 'EPOCH') t(s)", "Value cannot be cast to date: epoch")]
    [InlineData("SELECT CAST(s || '' AS date) FROM (VALUES '2024-01-02', ' -Infinity ') t(s)", "Value cannot be cast to date: -Infinity")]
    [InlineData("SELECT CAST(trim(s) AS timestamp with time zone) FROM (VALUES 'infinity') t(s)", "Value cannot be cast to timestamp with time zone: infinity")]
    [InlineData("SELECT date(concat(s, '')) FROM (VALUES 'epoch') t(s)", "Value cannot be cast to date: epoch")]
    [InlineData("SELECT CAST(s AS date) FROM (VALUES 'infinity') t(s)", "Value cannot be cast to date: infinity")]
    [InlineData("SELECT date_parse('infinity', '%Y-%m-%d')", "Invalid format: \"infinity\"")]
    [InlineData("SELECT date_parse(s, '%Y-%m-%d %H:%i:%s') FROM (VALUES 'epoch') t(s)", "Invalid format: \"epoch\"")]
    [InlineData("SELECT from_iso8601_timestamp('infinity')", "Invalid format: \"infinity\"")]
    [InlineData("SELECT from_iso8601_timestamp(s) FROM (VALUES '-infinity') t(s)", "Invalid format: \"-infinity\"")]
    [InlineData("SELECT from_iso8601_timestamp_nanos('epoch')", "Invalid format: \"epoch\"")]
    [InlineData("SELECT from_iso8601_date('epoch')", "Invalid format: \"epoch\"")]
    [InlineData("SELECT from_iso8601_date(s) FROM (VALUES 'infinity') t(s)", "Invalid format: \"infinity\"")]
    public async Task A_refused_query_has_trinos_words(string sql, string message)
    {
        string error = await Server.Alice.RunToFailureAsync(sql);
        Assert.Equal(message, error);
    }

    [Fact]
    public async Task Try_cast_of_a_computed_special_text_is_null_and_other_texts_still_parse()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT TRY_CAST(upper(s) AS timestamp(3)) AS a, TRY_CAST(concat(s, '') AS date) AS b, CAST(concat('2024-01-0', '2') AS timestamp) AS c, "
            + "date_parse(d, '%Y-%m-%d') AS e, from_iso8601_timestamp(d || 'T01:02:03Z') AS f, date(concat(d, '')) AS g, from_iso8601_date(d) AS h "
            + "FROM (VALUES ('infinity', '2024-01-02')) t(s, d)");
        Assert.Equal(["timestamp(3)", "date", "timestamp(3)", "timestamp(3)", "timestamp(3) with time zone", "date", "date"], types);
        Assert.Equal(",,2024-01-02 00:00:00.000 UTC,2024-01-02 00:00:00.000 UTC,2024-01-02 01:02:03.000 UTC,2024-01-02,2024-01-02", csv[1]);
        Assert.Null(row["a"]);
        Assert.Null(row["b"]);
    }
}
