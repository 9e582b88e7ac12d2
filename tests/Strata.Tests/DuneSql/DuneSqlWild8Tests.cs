namespace Strata.Tests.DuneSql;

/// <summary>Branch dune-wild8: ALL is not a reserved word of Trino, so a query may name a relation <c>all</c>
/// (gustavobftorres/dune-queries balancer/support/legacy/diff_2623322.sql: <c>all as (… UNION ALL …)</c>); TRY around a
/// subscript or function whose Trino error the translation raises (gustavobftorres' gas_base.fees queries:
/// <c>TRY(tx_fee_breakdown['priority_fee'])</c>) is NULL where Trino's is, not DuckDB's refusal of a volatile function.</summary>
public sealed class DuneSqlWild8Tests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    [Theory]
    [InlineData("WITH all AS (SELECT 1 AS x) SELECT x FROM all", "1")]
    [InlineData("WITH a AS (SELECT 1 AS x), all AS (SELECT x + 1 AS x FROM a UNION ALL SELECT 5) SELECT sum(all.x) FROM all", "7")]
    [InlineData("WITH all AS (SELECT 2 AS x) SELECT count(*) FROM (VALUES 2) t(x) JOIN all ON all.x = t.x", "1")]
    // Decision 337: every query of a WITH RECURSIVE list needs its column list (Trino's tryProcessRecursiveQuery).
    [InlineData("WITH RECURSIVE all(x) AS (SELECT 1) SELECT x FROM all", "1")]
    public void All_names_a_relation_as_in_trino(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    [InlineData("SELECT count(*) FROM (SELECT 1 UNION ALL SELECT 1)", "2")]
    [InlineData("SELECT count(ALL x) FROM (VALUES 1, 1, NULL) t(x)", "2")]
    [InlineData("SELECT count(*) FROM (VALUES 1) t(x) WHERE x = ALL (SELECT 1)", "1")]
    [InlineData("SELECT count(*) FROM (SELECT ALL x FROM (VALUES 1, 1) t(x))", "2")]
    public void All_the_keyword_is_unchanged(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    [InlineData("SELECT TRY(m['b']) FROM (SELECT MAP(ARRAY['a'], ARRAY[1]) AS m) t", "NULL")]
    [InlineData("SELECT TRY(m['a']) FROM (SELECT MAP(ARRAY['a'], ARRAY[1]) AS m) t", "1")]
    [InlineData("SELECT coalesce(TRY(m['b'] + 1), -1) FROM (SELECT MAP(ARRAY['a'], ARRAY[1]) AS m) t", "-1")]
    [InlineData("SELECT TRY(a[5]) FROM (SELECT ARRAY[1, 2] AS a) t", "NULL")]
    [InlineData("SELECT TRY(a[2]) FROM (SELECT ARRAY[1, 2] AS a) t", "2")]
    [InlineData("SELECT TRY(element_at(a, 0)) FROM (SELECT ARRAY[1, 2] AS a) t", "NULL")]
    [InlineData("SELECT TRY(m['k']) FROM (VALUES MAP(ARRAY['k'], ARRAY['x']), MAP(ARRAY['j'], ARRAY['y'])) t(m) ORDER BY 1 NULLS FIRST LIMIT 1", "NULL")]
    public void Try_makes_trinos_subscript_errors_null(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    [InlineData("SELECT m['b'] FROM (SELECT MAP(ARRAY['a'], ARRAY[1]) AS m) t", "Key not present in map: b")]
    [InlineData("SELECT a[5] FROM (SELECT ARRAY[1, 2] AS a) t", "Array subscript must be less than or equal to array length: 5 > 2")]
    public void Outside_try_the_subscript_errors_are_trinos(string sql, string message) =>
        Assert.Contains(message, Assert.ThrowsAny<Exception>(() => db.Scalar(sql)).Message, StringComparison.Ordinal);

    [Fact]
    public void Errors_in_a_template_become_failing_casts_only_outside_strings()
    {
        string rewritten = Strata.Engine.DuckDb.DuneSql.DuneSqlTranslator.ErrorsCaughtByTry("CASE WHEN $1 THEN error('a (b' || json_error(y)) ELSE 'error(' END");
        Assert.Equal("CASE WHEN $1 THEN CASE WHEN CAST('!' || coalesce(CAST(('a (b' || json_error(y)) AS VARCHAR), '') || CASE WHEN ($1) IS NULL THEN '' ELSE '' END AS INTEGER) IS NULL THEN NULL END ELSE 'error(' END", rewritten);
        Assert.Equal("error('x')", Strata.Engine.DuckDb.DuneSql.DuneSqlTranslator.ErrorsCaughtByTry("error('x')"));
    }
}
