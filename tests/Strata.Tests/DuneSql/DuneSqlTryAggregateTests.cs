using DuckDB.NET.Data;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Trino's TRY around aggregates, windows and scalar subqueries (decision "dune-types6"): Trino computes those apart
/// from the expression around them, so TRY gives NULL for an error of that expression (a division by zero of two sums,
/// a failed cast of a max) and the value otherwise; an error inside the aggregate itself (a bigint sum's overflow) is
/// not caught. DuckDB refuses aggregates, windows and subqueries inside its TRY.
/// </summary>
public sealed class DuneSqlTryAggregateTests
{
    private const string Rows = "(VALUES (1, 1, 0, CAST(1.25 AS decimal(10,2))), (1, 2, 0, CAST(2.50 AS decimal(10,2))), (2, 5, 4, CAST(0.01 AS decimal(10,2)))) AS t(k, x, y, d)";

    [Theory]
    [InlineData($"SELECT try(sum(x)) FROM {Rows}", "8", "BIGINT")]
    [InlineData($"SELECT try(sum(x) / 0) FROM {Rows}", "NULL", "BIGINT")]
    [InlineData($"SELECT try(sum(x) / sum(y)) FROM {Rows}", "2", "BIGINT")]
    [InlineData($"SELECT try(sum(x) / sum(y)) FROM {Rows} WHERE k = 1", "NULL", "BIGINT")]
    [InlineData($"SELECT try(avg(d)) FROM {Rows} WHERE k = 1", "1.88", "DECIMAL(10,2)")]
    [InlineData($"SELECT try(sum(d) / sum(x)) FROM {Rows}", "0.47", "DECIMAL(38,2)")]
    [InlineData($"SELECT try(100.0 * sum(x) / sum(y)) FROM {Rows} WHERE k = 1", "NULL", "DECIMAL(23,1)")]
    [InlineData($"SELECT try(CAST(max(CAST(x AS varchar) || 'a') AS integer)) FROM {Rows}", "NULL", "INTEGER")]
    [InlineData($"SELECT try(count(*) / (count(*) - 3)) FROM {Rows}", "NULL", "BIGINT")]
    [InlineData($"SELECT try((SELECT 7) / 0)", "NULL", "INTEGER")]
    [InlineData($"SELECT try((SELECT 7) / 2)", "3", "INTEGER")]
    [InlineData($"SELECT try(reduce(array_agg(x), 0, (s, e) -> s + e, s -> s / 0)) FROM {Rows}", "NULL", "INTEGER")]
    [InlineData($"SELECT try(try(sum(x) / 0) + 1) FROM {Rows}", "NULL", "BIGINT")]
    public void Try_around_aggregates_gives_null_for_an_error_around_them(string sql, string value, string type)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(value, db.Scalar(sql));
        Assert.Equal(type, db.Types(sql)[0]);
    }

    [Fact]
    public void Grouped_columns_and_windows_are_read_beside_the_aggregates()
    {
        using var db = new DuneSqlDb();
        var grouped = db.Rows($"SELECT t.k, try(t.k * 10 / (sum(t.x) - 3)) FROM {Rows} GROUP BY t.k ORDER BY 1");
        Assert.Equal(["1", "NULL"], grouped[0]);
        Assert.Equal(["2", "10"], grouped[1]);
        var having = db.Rows($"SELECT k FROM {Rows} GROUP BY k HAVING try(sum(x) / sum(y)) IS NULL");
        Assert.Equal(["1"], Assert.Single(having));
        var windowed = db.Rows($"SELECT x, try(x / (sum(x) OVER (PARTITION BY k) - 3)) FROM {Rows} ORDER BY x");
        Assert.Equal([["1", "NULL"], ["2", "NULL"], ["5", "2"]], windowed);
    }

    [Fact]
    public void An_error_inside_the_aggregate_is_not_caught()
    {
        using var db = new DuneSqlDb();
        var e = Assert.Throws<DuckDBException>(() => db.Rows("SELECT try(sum(x)) FROM (VALUES (CAST(9223372036854775807 AS bigint)), (CAST(1 AS bigint))) AS t(x)"));
        Assert.Contains("bigint addition overflow", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT try(1 / 0)")]
    [InlineData("SELECT try(CAST('x' AS integer))")]
    [InlineData("SELECT try(x / y) FROM (VALUES (1, 0)) AS t(x, y)")]
    public void Try_without_aggregates_is_written_as_before(string sql)
    {
        Assert.DoesNotContain("_strata_y", Strata.Engine.DuckDb.DuneSql.DuneSqlTranslator.Translate(sql).Sql, StringComparison.Ordinal);
        using var db = new DuneSqlDb();
        Assert.Equal("NULL", db.Scalar(sql));
    }
}
