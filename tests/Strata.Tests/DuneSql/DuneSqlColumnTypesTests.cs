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
        + "CAST(2.5 AS DOUBLE) AS f, CAST(7 AS INTEGER) AS i, CAST(0 AS BIGINT) AS z; "
        + "CREATE TABLE s.u AS SELECT CAST(range AS BIGINT) AS b, CAST(range * 3 AS INTEGER) AS k, CAST(range * 1.5 AS DECIMAL(20,4)) AS e FROM range(1, 6);";

    private static readonly Dictionary<string, string?> T = new(StringComparer.OrdinalIgnoreCase)
    {
        ["b"] = "BIGINT", ["d"] = "DECIMAL(10,2)", ["f"] = "DOUBLE", ["i"] = "INTEGER", ["z"] = "BIGINT",
    };

    private static readonly Dictionary<string, string?> U = new(StringComparer.OrdinalIgnoreCase)
    {
        ["b"] = "BIGINT", ["k"] = "INTEGER", ["e"] = "DECIMAL(20,4)",
    };

    private static IReadOnlyDictionary<string, string?>? Catalog(string schema, string table) =>
        schema != "s" ? null : table == "t" ? T : table == "u" ? U : null;

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
    [InlineData("WITH c AS (SELECT b, b * 2 AS w FROM s.t) SELECT w / 2 FROM c")]
    [InlineData("WITH c AS (SELECT * FROM s.t, s.u) SELECT c.b / 2 FROM c")]
    [InlineData("SELECT q.b / 2 FROM (SELECT b FROM s.t UNION ALL SELECT b FROM s.u) AS q")]
    [InlineData("SELECT sum(i) AS b FROM s.t GROUP BY d HAVING b / 2 > 0")]
    [InlineData("SELECT i + 1 AS b FROM s.t ORDER BY b / 2")]
    [InlineData("SELECT f b FROM s.t ORDER BY b / 2")]
    [InlineData("SELECT b / 2 FROM s.t CROSS JOIN UNNEST(ARRAY[1]) AS x(b)")]
    [InlineData("SELECT x.b / 2 FROM s.t AS x(b, c)")]
    [InlineData("WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 3) SELECT n / 2 FROM r")]
    [InlineData("SELECT b FROM s.t UNION ALL SELECT b FROM s.u ORDER BY b / 2")]
    [InlineData("SELECT b FROM s.t WINDOW w AS (ORDER BY b / 2)")]
    [InlineData("SELECT transform(ARRAY[1.5], b -> b / 2) FROM s.t")]
    [InlineData("SELECT u.b / 2 FROM s.t AS x")]
    [InlineData("SELECT b / 2 FROM s.other")]
    [InlineData("SELECT b / 2 FROM s.t, s.t AS u")]
    [InlineData("SELECT b / 2 FROM s.t JOIN s.u USING (b)")]
    public void Names_that_could_be_something_else_keep_the_probe(string sql)
    {
        Assert.Contains("dune_num_key", DuneSqlTranslator.Translate(sql, default, Catalog).Sql, StringComparison.Ordinal);
    }

    /// <summary>Names resolved through joins, CTEs, subqueries, aggregates and correlated subqueries (decision
    /// "dune-types7"): every division is written without the probe, with the probe's value and type. {E} is the select
    /// item, written as the expression and its typeof.</summary>
    [Theory]
    [InlineData("SELECT {E} FROM s.t AS x JOIN s.u AS y ON x.b = y.b + 2", "x.d / y.b", "0.20")]
    [InlineData("SELECT {E} FROM s.t JOIN s.u ON t.b = u.b + 2", "e / k", "0.5")]
    [InlineData("SELECT {E} FROM s.t, s.u WHERE u.k = 15", "t.b / u.k", "0")]
    [InlineData("SELECT {E} FROM s.u", "sum(b) / count(*)", "3")]
    [InlineData("SELECT {E} FROM s.u", "sum(k) % 4", "1")]
    [InlineData("SELECT {E} FROM s.u", "avg(k) / 2", "4.5")]
    [InlineData("SELECT {E} FROM s.u", "max(e) / min(k)", "2.5")]
    [InlineData("SELECT {E} FROM s.u WHERE b % 2 = 0", "sum(e) / 2", "4.5")]
    [InlineData("WITH c AS (SELECT b, d AS dd, sum(i) AS si FROM s.t GROUP BY b, d) SELECT {E} FROM c", "dd / b + si / 2", "3.14")]
    [InlineData("WITH c AS (SELECT * FROM s.t) SELECT {E} FROM c", "c.b / c.i", "1")]
    [InlineData("WITH c AS (SELECT b / 2 AS h, d / 3 q FROM s.t) SELECT {E} FROM c", "h / 2 + q / 2", "1.17")]
    [InlineData("SELECT {E} FROM (SELECT k, e AS amount FROM s.u WHERE k > 9) AS q", "q.amount / q.k", "0.5")]
    [InlineData("SELECT {E} FROM s.u WHERE b IN (SELECT b / 2 FROM s.t)", "k / 2", "4")]
    [InlineData("SELECT {E} FROM s.t WHERE b / 7 = 1", "i / 2", "3")]
    public void Names_resolved_through_joins_ctes_and_subqueries_skip_the_probe(string template, string expression, string value)
    {
        string sql = template.Replace("{E}", expression + ", typeof(" + expression + ")", StringComparison.Ordinal);
        string translated = DuneSqlTranslator.Translate(sql, default, Catalog).Sql;
        Assert.DoesNotContain("dune_num_key", translated, StringComparison.Ordinal);
        using var db = new DuneSqlDb(Setup);
        var probed = db.Rows(sql);
        Assert.Equal(value, probed[0][0]);
        Assert.Equal(probed, db.Rows(sql, Catalog));
    }
}
