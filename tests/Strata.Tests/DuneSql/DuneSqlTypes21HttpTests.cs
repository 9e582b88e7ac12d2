namespace Strata.Tests.DuneSql;

/// <summary>Decision 218 ("dune-types21") through the HTTP API, JSON and CSV: a declared type (timestamp(p), time(p),
/// timestamp(p) with time zone, varchar(n), char(n), from_unixtime_nanos' timestamp(9) with time zone) names the result's
/// column when the column is a CTE's or subquery's read by name or by a star, and a set operation's column is Trino's
/// common super type of its branches' (TypeCoercion.getCommonSuperType). A column whose type the text does not show keeps
/// DuckDB's name. typeof() of such casts says Trino's names.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSqlTypes21HttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Fact]
    public async Task A_ctes_column_read_by_name_keeps_its_declared_type()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "WITH t AS (SELECT CAST('abc' AS varchar(10)) v, CAST('2024-05-06 12:34:56.123456' AS timestamp(5)) AS ts, 7 AS k) "
            + "SELECT v, t.ts, k, v AS renamed FROM t");
        Assert.Equal(["varchar(10)", "timestamp(5)", "integer", "varchar(10)"], types);
        Assert.Equal("v,ts,k,renamed", csv[0]);
        Assert.Equal("abc,2024-05-06 12:34:56.12346 UTC,7,abc", csv[1]);
        Assert.Equal("2024-05-06 12:34:56.12346 UTC", row["ts"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_star_over_a_cte_or_subquery_keeps_the_declared_types_in_their_places()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "WITH t AS (SELECT 1 AS a, CAST('12:34:56.789' AS time(1)) AS tm, CAST('ab' AS char(4)) AS c) "
            + "SELECT *, q.* FROM t, (SELECT CAST('x' AS varchar(3)) AS v) q");
        Assert.Equal(["integer", "time(1)", "char(4)", "varchar(3)", "varchar(3)"], types);
        Assert.Equal("1,12:34:56.8,ab  ,x,x", csv[1]);
    }

    [Fact]
    public async Task A_subquerys_column_and_a_ctes_renamed_columns_keep_their_types()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "WITH r(x, y) AS (SELECT CAST('a' AS varchar(2)), CAST('2024-01-01 00:00:00.5' AS timestamp(1))) "
            + "SELECT s.v, y, x FROM (SELECT CAST('abc' AS varchar(7)) AS v FROM r) s CROSS JOIN r");
        Assert.Equal(["varchar(7)", "timestamp(1)", "varchar(2)"], types);
        Assert.Equal("abc,2024-01-01 00:00:00.5 UTC,a", csv[1]);
    }

    [Fact]
    public async Task Nested_ctes_carry_the_type_through_each_level()
    {
        var (_, types, _) = await Server.Alice.RunFirstRowAsync(
            "WITH a AS (SELECT CAST(TIMESTAMP '2024-01-01 00:00:00' AS timestamp(6) with time zone) AS z), b AS (SELECT z FROM a), "
            + "c AS (SELECT * FROM b) SELECT z FROM (SELECT * FROM c) d");
        Assert.Equal(["timestamp(6) with time zone"], types);
    }

    [Fact]
    public async Task A_set_operations_column_is_the_common_super_type_of_its_branches()
    {
        var csv = await Server.Alice.RunCsvAsync(
            "SELECT CAST('abc' AS varchar(3)) AS v, CAST('2024-01-01 00:00:00.123' AS timestamp(3)) AS t, CAST('ab' AS char(2)) AS c "
            + "UNION ALL SELECT CAST('abcde' AS varchar(5)), CAST('2024-01-01 00:00:00.123456' AS timestamp(6)), CAST('abcd' AS char(4)) "
            + "ORDER BY 1");
        Assert.Equal(["v,t,c", "abc,2024-01-01 00:00:00.123000 UTC,ab  ", "abcde,2024-01-01 00:00:00.123456 UTC,abcd"], csv);
        var (_, types, _) = await Server.Alice.RunFirstRowAsync(
            "SELECT CAST('abc' AS varchar(3)) AS v, CAST('2024-01-01 00:00:00.123' AS timestamp(3)) AS t, CAST('ab' AS char(2)) AS c "
            + "UNION ALL SELECT CAST('abcde' AS varchar(5)), CAST('2024-01-01 00:00:00.123456' AS timestamp(6)), CAST('abcd' AS char(4))");
        Assert.Equal(["varchar(5)", "timestamp(6)", "char(4)"], types);
    }

    [Theory]
    // varchar(n) with an unbounded varchar is varchar; with a literal, the longer; with NULL, itself.
    [InlineData("SELECT CAST('a' AS varchar(3)) UNION SELECT CAST('b' AS varchar)", "varchar")]
    [InlineData("SELECT CAST('a' AS varchar(3)) UNION SELECT 'abcdef'", "varchar(6)")]
    [InlineData("SELECT CAST('a' AS varchar(3)) UNION SELECT 'ab'", "varchar(3)")]
    [InlineData("SELECT CAST('a' AS varchar(3)) UNION ALL SELECT NULL", "varchar(3)")]
    [InlineData("SELECT NULL UNION ALL SELECT CAST('a' AS varchar(3))", "varchar(3)")]
    [InlineData("SELECT 'ab' UNION ALL SELECT 'abc'", "varchar")] // literals alone keep DuckDB's name, as before
    [InlineData("SELECT CAST('12:00:00' AS time(1)) INTERSECT SELECT CAST('12:00:00' AS time(4))", "time(4)")]
    [InlineData("SELECT CAST('2024-01-01' AS timestamp(2)) EXCEPT SELECT CAST('2024-01-02 00:00:00 UTC' AS timestamp(4) with time zone)",
        "timestamp(4) with time zone")]
    [InlineData("(SELECT CAST('a' AS varchar(3))) UNION (SELECT CAST('b' AS varchar(4)) UNION SELECT CAST('c' AS varchar(2)))", "varchar(4)")]
    [InlineData("WITH u AS (SELECT CAST('a' AS varchar(3)) AS v UNION ALL SELECT CAST('bb' AS varchar(8))) SELECT v FROM u", "varchar(8)")]
    // A branch whose type the text does not show: DuckDB's name.
    [InlineData("SELECT CAST('a' AS varchar(3)) UNION ALL SELECT name FROM (VALUES 'x') t(name)", "varchar")]
    [InlineData("SELECT CAST('a' AS varchar(3)) UNION ALL SELECT upper('b')", "varchar")]
    [InlineData("SELECT CAST('a' AS char(3)) UNION ALL SELECT CAST('b' AS varchar(5))", "varchar")]
    public Task Set_operation_types_follow_trinos_coercion(string sql, string expected) => AssertOneType(sql, expected);

    private async Task AssertOneType(string sql, string expected)
    {
        var (_, types, _) = await Server.Alice.RunFirstRowAsync(sql);
        Assert.Equal([expected], types);
    }

    [Theory]
    // A table's column (unknown), a USING join's merged column, an aggregate of the column, a recursive CTE: DuckDB's names.
    [InlineData("WITH t AS (SELECT CAST('a' AS varchar(3)) AS v) SELECT name FROM t, (VALUES 'x') u(name)", "varchar")]
    [InlineData("WITH t AS (SELECT CAST('a' AS varchar(3)) AS v), u AS (SELECT CAST('a' AS varchar(5)) AS v) SELECT v FROM t JOIN u USING (v)", "varchar")]
    [InlineData("WITH t AS (SELECT CAST('a' AS varchar(3)) AS v) SELECT count(v) FROM t", "bigint")]
    [InlineData("WITH t AS (SELECT CAST('a' AS varchar(3)) AS v) SELECT max(v, 2) FROM t", "array(varchar)")]
    [InlineData("WITH RECURSIVE t(v) AS (SELECT CAST('a' AS varchar(3)) UNION ALL SELECT v FROM t WHERE false) SELECT v FROM t", "varchar")]
    [InlineData("WITH t AS (SELECT CAST('a' AS varchar(3)) AS v) SELECT v || 'x' FROM t", "varchar")]
    // The same name in two relations: ambiguous to the scan (Trino refuses it unqualified; qualified it is known).
    [InlineData("WITH t AS (SELECT CAST('a' AS varchar(3)) AS v), u AS (SELECT CAST('b' AS varchar(4)) AS v) SELECT u.v FROM t, u", "varchar(4)")]
    public Task A_column_the_text_does_not_type_keeps_duckdbs_name(string sql, string expected) => AssertOneType(sql, expected);

    [Fact]
    public async Task Min_max_arbitrary_and_any_value_keep_their_arguments_declared_type()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "WITH t AS (SELECT CAST('2024-01-01 00:00:00.5' AS timestamp(1)) AS ts, CAST('ab' AS varchar(4)) AS v) "
            + "SELECT max(ts) AS a, min(DISTINCT v) AS b, arbitrary(t.v) AS c, any_value(CAST('x' AS char(2))) AS d FROM t");
        Assert.Equal(["timestamp(1)", "varchar(4)", "varchar(4)", "char(2)"], types);
        Assert.Equal("2024-01-01 00:00:00.5 UTC,ab,ab,x ", csv[1]);
    }

    [Fact]
    public async Task From_unixtime_nanos_read_through_a_cte_keeps_its_name_and_digits()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync(
            "WITH n AS (SELECT from_unixtime_nanos(1700000000123456789) AS t) SELECT * FROM n");
        Assert.Equal(["timestamp(9) with time zone"], types);
        Assert.Equal("2023-11-14 22:13:20.123456789 UTC", csv[1]);
    }

    [Theory]
    [InlineData("SELECT typeof(from_unixtime_nanos(100))", "timestamp(9) with time zone")]
    [InlineData("SELECT typeof(CAST('abc' AS varchar(5)))", "varchar(5)")]
    [InlineData("SELECT typeof(TRY_CAST('abc' AS varchar(5)))", "varchar(5)")]
    [InlineData("SELECT typeof(CAST('ab' AS char(3)))", "char(3)")]
    [InlineData("SELECT typeof(CAST('2024-01-01' AS timestamp(6)))", "timestamp(6)")]
    [InlineData("SELECT typeof(CAST('2024-01-01' AS timestamp(0)))", "timestamp(0)")]
    [InlineData("SELECT typeof(CAST('2024-01-01 UTC' AS timestamp(4) with time zone))", "timestamp(4) with time zone")]
    [InlineData("SELECT typeof(CAST('12:00:00' AS time(1)))", "time(1)")]
    [InlineData("SELECT typeof(CAST('abc' AS varchar))", "varchar")]
    [InlineData("SELECT typeof(CAST(1.5 AS decimal(10, 2)))", "decimal(10,2)")]
    [InlineData("SELECT typeof(s) FROM (SELECT CAST(1 AS integer) AS s)", "integer")]
    public async Task Typeof_names_declared_types_as_trino_does(string sql, string expected)
    {
        var (row, _, _) = await Server.Alice.RunFirstRowAsync(sql);
        Assert.Equal(expected, row.AsObject().Single().Value!.GetValue<string>());
    }
}
