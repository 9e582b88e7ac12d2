using DuckDB.NET.Data;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 11 (decision "dune-types12"): set operations whose branches use <c>*</c> are type-checked as explicit columns are,
/// branches of different widths fail with Trino's message, json goes only with json, and a string literal's type is named
/// <c>varchar(n)</c> in the message as Trino names it.
/// </summary>
public sealed class DuneSqlTypes12Tests
{
    private const string Setup = "CREATE SCHEMA s; "
        + "CREATE TABLE s.t AS SELECT CAST(range AS INTEGER) AS a, CAST(range AS VARCHAR) AS v FROM range(3); "
        + "CREATE TABLE s.w AS SELECT CAST(range AS VARCHAR) AS v, CAST(range AS INTEGER) AS a FROM range(2); "
        + "CREATE TABLE s.u AS SELECT CAST(range + 1 AS BIGINT) AS b, CAST(range AS DOUBLE) AS d FROM range(3); "
        + "CREATE TABLE s.x AS SELECT 1 AS a, 2 AS b, 3 AS c;";

    private static List<string> DuneTypes(DuneSqlDb db, string sql) => db.Types(sql).Select(DuckDbTypes.DuneName).ToList();

    [Theory]
    [InlineData("SELECT * FROM s.t UNION ALL SELECT * FROM s.w", "column 1 in UNION query has incompatible types: integer, varchar")]
    [InlineData("SELECT * FROM s.t UNION SELECT * FROM s.u ORDER BY 1", "column 2 in UNION query has incompatible types: varchar, double")]
    [InlineData("SELECT * FROM s.t INTERSECT SELECT * FROM s.w", "column 1 in INTERSECT query has incompatible types: integer, varchar")]
    [InlineData("SELECT * FROM s.t WHERE a > 0 OR v = 'x' UNION ALL SELECT * FROM s.w", "column 1 in UNION query has incompatible types: integer, varchar")]
    [InlineData("SELECT * FROM s.t GROUP BY a, v UNION SELECT * FROM s.w", "column 1 in UNION query has incompatible types: integer, varchar")]
    [InlineData("SELECT n FROM (SELECT * FROM s.t UNION ALL SELECT * FROM s.w) q(n, m)", "column 1 in UNION query has incompatible types: integer, varchar")]
    [InlineData("SELECT t.*, 1 FROM s.t t UNION SELECT a, v, 'z' FROM s.t", "column 3 in UNION query has incompatible types: integer, varchar(1)")]
    [InlineData("SELECT a, v FROM s.t UNION ALL SELECT * FROM s.w", "column 1 in UNION query has incompatible types: integer, varchar")]
    [InlineData("SELECT * FROM s.t t JOIN s.w w ON t.a = w.a UNION ALL SELECT * FROM s.t t2 JOIN s.t t3 ON t2.a = t3.a",
        "column 3 in UNION query has incompatible types: varchar, integer")]
    [InlineData("SELECT * FROM s.t UNION ALL SELECT * FROM s.x", "UNION query has different number of fields: 2, 3")]
    [InlineData("SELECT * FROM s.t UNION ALL SELECT a FROM s.t", "UNION query has different number of fields: 2, 1")]
    [InlineData("SELECT 1, 2 UNION SELECT 3", "UNION query has different number of fields: 2, 1")]
    [InlineData("SELECT 1 EXCEPT SELECT 2, 3", "EXCEPT query has different number of fields: 1, 2")]
    [InlineData("SELECT 1 UNION SELECT 2 UNION SELECT 3, 4", "UNION query has different number of fields: 1, 2")]
    public void A_set_operation_with_star_or_different_widths_fails_as_trino_does(string sql, string message)
    {
        using var db = new DuneSqlDb(Setup);
        var e = Assert.Throws<DuckDBException>(() => db.Rows(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT * FROM s.t UNION ALL SELECT * FROM s.t ORDER BY 1, 2", "0,0|0,0|1,1|1,1|2,2|2,2", "integer|varchar")]
    [InlineData("SELECT * FROM s.t WHERE a > 0 UNION ALL SELECT a, v FROM s.t WHERE a = 0 ORDER BY 1", "0,0|1,1|2,2", "integer|varchar")]
    [InlineData("SELECT * FROM s.t UNION SELECT a + 10, v FROM s.t ORDER BY a * -1 LIMIT 2", "12,2|11,1", "integer|varchar")]
    [InlineData("SELECT t.*, 1 AS one FROM s.t t WHERE a = 2 UNION ALL SELECT b, 'x', 2 FROM s.u WHERE b = 1 ORDER BY 3", "2,2,1|1,x,2", "bigint|varchar|integer")]
    [InlineData("SELECT * FROM s.x UNION ALL SELECT * FROM s.x", "1,2,3|1,2,3", "integer|integer|integer")]
    [InlineData("WITH c AS (SELECT 1 AS date) SELECT date FROM c UNION ALL SELECT 2 AS date ORDER BY date DESC", "2|1", "integer")]
    [InlineData("SELECT * FROM s.t GROUP BY a, v HAVING a = 1 UNION SELECT * FROM s.t WHERE a = 1", "1,1", "integer|varchar")]
    [InlineData("SELECT * FROM (SELECT * FROM s.t UNION ALL SELECT * FROM s.t) q WHERE a = 1", "1,1|1,1", "integer|varchar")]
    [InlineData("SELECT j FROM (SELECT json_parse('[1]') AS j UNION ALL SELECT json_parse('[2]')) q ORDER BY json_format(j)", "[1]|[2]", "json")]
    [InlineData("SELECT 'a' UNION ALL SELECT 'bcd' UNION ALL SELECT NULL ORDER BY 1", "a|bcd|NULL", "varchar")]
    public void A_set_operation_with_star_keeps_working(string sql, string rows, string types)
    {
        using var db = new DuneSqlDb(Setup);
        Assert.Equal(rows, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
        Assert.Equal(types.Split('|'), DuneTypes(db, sql));
    }

    [Theory]
    [InlineData("SELECT json_parse('[1]') UNION ALL SELECT 'x'", "column 1 in UNION query has incompatible types: json, varchar(1)")]
    [InlineData("SELECT CAST('{\"a\":1}' AS json) UNION SELECT v FROM s.t", "column 1 in UNION query has incompatible types: json, varchar")]
    [InlineData("SELECT 1 UNION SELECT 'a'", "column 1 in UNION query has incompatible types: integer, varchar(1)")]
    [InlineData("SELECT 'ab' UNION SELECT 'abc' UNION SELECT 1", "column 1 in UNION query has incompatible types: varchar(3), integer")]
    [InlineData("SELECT 'abc' UNION SELECT v FROM s.t UNION SELECT 1", "column 1 in UNION query has incompatible types: varchar, integer")]
    [InlineData("SELECT CAST('a' AS varchar(5)) UNION SELECT 1", "column 1 in UNION query has incompatible types: varchar(5), integer")]
    [InlineData("SELECT 'h\u00e9llo' UNION SELECT true", "column 1 in UNION query has incompatible types: varchar(5), boolean")]
    [InlineData("SELECT 'it''s' x UNION SELECT 1", "column 1 in UNION query has incompatible types: varchar(4), integer")]
    [InlineData("SELECT NULL UNION SELECT 'ab' UNION SELECT 1", "column 1 in UNION query has incompatible types: varchar(2), integer")]
    [InlineData("VALUES ('a'), ('abcd') UNION SELECT 1", "column 1 in UNION query has incompatible types: varchar(4), integer")]
    [InlineData("SELECT 1, 'a' UNION ALL SELECT 2, 3", "column 2 in UNION query has incompatible types: varchar(1), integer")]
    [InlineData("SELECT 'ab' x, t.* FROM s.t t UNION SELECT 1, 2, 'c'", "column 1 in UNION query has incompatible types: varchar(2), integer")]
    [InlineData("SELECT 1 UNION SELECT upper('a')", "column 1 in UNION query has incompatible types: integer, varchar")]
    public void The_message_names_trinos_types(string sql, string message)
    {
        using var db = new DuneSqlDb(Setup);
        var e = Assert.Throws<DuckDBException>(() => db.Rows(sql));
        Assert.Contains(message, e.Message.Split('\n')[0], StringComparison.Ordinal);
        Assert.DoesNotContain(message + "(", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("varchar(1)", "varchar(3)", "varchar(3)")]
    [InlineData("varchar(4)", "varchar(2)", "varchar(4)")]
    [InlineData("varchar(4)", "varchar", "varchar")]
    [InlineData("varchar", "varchar(9)", "varchar")]
    [InlineData("integer", "bigint", "integer")]
    public void Varchar_bounds_combine_as_trinos_common_type(string seen, string next, string common) =>
        Assert.Equal(common, DuneSetTypes.CommonVarcharName(seen, next));

    [Fact]
    public void Different_widths_are_named_before_types()
    {
        Assert.Equal("UNION query has different number of fields: 1, 2",
            DuneSetTypes.Incompatibility(["UNION"], ["STRUCT(a INTEGER)", "STRUCT(a VARCHAR, b INTEGER)"]));
        Assert.Equal("column 1 in UNION query has incompatible types: integer, varchar(2)",
            DuneSetTypes.Incompatibility(["UNION"], ["STRUCT(a INTEGER)", "STRUCT(a VARCHAR)"], ";1:varchar(2)"));
        Assert.Null(DuneSetTypes.Incompatibility(["UNION"], ["STRUCT(a JSON)", "STRUCT(a JSON)"]));
        Assert.False(DuneSetTypes.Compatible("JSON", "VARCHAR"));
        Assert.True(DuneSetTypes.Compatible("JSON", "\"NULL\""));
    }
}
