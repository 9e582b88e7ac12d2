using DuckDB.NET.Data;
using Strata.Engine.DuckDb;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10 leftovers (decision "dune-types11"): a UNION, INTERSECT or EXCEPT whose columns have no common type fails
/// with Trino's message (DuckDB unified integer with varchar and answered), compatible ones keep Trino's result type;
/// array_distinct/array_histogram of a constant NULL array keep their types.
/// </summary>
public sealed class DuneSqlTypes11Tests
{
    private const string Setup = "CREATE SCHEMA s; CREATE TABLE s.t AS SELECT CAST(range AS INTEGER) AS a, CAST(range AS VARCHAR) AS v, "
        + "range % 2 = 0 AS f, CAST(CAST(range AS VARCHAR) AS BLOB) AS h FROM range(3); "
        + "CREATE TABLE s.u AS SELECT CAST(range + 1 AS BIGINT) AS b, CAST(range AS DOUBLE) AS d, DATE '2024-01-01' + CAST(range AS INTEGER) AS day FROM range(3);";

    private static List<string> DuneTypes(DuneSqlDb db, string sql) => db.Types(sql).Select(DuckDbTypes.DuneName).ToList();

    [Theory]
    [InlineData("SELECT 1 UNION SELECT 'a'", "column 1 in UNION query has incompatible types: integer, varchar")]
    [InlineData("SELECT true UNION SELECT 1", "column 1 in UNION query has incompatible types: boolean, integer")]
    [InlineData("SELECT 1, 'a' UNION ALL SELECT 2, 3", "column 2 in UNION query has incompatible types: varchar(1), integer")]
    [InlineData("SELECT X'01' UNION SELECT 'a'", "column 1 in UNION query has incompatible types: varbinary, varchar")]
    [InlineData("SELECT 1 INTERSECT SELECT 'a'", "column 1 in INTERSECT query has incompatible types: integer, varchar")]
    [InlineData("SELECT 1 EXCEPT SELECT true", "column 1 in EXCEPT query has incompatible types: integer, boolean")]
    [InlineData("SELECT ARRAY[1] UNION SELECT ARRAY['a']", "column 1 in UNION query has incompatible types: array(integer), array(varchar)")]
    [InlineData("SELECT 1 UNION SELECT 2 UNION SELECT 'x'", "column 1 in UNION query has incompatible types: integer, varchar")]
    [InlineData("SELECT NULL UNION SELECT 1 UNION SELECT 'x'", "column 1 in UNION query has incompatible types: integer, varchar")]
    [InlineData("(SELECT 1) UNION (SELECT 'a')", "column 1 in UNION query has incompatible types: integer, varchar")]
    [InlineData("SELECT 1 UNION VALUES ('a')", "column 1 in UNION query has incompatible types: integer, varchar")]
    [InlineData("SELECT a FROM s.t UNION SELECT v FROM s.t", "column 1 in UNION query has incompatible types: integer, varchar")]
    [InlineData("SELECT f FROM s.t UNION ALL SELECT b FROM s.u", "column 1 in UNION query has incompatible types: boolean, bigint")]
    [InlineData("SELECT h FROM s.t UNION ALL SELECT v FROM s.t", "column 1 in UNION query has incompatible types: varbinary, varchar")]
    [InlineData("SELECT day FROM s.u UNION SELECT d FROM s.u", "column 1 in UNION query has incompatible types: date, double")]
    [InlineData("SELECT a FROM s.t WHERE false UNION SELECT v FROM s.t WHERE false", "column 1 in UNION query has incompatible types: integer, varchar")]
    [InlineData("SELECT x FROM (VALUES 1) t(x) WHERE x IN (SELECT a FROM s.t UNION SELECT v FROM s.t)", "column 1 in UNION query has incompatible types: integer, varchar")]
    [InlineData("WITH c AS (SELECT a FROM s.t) SELECT a FROM c UNION SELECT v FROM s.t ORDER BY 1", "column 1 in UNION query has incompatible types: integer, varchar")]
    [InlineData("SELECT n FROM (SELECT count(*) AS n FROM s.t GROUP BY f UNION ALL SELECT 'none') q", "column 1 in UNION query has incompatible types: bigint, varchar")]
    public void A_set_operation_of_incompatible_column_types_fails_as_trino_does(string sql, string message)
    {
        using var db = new DuneSqlDb(Setup);
        var e = Assert.Throws<DuckDBException>(() => db.Rows(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT 1 UNION SELECT CAST(2 AS BIGINT) ORDER BY 1", "1|2", "bigint")]
    [InlineData("SELECT 1.5 UNION ALL SELECT 2e0 ORDER BY 1", "1.5|2", "double")]
    [InlineData("SELECT CAST('a' AS varchar(3)) UNION SELECT 'bcde' ORDER BY 1", "a|bcde", "varchar")]
    [InlineData("SELECT NULL UNION ALL SELECT 'a' ORDER BY 1", "a|NULL", "varchar")]
    [InlineData("SELECT a FROM s.t UNION SELECT b FROM s.u ORDER BY 1", "0|1|2|3", "bigint")]
    [InlineData("SELECT a FROM s.t INTERSECT SELECT b FROM s.u ORDER BY 1", "1|2", "bigint")]
    [InlineData("SELECT a, v FROM s.t EXCEPT SELECT b, 'x' FROM s.u ORDER BY 1", "0,0|1,1|2,2", "bigint|varchar")]
    [InlineData("SELECT DATE '2024-01-01' UNION SELECT TIMESTAMP '2024-01-01 01:00:00' ORDER BY 1", "2024-01-01 00:00:00|2024-01-01 01:00:00", "timestamp(3)")]
    [InlineData("SELECT ARRAY[1] UNION ALL SELECT NULL", "[1]|NULL", "array(integer)")]
    [InlineData("SELECT a FROM s.t UNION SELECT a + 1 FROM s.t ORDER BY a * -1", "3|2|1|0", "integer")]
    [InlineData("SELECT 1 UNION ALL VALUES (2) ORDER BY 1", "1|2", "integer")]
    [InlineData("WITH c AS (SELECT 1 AS x) SELECT x FROM c UNION SELECT 2 ORDER BY x * -1", "2|1", "integer")]
    [InlineData("WITH c AS (SELECT 1 AS x) SELECT c.x FROM c UNION SELECT 2 ORDER BY x * -1", "2|1", "integer")]
    [InlineData("SELECT \"Y\" FROM (SELECT 1 AS \"Y\") UNION SELECT 2 ORDER BY \"Y\" * -1", "2|1", "integer")]
    [InlineData("SELECT a z FROM s.t UNION SELECT b FROM s.u ORDER BY z * -1 LIMIT 2", "3|2", "bigint")]
    [InlineData("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n FROM r ORDER BY n", "1|2|3", "integer")]
    public void A_set_operation_of_compatible_column_types_keeps_working(string sql, string rows, string types)
    {
        using var db = new DuneSqlDb(Setup);
        Assert.Equal(rows, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
        Assert.Equal(types.Split('|'), DuneTypes(db, sql));
    }

    [Theory]
    [InlineData("INTEGER", "BIGINT", true)]
    [InlineData("DECIMAL(10,2)", "DOUBLE", true)]
    [InlineData("uint256", "INTEGER", true)]
    [InlineData("\"NULL\"", "BLOB", true)]
    [InlineData("INTEGER[]", "\"NULL\"[]", true)]
    [InlineData("MAP(VARCHAR, INTEGER)", "MAP(VARCHAR, DOUBLE)", true)]
    [InlineData("STRUCT(a INTEGER, b VARCHAR)", "STRUCT(c BIGINT, d VARCHAR)", true)]
    [InlineData("DATE", "TIMESTAMP WITH TIME ZONE", true)]
    [InlineData("JSON", "VARCHAR", false)]
    [InlineData("INTEGER", "VARCHAR", false)]
    [InlineData("BOOLEAN", "INTEGER", false)]
    [InlineData("BLOB", "VARCHAR", false)]
    [InlineData("TIME", "TIMESTAMP", false)]
    [InlineData("INTERVAL", "INTEGER", false)]
    [InlineData("INTEGER[]", "INTEGER", false)]
    [InlineData("MAP(VARCHAR, INTEGER)", "MAP(INTEGER, INTEGER)", false)]
    [InlineData("STRUCT(a INTEGER, b VARCHAR)", "STRUCT(a INTEGER)", false)]
    public void Types_are_compatible_by_trinos_families(string a, string b, bool compatible)
    {
        Assert.Equal(compatible, Strata.Engine.DuckDb.DuneSql.DuneSetTypes.Compatible(a, b));
        Assert.Equal(compatible, Strata.Engine.DuckDb.DuneSql.DuneSetTypes.Compatible(b, a));
    }

    [Theory]
    [InlineData("SELECT array_histogram(CAST(NULL AS ARRAY(INTEGER)))", "map(integer, bigint)")]
    [InlineData("SELECT array_histogram(CAST(NULL AS ARRAY(VARCHAR)))", "map(varchar, bigint)")]
    [InlineData("SELECT array_distinct(CAST(NULL AS ARRAY(INTEGER)))", "array(integer)")]
    [InlineData("SELECT array_except(CAST(NULL AS ARRAY(BIGINT)), ARRAY[1])", "array(bigint)")]
    public void Distinct_elements_of_a_constant_null_array_keep_the_array_type(string sql, string type)
    {
        using var db = new DuneSqlDb(Setup);
        Assert.Equal([type], DuneTypes(db, sql));
        Assert.Equal("NULL", DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }

    [Theory]
    [InlineData("SELECT array_distinct(ARRAY[3, 1, 3, 1])", "[3, 1]")]
    [InlineData("SELECT cardinality(array_distinct(ARRAY[3, NULL, 3, NULL]))", "2")]
    [InlineData("SELECT array_except(ARRAY[1, 2, 2, 3], ARRAY[3])", "[1, 2]")]
    [InlineData("SELECT cardinality(array_histogram(ARRAY[42, 7, 42, NULL]))", "2")]
    [InlineData("SELECT array_histogram(ARRAY[42, 7, 42, NULL])[42]", "2")]
    public void Distinct_elements_of_a_value_are_unchanged(string sql, string expected)
    {
        using var db = new DuneSqlDb(Setup);
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }
}
