namespace Strata.Tests.DuneSql;

/// <summary>Decision 227 ("dune-types22") through the HTTP API, JSON and CSV: a declared type (varchar(n), char(n),
/// timestamp(p), timestamp(p) with time zone, time(p)) carried through functions and windows as Trino types them
/// (coalesce/if/CASE/greatest/least: the common super type; nullif: the first; lag/lead/first_value/last_value/nth_value and
/// windowed min/max: T; try; array_agg and ARRAY[…]: array(T); element_at and a[i]: T; substr/upper/lower/trim of a
/// varchar(x): varchar(x); concat and || an unbounded varchar; date_trunc keeping p; AT TIME ZONE giving timestamp(p) with
/// time zone); JSON_TABLE's value columns named and cut by their declared type; arrays ordered as Trino's ArrayType
/// compares them (a NULL element reached fails).</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlTypes22HttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task Coalesce_if_case_and_nullif_take_trinos_common_or_first_type()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT coalesce(CAST('ab' AS varchar(3)), CAST('abcde' AS varchar(5))) a, nullif(CAST('ab' AS varchar(3)), 'x') b, "
            + "if(true, CAST('a' AS varchar(2)), CAST('b' AS varchar(4))) c, CASE WHEN true THEN CAST('a' AS varchar(2)) ELSE CAST('b' AS varchar(7)) END d, "
            + "CASE 1 WHEN 1 THEN CAST('2024-01-01 00:00:00.5' AS timestamp(1)) WHEN 2 THEN CASE WHEN false THEN CAST('2024-01-01' AS timestamp(5)) END END e, "
            + "coalesce(NULL, CAST('ab' AS char(4))) f, coalesce(CAST('a' AS varchar(2)), 'abcdef') g");
        Assert.Equal(["varchar(5)", "varchar(3)", "varchar(4)", "varchar(7)", "timestamp(5)", "char(4)", "varchar(6)"], types);
        Assert.Equal("ab,ab,a,a,2024-01-01 00:00:00.50000 UTC,ab  ,a", csv[1]);
        Assert.Equal("2024-01-01 00:00:00.50000 UTC", row["e"]!.GetValue<string>());
        Assert.Equal("ab  ", row["f"]!.GetValue<string>());
    }

    [Fact]
    public async Task Greatest_and_least_take_the_common_super_type_and_its_digits()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT greatest(CAST('2024-01-01' AS timestamp(1)), CAST('2024-01-02 00:00:00.25' AS timestamp(4))) a, "
            + "least(CAST('a' AS varchar(2)), CAST('b' AS varchar(3))) b, "
            + "greatest(CAST('12:00:00.5' AS time(1)), CAST('11:00:00' AS time(2))) c");
        Assert.Equal(["timestamp(4)", "varchar(3)", "time(2)"], types);
        Assert.Equal("2024-01-02 00:00:00.2500 UTC,a,12:00:00.50", csv[1]);
        Assert.Equal("12:00:00.50", row["c"]!.GetValue<string>());
    }

    [Fact]
    public async Task Window_functions_keep_their_arguments_declared_type()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT lag(v) OVER (ORDER BY v) a, first_value(v) OVER (ORDER BY v) b, lead(v, 1) OVER w c, nth_value(v, 1) OVER w d, "
            + "last_value(t) OVER (ORDER BY v) e, max(t) OVER w f, lag(v, 1, 'zzzzzzzz') OVER w g, first_value(t) IGNORE NULLS OVER w h "
            + "FROM (SELECT CAST('ab' AS varchar(5)) v, CAST('2024-01-01 00:00:00.12345' AS timestamp(2)) t) WINDOW w AS (ORDER BY v)");
        Assert.Equal(["varchar(5)", "varchar(5)", "varchar(5)", "varchar(5)", "timestamp(2)", "timestamp(2)", "varchar(8)", "timestamp(2)"], types);
        Assert.Equal(",ab,,ab,2024-01-01 00:00:00.12 UTC,2024-01-01 00:00:00.12 UTC,zzzzzzzz,2024-01-01 00:00:00.12 UTC", csv[1]);
        Assert.Equal("2024-01-01 00:00:00.12 UTC", row["e"]!.GetValue<string>());
    }

    [Fact]
    public async Task Try_arrays_and_their_elements_keep_the_declared_type()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "WITH t AS (SELECT CAST('ab' AS varchar(5)) v) "
            + "SELECT try(v) a, element_at(ARRAY[v], 1) b, ARRAY[v][1] c, ARRAY[v, CAST('abcdefg' AS varchar(7))] d FROM t");
        Assert.Equal(["varchar(5)", "varchar(5)", "varchar(5)", "array(varchar(7))"], types);
        Assert.Equal("ab,ab,ab,\"[\"\"ab\"\",\"\"abcdefg\"\"]\"", csv[1]);
        Assert.Equal("abcdefg", row["d"]![1]!.GetValue<string>());
        var (_, aggregated, lines) = await Server.Alice.RunFirstRowAsync(
            "WITH t AS (SELECT CAST('ab' AS varchar(5)) v) SELECT array_agg(v) a, array_agg(v ORDER BY v) b FROM t");
        Assert.Equal(["array(varchar(5))", "array(varchar(5))"], aggregated);
        Assert.Equal("\"[\"\"ab\"\"]\",\"[\"\"ab\"\"]\"", lines[1]);
    }

    [Fact]
    public async Task String_functions_keep_varchar_n_as_their_signatures_do_and_concat_is_unbounded()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "WITH t AS (SELECT CAST(' abc' AS varchar(5)) v) "
            + "SELECT substr(v, 2) a, upper(v) b, lower(v) c, trim(v) d, substring(v FROM 3) e, trim(BOTH ' ' FROM v) f, reverse(v) g, "
            + "split_part(v, 'b', 1) h, concat(v, CAST('c' AS varchar(3))) i, v || v j FROM t");
        Assert.Equal(["varchar(5)", "varchar(5)", "varchar(5)", "varchar(5)", "varchar(5)", "varchar(5)", "varchar(5)", "varchar(5)", "varchar", "varchar"], types);
        Assert.Equal("abc, ABC, abc,abc,bc,abc,cba , a, abcc, abc abc", csv[1]);
    }

    [Fact]
    public async Task Date_trunc_keeps_the_precision_and_at_time_zone_utc_gives_it_a_zone()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT date_trunc('hour', CAST('2024-01-01 12:34:56.123456' AS timestamp(6))) a, "
            + "date_trunc('day', CAST('2024-01-01 12:34:56.1' AS timestamp(1))) b, "
            + "date_trunc('minute', CAST('2024-01-01 12:34:56.12345 UTC' AS timestamp(5) with time zone)) c, "
            + "date_trunc('minute', CAST('12:34:56.12345' AS time(5))) d, "
            + "CAST('2024-01-01 12:34:56.12345' AS timestamp(5)) AT TIME ZONE 'UTC' e");
        Assert.Equal(["timestamp(6)", "timestamp(1)", "timestamp(5) with time zone", "time(5)", "timestamp(5) with time zone"], types);
        Assert.Equal("2024-01-01 12:00:00.000000 UTC,2024-01-01 00:00:00.0 UTC,2024-01-01 12:34:00.00000 UTC,12:34:00.00000,"
            + "2024-01-01 12:34:56.12345 UTC", csv[1]);
        Assert.Equal("2024-01-01 12:00:00.000000 UTC", row["a"]!.GetValue<string>());
    }

    [Theory]
    // What the scan cannot type keeps DuckDB's name: a table's column, a function Trino types otherwise, a mixed branch.
    [InlineData("SELECT coalesce(CAST('a' AS varchar(3)), name) FROM (VALUES 'x') t(name)", "varchar")]
    [InlineData("SELECT lpad(CAST('a' AS varchar(3)), 5, 'x')", "varchar")]
    [InlineData("SELECT CASE WHEN true THEN CAST('a' AS varchar(3)) ELSE upper('b') END", "varchar")]
    [InlineData("SELECT count(CAST('a' AS varchar(3))) OVER ()", "bigint")]
    [InlineData("SELECT upper(CAST('a' AS char(3)))", "varchar")]
    [InlineData("SELECT coalesce('a', 'bc')", "varchar")] // literals alone keep DuckDB's name, as before
    public async Task A_function_the_scan_cannot_type_keeps_duckdbs_name(string sql, string expected)
    {
        var (_, types, _) = await Server.Alice.RunFirstRowAsync(sql);
        Assert.Equal([expected], types);
    }

    [Fact]
    public async Task Json_table_value_columns_are_named_and_cut_by_their_declared_types()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT * FROM JSON_TABLE('{\"a\":\"hello\",\"b\":12.345,\"t\":\"2024-01-01 12:34:56.123456\"}', 'lax $' COLUMNS ("
            + "a varchar(3) PATH 'lax $.a', b decimal(10,2) PATH 'lax $.b', c varchar PATH 'lax $.a', d char(7) PATH 'lax $.a', "
            + "e timestamp(6) PATH 'lax $.t', n FOR ORDINALITY))");
        Assert.Equal(["varchar(3)", "decimal(10,2)", "varchar", "char(7)", "timestamp(6)", "bigint"], types);
        Assert.Equal("hel,12.35,hello,hello  ,2024-01-01 12:34:56.123456 UTC,1", csv[1]);
        Assert.Equal("hel", row["a"]!.GetValue<string>());
        var (_, named, lines) = await Server.Alice.RunFirstRowAsync(
            "SELECT j.a, upper(j.a) u FROM JSON_TABLE('[{\"a\":\"hello\"}]', 'lax $[*]' COLUMNS (a varchar(4) PATH 'lax $.a')) AS j");
        Assert.Equal(["varchar(4)", "varchar(4)"], named);
        Assert.Equal("hell,HELL", lines[1]);
    }

    [Fact]
    public async Task Arrays_order_as_trino_compares_them()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT ARRAY[1, NULL] < ARRAY[2, NULL] a, ARRAY[1, 2] < ARRAY[1, 3] b, ARRAY[1, 2] > ARRAY[1] c, ARRAY[1, 2] <= ARRAY[1, 2] d, "
            + "ARRAY[1] >= ARRAY[1, 0] e, ARRAY[3, NULL] > ARRAY[2, 5] f, CAST(NULL AS array(integer)) < ARRAY[1] g, ARRAY['a', 'b'] < ARRAY['a', 'c'] h");
        Assert.Equal("true,true,true,true,false,true,,true", csv[1]);
        Assert.All(types, t => Assert.Equal("boolean", t));
        var filtered = await Server.Alice.RunCsvAsync("SELECT x FROM (VALUES 1, 2, 3) t(x) WHERE ARRAY[x, 5] > ARRAY[2, 0] ORDER BY x");
        Assert.Equal(["x", "2", "3"], filtered);
    }

    [Theory]
    [InlineData("SELECT ARRAY[1, 2] < ARRAY[1, NULL]")]
    [InlineData("SELECT ARRAY[NULL, 2] >= ARRAY[1, 2]")]
    [InlineData("SELECT x FROM (VALUES 1) t(x) WHERE ARRAY[x, NULL] > ARRAY[1, 2]")]
    public async Task An_array_order_that_reaches_a_null_element_fails_in_trinos_words(string sql)
    {
        Assert.Equal("ARRAY comparison not supported for arrays with null elements", await Server.Alice.RunToFailureAsync(sql));
    }

    [Fact]
    public async Task Array_equality_with_null_elements_stays_trinos()
    {
        var (_, _, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT ARRAY[1, NULL] = ARRAY[1, NULL] a, ARRAY[1, 2] = ARRAY[1, NULL] b, ARRAY[1, 2] = ARRAY[3, NULL] c, "
            + "ARRAY[1, NULL] IS DISTINCT FROM ARRAY[1, NULL] d, ARRAY[1, 2] IS DISTINCT FROM ARRAY[1, NULL] e, ARRAY[1, 2] <> ARRAY[3, NULL] f");
        Assert.Equal(",,false,false,true,true", csv[1]);
    }
}
