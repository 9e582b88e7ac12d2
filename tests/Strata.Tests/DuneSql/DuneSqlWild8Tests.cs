namespace Strata.Tests.DuneSql;

/// <summary>Branch dune-wild8: ALL is not a reserved word of Trino, so a query may name a relation <c>all</c>
/// (gustavobftorres/dune-queries balancer/support/legacy/diff_2623322.sql: <c>all as (… UNION ALL …)</c>).</summary>
public sealed class DuneSqlWild8Tests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    [Theory]
    [InlineData("WITH all AS (SELECT 1 AS x) SELECT x FROM all", "1")]
    [InlineData("WITH a AS (SELECT 1 AS x), all AS (SELECT x + 1 AS x FROM a UNION ALL SELECT 5) SELECT sum(all.x) FROM all", "7")]
    [InlineData("WITH all AS (SELECT 2 AS x) SELECT count(*) FROM (VALUES 2) t(x) JOIN all ON all.x = t.x", "1")]
    [InlineData("WITH RECURSIVE all AS (SELECT 1 AS x) SELECT x FROM all", "1")]
    public void All_names_a_relation_as_in_trino(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    [InlineData("SELECT count(*) FROM (SELECT 1 UNION ALL SELECT 1)", "2")]
    [InlineData("SELECT count(ALL x) FROM (VALUES 1, 1, NULL) t(x)", "2")]
    [InlineData("SELECT count(*) FROM (VALUES 1) t(x) WHERE x = ALL (SELECT 1)", "1")]
    [InlineData("SELECT count(*) FROM (SELECT ALL x FROM (VALUES 1, 1) t(x))", "2")]
    public void All_the_keyword_is_unchanged(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));
}
