using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Divisions of columns whose types the catalog gives (decision "dune-types6"): in a statement over one known table, a
/// column operand's type comes from the catalog, so the division is written in Trino's form without the bound-type
/// probe (<c>dune_num_key</c>), with the answers the probe gives; where a name could be something else (a join, a CTE,
/// a subquery, ORDER BY, a lambda) the probe stays.
/// </summary>
public sealed class DuneSqlColumnTypesTests
{
    private const string Setup = "CREATE SCHEMA s; CREATE TABLE s.t AS SELECT CAST(7 AS BIGINT) AS b, CAST(1.00 AS DECIMAL(10,2)) AS d, "
        + "CAST(2.5 AS DOUBLE) AS f, CAST(7 AS INTEGER) AS i, CAST(0 AS BIGINT) AS z;";

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["b"] = "BIGINT", ["d"] = "DECIMAL(10,2)", ["f"] = "DOUBLE", ["i"] = "INTEGER", ["z"] = "BIGINT",
    };

    private static string? Catalog(string schema, string table, string column) =>
        schema == "s" && table == "t" ? Types.GetValueOrDefault(column) : null;

    [Theory]
    [InlineData("SELECT b / 2 FROM s.t", "3")]
    [InlineData("SELECT d / 3 FROM s.t", "0.33")]
    [InlineData("SELECT x.d / x.b FROM s.t AS x", "0.14")]
    [InlineData("SELECT t.b % 4 FROM s.t", "3")]
    [InlineData("SELECT f / z FROM s.t", "Infinity")]
    [InlineData("SELECT i / b FROM s.t WHERE b > 1", "1")]
    [InlineData("SELECT d / 0.3 FROM s.t q", "3.33")]
    public void A_division_of_catalog_columns_skips_the_probe_and_gives_Trinos_answer(string sql, string value)
    {
        Assert.DoesNotContain("dune_num_key", DuneSqlTranslator.Translate(sql, default, Catalog).Sql, StringComparison.Ordinal);
        Assert.Contains("dune_num_key", DuneSqlTranslator.Translate(sql).Sql, StringComparison.Ordinal);
        using var db = new DuneSqlDb(Setup);
        Assert.Equal(value, db.Scalar(sql));
        Assert.Equal(db.Scalar(sql), db.Rows(sql, Catalog)[0][0]);
    }

    [Fact]
    public void A_division_by_a_zero_integer_column_fails_as_Trinos()
    {
        using var db = new DuneSqlDb(Setup);
        var e = Assert.Throws<DuckDB.NET.Data.DuckDBException>(() => db.Rows("SELECT b / z FROM s.t", Catalog));
        Assert.Contains("Division by zero", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT b / 2 FROM s.t JOIN s.t AS u ON true")]
    [InlineData("WITH s AS (SELECT 1.5 AS b) SELECT b / 2 FROM s.t")]
    [InlineData("SELECT b / 2 FROM s.t WHERE b IN (SELECT b FROM s.t)")]
    [InlineData("SELECT b FROM s.t ORDER BY b / 2")]
    [InlineData("SELECT transform(ARRAY[1.5], b -> b / 2) FROM s.t")]
    [InlineData("SELECT u.b / 2 FROM s.t AS x")]
    [InlineData("SELECT b / 2 FROM s.other")]
    [InlineData("SELECT b / 2 FROM s.t, s.t AS u")]
    public void Names_that_could_be_something_else_keep_the_probe(string sql)
    {
        Assert.Contains("dune_num_key", DuneSqlTranslator.Translate(sql, default, Catalog).Sql, StringComparison.Ordinal);
    }
}
