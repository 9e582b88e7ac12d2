using DuckDB.NET.Data;
using Strata.Engine.DuckDb;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10 leftovers (decision "dune-types10"): Trino's types for <c>-2147483648</c>, for <c>concat</c>/<c>||</c> with a
/// NULL operand and for an array concatenated with an operand whose type the translator does not know; a set
/// operation ordered by an expression of its columns; TRY around constant subscripts; result column types through set
/// operations, USING joins and correlated subqueries, as the API's <c>column_types</c> name them.
/// </summary>
public sealed class DuneSqlTypes10Tests
{
    private const string Setup = "CREATE SCHEMA s; CREATE TABLE s.t AS SELECT CAST(range AS INTEGER) AS a, CAST(range AS BIGINT) AS b, "
        + "CAST(range AS DECIMAL(10,2)) AS m, CAST(range AS VARCHAR) AS v, [CAST(range AS INTEGER)] AS arr FROM range(3); "
        + "CREATE TABLE s.u AS SELECT CAST(range + 1 AS INTEGER) AS a, CAST(range + 1 AS BIGINT) AS b, CAST(range AS DECIMAL(12,4)) AS n, "
        + "CAST(range AS DOUBLE) AS d, CAST(range AS REAL) AS r FROM range(3);";

    /// <summary>The result's column types as the API names them (<c>column_types</c>).</summary>
    private static List<string> DuneTypes(DuneSqlDb db, string sql, bool withColumnTypes = false) =>
        db.Types(sql, withColumnTypes ? db.ColumnTypes() : null).Select(DuckDbTypes.DuneName).ToList();

    [Theory]
    [InlineData("SELECT -2147483648", "integer")]
    [InlineData("SELECT - 2147483648", "integer")]
    [InlineData("SELECT (-2147483648)", "integer")]
    [InlineData("SELECT CASE WHEN true THEN -2147483648 END", "integer")]
    [InlineData("SELECT 1 + -2147483648", "integer")]
    [InlineData("SELECT -2147483647", "integer")]
    [InlineData("SELECT -2147483649", "bigint")]
    [InlineData("SELECT 2147483648", "bigint")]
    [InlineData("SELECT -(2147483648)", "bigint")]
    [InlineData("SELECT 1 - 2147483648", "bigint")]
    [InlineData("SELECT -9223372036854775808", "bigint")]
    public void A_negative_integer_literal_is_an_integer_when_its_value_fits(string sql, string type)
    {
        using var db = new DuneSqlDb();
        Assert.Equal([type], DuneTypes(db, sql));
    }

    [Fact]
    public void The_least_integer_literal_has_its_value_and_overflows_as_an_integer()
    {
        using var db = new DuneSqlDb(Setup);
        Assert.Equal("-2147483648,integer,-2147483647", DuneSqlTypes9Tests.Flat(db.Rows("SELECT -2147483648, typeof(-2147483648), -2147483648 + 1")));
        Assert.Equal("0|1|2", DuneSqlTypes9Tests.Flat(db.Rows("SELECT a FROM s.t WHERE a > -2147483648 ORDER BY a")));
        var e = Assert.Throws<DuckDBException>(() => db.Rows("SELECT -2147483648 * 2"));
        Assert.Contains("INT32", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT concat(NULL, NULL)", "varchar")]
    [InlineData("SELECT concat('a', NULL)", "varchar")]
    [InlineData("SELECT concat(NULL, 'a', 'b')", "varchar")]
    [InlineData("SELECT 'a' || NULL", "varchar")]
    [InlineData("SELECT NULL || NULL", "varchar")]
    [InlineData("SELECT NULL || 'a' || NULL", "varchar")]
    [InlineData("SELECT concat(v, NULL) FROM s.t", "varchar")]
    [InlineData("SELECT NULL || v FROM s.t", "varchar")]
    [InlineData("SELECT (v || NULL) = 'x' FROM s.t", "boolean")]
    [InlineData("SELECT concat(X'01', NULL)", "varbinary")]
    [InlineData("SELECT X'01' || NULL", "varbinary")]
    [InlineData("SELECT concat(ARRAY[1], NULL)", "array(integer)")]
    public void A_concatenation_with_a_null_operand_has_the_other_operands_type(string sql, string type)
    {
        using var db = new DuneSqlDb(Setup);
        Assert.Equal([type], DuneTypes(db, sql));
        Assert.All(db.Rows(sql), row => Assert.Equal("NULL", row[0]));
    }

    [Fact]
    public void A_concatenation_without_a_null_operand_is_unchanged()
    {
        using var db = new DuneSqlDb(Setup);
        Assert.Equal("ab,x0", DuneSqlTypes9Tests.Flat(db.Rows("SELECT concat('a', 'b'), 'x' || v FROM s.t WHERE a = 0")));
        Assert.Equal(["varchar", "varchar"], DuneTypes(db, "SELECT concat('a', 'b'), 'x' || v FROM s.t"));
    }

    [Theory]
    [InlineData("SELECT ARRAY[1] || x FROM (SELECT 2 AS x)", "[1, 2]", "array(integer)")]
    [InlineData("SELECT x || ARRAY[1] FROM (SELECT 2 AS x)", "[2, 1]", "array(integer)")]
    [InlineData("SELECT ARRAY['a'] || v FROM s.t WHERE a = 1", "[a, 1]", "array(varchar)")]
    [InlineData("SELECT ARRAY[1] || b FROM s.t WHERE a = 2", "[1, 2]", "array(bigint)")]
    [InlineData("SELECT ARRAY[9] || arr FROM s.t WHERE a = 2", "[9, 2]", "array(integer)")]
    [InlineData("SELECT arr || ARRAY[9] || a FROM s.t WHERE a = 2", "[2, 9, 2]", "array(integer)")]
    [InlineData("SELECT ARRAY[1] || (SELECT 5)", "[1, 5]", "array(integer)")]
    [InlineData("SELECT ARRAY[1] || abs(-3)", "[1, 3]", "array(integer)")]
    [InlineData("SELECT ARRAY[ARRAY[1]] || x FROM (SELECT ARRAY[2] AS x)", "[[1], [2]]", "array(array(integer))")]
    [InlineData("SELECT ARRAY[ARRAY[1]] || x FROM (SELECT ARRAY[ARRAY[2]] AS x)", "[[1], [2]]", "array(array(integer))")]
    public void An_array_concatenated_with_an_operand_of_unknown_type_appends_an_element_or_concatenates_an_array(string sql, string row, string type)
    {
        using var db = new DuneSqlDb(Setup);
        Assert.Equal(row, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
        Assert.Equal(row, DuneSqlTypes9Tests.Flat(db.Rows(sql, db.ColumnTypes())));
        Assert.Equal([type], DuneTypes(db, sql));
    }

    /// <summary>Trino's array concatenation is NULL when an array operand is NULL (ArrayConcatFunction: null on null);
    /// a NULL element is appended.</summary>
    [Theory]
    [InlineData("SELECT ARRAY[1] || x FROM (SELECT CAST(NULL AS array(integer)) AS x)", "NULL")]
    [InlineData("SELECT x || ARRAY[1] FROM (SELECT CAST(NULL AS array(integer)) AS x)", "NULL")]
    [InlineData("SELECT cardinality(ARRAY[1] || x) FROM (SELECT CAST(NULL AS integer) AS x)", "2")]
    public void An_array_concatenated_with_a_null_operand_of_unknown_type(string sql, string expected)
    {
        using var db = new DuneSqlDb(Setup);
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }

    [Theory]
    [InlineData("SELECT try(ARRAY[1, 2][5])")]
    [InlineData("SELECT try(ARRAY[1, 2][0])")]
    [InlineData("SELECT try(ARRAY[1, 2][-1])")]
    [InlineData("SELECT try(ARRAY[1, 2][5] + 1)")]
    [InlineData("SELECT try(MAP(ARRAY['a'], ARRAY[1])['b'])")]
    [InlineData("SELECT try(element_at(ARRAY[1, 2], 0))")]
    [InlineData("SELECT try(ARRAY[1, 2][5]) FROM s.t GROUP BY 1")]
    [InlineData("SELECT try(MAP(ARRAY['a'], ARRAY[1])['b']) FROM s.t GROUP BY 1")]
    public void Try_around_a_constant_subscript_out_of_range_is_null(string sql)
    {
        using var db = new DuneSqlDb(Setup);
        Assert.Equal("NULL", DuneSqlTypes9Tests.Flat(db.Rows(sql)));
        Assert.Equal("NULL", DuneSqlTypes9Tests.Flat(db.Rows(sql, db.ColumnTypes())));
    }

    [Theory]
    [InlineData("SELECT ARRAY[1, 2][5]", "Array subscript must be less than or equal to array length: 5 > 2")]
    [InlineData("SELECT ARRAY[1, 2][0]", "SQL array indices start at 1")]
    [InlineData("SELECT ARRAY[1, 2][-1]", "Array subscript is negative: -1")]
    [InlineData("SELECT MAP(ARRAY['a'], ARRAY[1])['b']", "Key not present in map: b")]
    public void Without_try_a_constant_subscript_out_of_range_fails_with_trinos_message(string sql, string message)
    {
        using var db = new DuneSqlDb(Setup);
        var e = Assert.Throws<DuckDBException>(() => db.Rows(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT a FROM s.t UNION SELECT a FROM s.u ORDER BY a + 1", "0|1|2|3")]
    [InlineData("SELECT a FROM s.t UNION SELECT a FROM s.u ORDER BY a % 2, a DESC", "2|0|3|1")]
    [InlineData("SELECT a FROM s.t UNION ALL SELECT a FROM s.u ORDER BY -a LIMIT 3", "3|2|2")]
    [InlineData("SELECT a AS z FROM s.t UNION SELECT b FROM s.u ORDER BY z * -1 OFFSET 1", "2|1|0")]
    [InlineData("SELECT a, b FROM s.t EXCEPT SELECT a, b FROM s.u ORDER BY a + b, 2", "0,0")]
    [InlineData("(SELECT a FROM s.t) INTERSECT (SELECT a FROM s.u) ORDER BY abs(a - 5)", "2|1")]
    [InlineData("WITH c AS (SELECT a FROM s.t) SELECT a FROM c UNION SELECT 7 ORDER BY a * -1", "7|2|1|0")]
    [InlineData("SELECT * FROM (SELECT a FROM s.t UNION SELECT a FROM s.u ORDER BY a % 2, a LIMIT 2) q ORDER BY a", "0|2")]
    [InlineData("SELECT a FROM s.t UNION SELECT a FROM s.u ORDER BY 1 DESC", "3|2|1|0")]
    [InlineData("SELECT a FROM s.t UNION SELECT a FROM s.u ORDER BY a DESC NULLS LAST", "3|2|1|0")]
    [InlineData("SELECT t.a AS \"Z\", b FROM s.t UNION SELECT a, b FROM s.u ORDER BY \"Z\" DESC, b", "3,3|2,2|1,1|0,0")]
    [InlineData("SELECT a, b AS c FROM s.t UNION ALL SELECT a, b FROM s.u ORDER BY c DESC, a LIMIT 2", "3,3|2,2")]
    public void A_set_operation_is_ordered_by_an_expression_of_its_output_columns(string sql, string expected)
    {
        using var db = new DuneSqlDb(Setup);
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql, db.ColumnTypes())));
    }

    /// <summary>Trino resolves a set operation's ORDER BY in the scope of its output fields only: a branch's column that
    /// is not an output name, a qualified name, or an ordinal past the columns is refused.</summary>
    [Theory]
    [InlineData("SELECT a FROM s.t UNION SELECT b FROM s.u ORDER BY b + 1", "\"b\"")]
    [InlineData("SELECT a FROM s.t UNION SELECT b FROM s.u ORDER BY t.a + 1", "\"t\"")]
    [InlineData("SELECT a FROM s.t UNION SELECT b FROM s.u ORDER BY b", "\"b\"")]
    [InlineData("SELECT a AS z FROM s.t UNION SELECT b FROM s.u ORDER BY a DESC", "\"a\"")]
    [InlineData("SELECT a FROM s.t UNION SELECT b FROM s.u ORDER BY 2", "ORDER term out of range")]
    public void A_set_operation_ordered_by_something_not_among_its_output_columns_fails(string sql, string named)
    {
        using var db = new DuneSqlDb(Setup);
        var e = Assert.Throws<DuckDBException>(() => db.Rows(sql));
        Assert.Contains(named, e.Message, StringComparison.Ordinal);
    }

    /// <summary>Trino's common super type of two branches (TypeCoercion): integer with bigint is bigint; two decimals
    /// keep the larger scale and the larger integer part, decimal(10,2) with decimal(12,4) is decimal(12,4); an integer
    /// with a decimal is read as decimal(10,0) (bigint decimal(19,0)); a decimal with a real or double is the float type;
    /// a date with a timestamp is the timestamp.</summary>
    [Theory]
    [InlineData("SELECT a FROM s.t UNION SELECT b FROM s.u", "bigint")]
    [InlineData("SELECT b FROM s.t UNION ALL SELECT a FROM s.u", "bigint")]
    [InlineData("SELECT m FROM s.t UNION SELECT n FROM s.u", "decimal(12,4)")]
    [InlineData("SELECT m FROM s.t INTERSECT SELECT n FROM s.u", "decimal(12,4)")]
    [InlineData("SELECT n FROM s.u EXCEPT SELECT m FROM s.t", "decimal(12,4)")]
    [InlineData("SELECT CAST(1 AS decimal(10,2)) UNION SELECT CAST(1 AS decimal(12,4))", "decimal(12,4)")]
    [InlineData("SELECT CAST(1 AS decimal(20,2)) UNION SELECT CAST(0.5 AS decimal(5,5))", "decimal(23,5)")]
    [InlineData("SELECT a FROM s.t UNION SELECT CAST(1 AS decimal(5,2))", "decimal(12,2)")]
    [InlineData("SELECT b FROM s.t UNION SELECT CAST(1 AS decimal(5,2))", "decimal(21,2)")]
    [InlineData("SELECT m FROM s.t UNION SELECT r FROM s.u", "real")]
    [InlineData("SELECT m FROM s.t UNION SELECT d FROM s.u", "double")]
    [InlineData("SELECT b FROM s.t UNION SELECT d FROM s.u", "double")]
    [InlineData("SELECT DATE '2020-01-01' UNION SELECT TIMESTAMP '2020-01-01 00:00:00'", "timestamp(3)")]
    [InlineData("SELECT x FROM (SELECT a AS x FROM s.t UNION ALL SELECT b FROM s.u) q", "bigint")]
    [InlineData("WITH c AS (SELECT m AS x FROM s.t UNION ALL SELECT n FROM s.u) SELECT x / 3 FROM c", "decimal(12,4)")]
    [InlineData("SELECT m FROM s.t UNION SELECT n FROM s.u ORDER BY m * 2", "decimal(12,4)")]
    [InlineData("SELECT a, t.m FROM s.t JOIN s.u USING (a)", "integer|decimal(10,2)")]
    [InlineData("SELECT a, t.m / 3 FROM s.t LEFT JOIN s.u USING (a)", "integer|decimal(10,2)")]
    [InlineData("SELECT (SELECT max(u.n) FROM s.u WHERE u.a = t.a) FROM s.t", "decimal(12,4)")]
    [InlineData("SELECT (SELECT t.m / 3 FROM s.u WHERE u.a = t.a) FROM s.t", "decimal(10,2)")]
    [InlineData("SELECT (SELECT count(*) FROM s.u WHERE u.b > t.b) FROM s.t", "bigint")]
    [InlineData("SELECT a FROM s.t WHERE a IN (SELECT b FROM s.u) UNION SELECT -2147483648", "integer")]
    [InlineData("SELECT concat(v, NULL) FROM s.t UNION SELECT NULL", "varchar")]
    public void Result_column_types_through_set_operations_joins_and_subqueries_are_trinos(string sql, string types)
    {
        using var db = new DuneSqlDb(Setup);
        Assert.Equal(types, string.Join("|", DuneTypes(db, sql)));
        Assert.Equal(types, string.Join("|", DuneTypes(db, sql, withColumnTypes: true)));
        db.Run(sql);
    }
}
