using DuckDB.NET.Data;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// dune-types8 (issue 10): result types and values where DuckDB's differed from Trino's. sum/avg of real are real
/// (RealSumAggregation, RealAverageAggregation); approx_percentile of an integer is a bigint (its overloads take bigint,
/// double, real); sign has its argument's type, decimal(1,0) for a decimal (MathFunctions.Sign); a double cast to an
/// integer type rounds half away from zero also where the translator cannot type the operand; internal names never meet
/// a user's; EXPLAIN ANALYZE is a plan; DuckDB's overflow messages are Trino's.
/// </summary>
public sealed class DuneSqlTypes8Tests
{
    private const string Setup = "CREATE SCHEMA s; CREATE TABLE s.t AS SELECT * FROM (VALUES "
        + "(1, CAST(1.5 AS REAL), 2.5e0, CAST(-2.50 AS DECIMAL(5,2)), CAST(10 AS INTEGER), CAST(10 AS BIGINT), '12', true), "
        + "(2, CAST(2.25 AS REAL), -2.5e0, CAST(0.00 AS DECIMAL(5,2)), CAST(20 AS INTEGER), CAST(-20 AS BIGINT), '-7', false), "
        + "(3, CAST(NULL AS REAL), 0.5e0, CAST(3.10 AS DECIMAL(5,2)), CAST(30 AS INTEGER), CAST(0 AS BIGINT), NULL, NULL)) "
        + "v(k, r, d, m, i, b, s, f);";

    private static DuneColumnTypes Catalog(DuneSqlDb db) => db.ColumnTypes();

    [Theory]
    [InlineData("SELECT sum(r) FROM s.t", "3.75", "FLOAT")]
    [InlineData("SELECT avg(r) FROM s.t", "1.875", "FLOAT")]
    [InlineData("SELECT sum(r) FROM s.t GROUP BY k > 0", "3.75", "FLOAT")]
    [InlineData("SELECT sum(r) FILTER (WHERE k < 2) FROM s.t", "1.5", "FLOAT")]
    [InlineData("SELECT sum(r) OVER () FROM s.t ORDER BY k LIMIT 1", "3.75", "FLOAT")]
    [InlineData("SELECT sum(d) FROM s.t", "0.5", "DOUBLE")]
    [InlineData("SELECT avg(d) FROM s.t", "0.16666666666666666", "DOUBLE")]
    [InlineData("SELECT sum(i) FROM s.t", "60", "BIGINT")]
    [InlineData("SELECT avg(i) FROM s.t", "20", "DOUBLE")]
    public void Sum_and_avg_of_real_are_real(string sql, string value, string type)
    {
        using var db = new DuneSqlDb(Setup);
        Assert.Equal(value, db.Scalar(sql));
        Assert.Equal(type, db.Types(sql)[0]);
        Assert.Equal(value, db.Rows(sql, Catalog(db))[0][0]);
    }

    [Theory]
    [InlineData("SELECT approx_percentile(i, 0.5) FROM s.t", "20", "BIGINT")]
    [InlineData("SELECT approx_percentile(b, 0.5) FROM s.t", "0", "BIGINT")]
    [InlineData("SELECT approx_percentile(d, 0.5) FROM s.t", "0.5", "DOUBLE")]
    [InlineData("SELECT approx_percentile(m, 0.5) FROM s.t", "0", "DOUBLE")]
    [InlineData("SELECT approx_percentile(i, ARRAY[0.0, 1.0]) FROM s.t", "[10, 30]", "BIGINT[]")]
    [InlineData("SELECT approx_percentile(i, 0.5) FILTER (WHERE k > 0) FROM s.t", "20", "BIGINT")]
    [InlineData("SELECT approx_percentile(i + 1, 0.5) OVER () FROM s.t ORDER BY k LIMIT 1", "21", "BIGINT")]
    [InlineData("SELECT approx_percentile(i, 0.5) FROM s.t GROUP BY k ORDER BY k LIMIT 1", "10", "BIGINT")]
    public void Approx_percentile_of_an_integer_is_a_bigint(string sql, string value, string type)
    {
        using var db = new DuneSqlDb(Setup);
        Assert.Equal(value, db.Scalar(sql));
        Assert.Equal(type, db.Types(sql)[0]);
    }

    [Theory]
    [InlineData("sign(m)", "-1", "DECIMAL(1,0)")]
    [InlineData("sign(CAST(2.5 AS decimal(20,4)))", "1", "DECIMAL(1,0)")]
    [InlineData("sign(i)", "1", "INTEGER")]
    [InlineData("sign(b)", "1", "BIGINT")]
    [InlineData("sign(d)", "1", "DOUBLE")]
    [InlineData("sign(r)", "1", "FLOAT")]
    [InlineData("sign(sum(m))", "1", "DECIMAL(1,0)")]
    [InlineData("sign(CAST(-3 AS smallint))", "-1", "SMALLINT")]
    public void Sign_has_its_arguments_type_and_decimal_1_0_for_a_decimal(string expression, string value, string type)
    {
        using var db = new DuneSqlDb(Setup);
        string sql = expression.Contains("sum(", StringComparison.Ordinal) ? $"SELECT {expression} FROM s.t" : $"SELECT {expression} FROM s.t WHERE k = 1";
        Assert.Equal(value, db.Scalar(sql));
        Assert.Equal(type, db.Types(sql)[0]);
    }

    /// <summary>The operand's type is not known to the translator (no catalog, a function's result, a lambda's
    /// parameter): the cast still rounds a double half away from zero, and still casts text and booleans.</summary>
    [Theory]
    [InlineData("SELECT CAST(d AS integer) FROM s.t ORDER BY k", "3,-3,1")]
    [InlineData("SELECT CAST(d AS bigint) FROM s.t ORDER BY k", "3,-3,1")]
    [InlineData("SELECT TRY_CAST(d AS smallint) FROM s.t ORDER BY k", "3,-3,1")]
    [InlineData("SELECT CAST(greatest(d, d) AS tinyint) FROM s.t ORDER BY k", "3,-3,1")]
    [InlineData("SELECT CAST(r + r AS integer) FROM s.t ORDER BY k", "3,5,NULL")]
    [InlineData("SELECT CAST(s AS integer) FROM s.t ORDER BY k", "12,-7,NULL")]
    [InlineData("SELECT CAST(f AS integer) FROM s.t ORDER BY k", "1,0,NULL")]
    [InlineData("SELECT CAST(m AS integer) FROM s.t ORDER BY k", "-3,0,3")]
    [InlineData("SELECT CAST(i AS tinyint) FROM s.t ORDER BY k", "10,20,30")]
    [InlineData("SELECT CAST(CAST(b AS bigint) * 2 AS integer) FROM s.t ORDER BY k", "20,-40,0")]
    [InlineData("SELECT CAST(abs(CAST(d AS integer)) + 0.5e0 AS bigint) FROM s.t ORDER BY k", "4,4,2")]
    [InlineData("SELECT CAST(d AS integer) AS n, count(*) FROM s.t GROUP BY CAST(d AS integer) ORDER BY n", "-3,1,3")]
    [InlineData("SELECT transform(ARRAY[d], x -> CAST(x AS integer))[1] FROM s.t ORDER BY k", "3,-3,1")]
    [InlineData("SELECT CAST((SELECT max(d) FROM s.t) AS integer)", "3")]
    [InlineData("SELECT CAST(sum(d) AS integer) FROM s.t", "1")]
    public void A_cast_of_an_operand_of_unknown_type_to_an_integer_rounds_as_trinos(string sql, string values)
    {
        using var db = new DuneSqlDb(Setup);
        Assert.Equal(values, string.Join(",", db.Rows(sql).Select(r => r[0])));
    }

    [Fact]
    public void A_cast_of_an_unknown_operand_that_has_no_cast_fails_naming_the_target()
    {
        using var db = new DuneSqlDb();
        var e = Assert.Throws<DuckDBException>(() => db.Rows("SELECT CAST(dt AS bigint) FROM (SELECT DATE '2024-01-01' AS dt)"));
        Assert.Contains("-> BIGINT", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cast_of_a_column_of_known_type_is_duckdbs_own()
    {
        using var db = new DuneSqlDb(Setup);
        string integer = DuneSqlTranslator.Translate("SELECT CAST(i AS bigint) FROM s.t", default, Catalog(db)).Sql;
        Assert.DoesNotContain("typeof", integer, StringComparison.Ordinal);
        string dbl = DuneSqlTranslator.Translate("SELECT CAST(d AS bigint) FROM s.t", default, Catalog(db)).Sql;
        Assert.Contains("round(", dbl, StringComparison.Ordinal);
        Assert.DoesNotContain("typeof", dbl, StringComparison.Ordinal);
        Assert.Equal("3,-3,1", string.Join(",", db.Rows("SELECT CAST(d AS bigint) FROM s.t ORDER BY k", Catalog(db)).Select(r => r[0])));
    }

    [Fact]
    public void Nested_casts_of_unknown_operands_grow_the_text_linearly()
    {
        static string Nested(int depth) => "SELECT " + string.Concat(Enumerable.Repeat("CAST(abs(", depth)) + "x"
            + string.Concat(Enumerable.Repeat(") AS bigint)", depth)) + " FROM (SELECT 2.5e0 AS x)";
        string sql = Nested(30);
        // Each level writes its operand once (through a lambda) beside a fixed text (about 470 characters: the branches by
        // the operand's type, a varchar's parse among them): doubling the depth doubles the text.
        int length30 = DuneSqlTranslator.Translate(sql).Sql.Length, length60 = DuneSqlTranslator.Translate(Nested(60)).Sql.Length;
        Assert.True(length30 < 30 * 600, $"{length30} characters");
        Assert.True(length60 < 2.1 * length30, $"{length60} characters at depth 60, {length30} at 30");
        using var db = new DuneSqlDb();
        Assert.Equal("3", db.Scalar(sql));
    }

    [Fact]
    public void A_users_column_named_as_an_internal_name_is_read_as_the_users()
    {
        using var db = new DuneSqlDb("CREATE TABLE t AS SELECT * FROM (VALUES (1, 10, 2), (1, 20, 2), (2, 30, 0)) v(k, _strata_y0, _strata_s);");
        Assert.Equal([["1", "15"], ["2", "NULL"]],
            db.Rows("SELECT k, try(sum(_strata_y0) / _strata_s) FROM t GROUP BY k, _strata_s ORDER BY k"));
        Assert.Equal([["1", "30"], ["2", "30"]], db.Rows("SELECT k, sum(_strata_y0) FROM t GROUP BY k ORDER BY k"));
        string translated = DuneSqlTranslator.Translate("SELECT try(sum(_STRATA_Y0) / 2), '_strata_y0' FROM t").Sql;
        Assert.Contains("_strata1_y0", translated, StringComparison.Ordinal);
        Assert.Contains("'_strata_y0'", translated, StringComparison.Ordinal);
        Assert.Equal([["30", "_strata_y0"]], db.Rows("SELECT try(sum(_STRATA_Y0) / 2), '_strata_y0' FROM t"));
    }

    [Theory]
    [InlineData("_strata_", "_strata1_")]
    [InlineData("_strata_ _STRATA1_ _strata2_x", "_strata3_")]
    [InlineData("plain", null)]
    public void Internal_names_take_a_prefix_the_text_does_not_hold(string user, string? prefix)
    {
        Assert.Equal(prefix, InternalNames.PrefixFor(user));
        Assert.Equal("f(_strata9_q, '_strata_q')", SyntheticText.Written("f(_strata_q, '_strata_q')", "_strata9_"));
    }

    [Fact]
    public void Explain_analyze_is_a_plan()
    {
        Assert.StartsWith("EXPLAIN ANALYZE SELECT", DuneSqlTranslator.Translate("EXPLAIN ANALYZE SELECT 1").Sql, StringComparison.Ordinal);
        using var db = new DuneSqlDb(Setup);
        var rows = db.Rows("EXPLAIN ANALYZE SELECT k, sum(d) FROM s.t GROUP BY k");
        Assert.Contains(rows, r => r.Any(v => v.Contains("HASH_GROUP_BY", StringComparison.Ordinal)));
        Assert.Equal("10", db.Scalar("SELECT analyze FROM (SELECT 10 AS analyze)"));
    }

    [Theory]
    [InlineData("SELECT CAST(9223372036854775807 AS bigint) + CAST(k AS bigint) FROM s.t", "bigint addition overflow: 9223372036854775807 + 1")]
    [InlineData("SELECT CAST(-9223372036854775807 AS bigint) - CAST(k + 1 AS bigint) FROM s.t", "bigint subtraction overflow: -9223372036854775807 - 2")]
    [InlineData("SELECT CAST(4611686018427387904 AS bigint) * CAST(k + 1 AS bigint) FROM s.t", "bigint multiplication overflow: 4611686018427387904 * 2")]
    [InlineData("SELECT CAST(2147483647 AS integer) + CAST(k AS integer) FROM s.t", "integer addition overflow: 2147483647 + 1")]
    [InlineData("SELECT CAST(b * 300000000 AS integer) FROM s.t WHERE k = 1", "Out of range for integer: 3000000000")]
    [InlineData("SELECT CAST(d * 1e19 AS bigint) FROM s.t WHERE k = 1", "Unable to cast 2.5E19 to bigint")]
    [InlineData("SELECT CAST(CAST(b AS bigint) * 300000000 AS integer) FROM s.t WHERE k = 1", "Out of range for integer: 3000000000")]
    public void Overflow_errors_are_in_trinos_words(string sql, string message)
    {
        using var db = new DuneSqlDb(Setup);
        var e = Assert.Throws<DuckDBException>(() => db.Rows(sql));
        Assert.Contains(message, TrinoErrorMessages.RewriteError(e.Message).Split('\n')[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Overflow in addition of INT16 (32767 + 1)!", "smallint addition overflow: 32767 + 1")]
    [InlineData("Overflow in multiplication of INT8 (100 * 2)!", "tinyint multiplication overflow: 100 * 2")]
    [InlineData("Type INT64 with value -3000000000 can't be cast because the value is out of range for the destination type INT32", "Out of range for integer: -3000000000")]
    [InlineData("Type FLOAT with value 1e+10 can't be cast because the value is out of range for the destination type INT32", "Unable to cast 1.0E10 to integer")]
    [InlineData("Type INT64 with value 3000000000 can't be cast because the value is out of range for the destination type INT32 when casting from source column _strata_c", "Out of range for integer: 3000000000")]
    [InlineData("Division by zero", "Division by zero")]
    [InlineData("Could not convert string 'x' to INT32", "Cannot cast 'x' to INT")]
    public void DuckDbs_overflow_messages_map_to_trinos(string duckDb, string trino)
    {
        Assert.Equal(trino, TrinoErrorMessages.Rewrite(duckDb));
    }

    /// <summary>Trino coerces a date beside a timestamp to a timestamp: sequence(date, timestamp, step) is an
    /// array(timestamp) from the date's midnight; with two arguments there is no such overload.</summary>
    [Fact]
    public void A_sequence_of_a_date_and_a_timestamp_is_of_timestamps()
    {
        using var db = new DuneSqlDb();
        string sql = "SELECT sequence(DATE '2024-01-01', TIMESTAMP '2024-01-02 12:00:00', INTERVAL '12' HOUR)";
        Assert.Equal("[2024-01-01 00:00:00, 2024-01-01 12:00:00, 2024-01-02 00:00:00, 2024-01-02 12:00:00]", db.Scalar(sql));
        Assert.Equal("TIMESTAMP[]", db.Types(sql)[0]);
        Assert.Equal("DATE[]", db.Types("SELECT sequence(DATE '2024-01-01', DATE '2024-01-02', INTERVAL '1' DAY)")[0]);
        var e = Assert.Throws<DuckDBException>(() => db.Rows("SELECT sequence(DATE '2024-01-01', TIMESTAMP '2024-01-02 12:00:00')"));
        Assert.Contains("Unexpected parameters (date, timestamp", e.Message, StringComparison.Ordinal);
        Assert.Equal("[3, 2, 1]", db.Scalar("SELECT sequence(3, 1)"));
    }
}
