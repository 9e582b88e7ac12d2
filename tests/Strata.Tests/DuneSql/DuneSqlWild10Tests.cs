using DuckDB.NET.Data;
using Strata.Engine.DuckDb;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10's public-corpus probe (decision "dune-wild10"): a set-operation branch grouped by select-list ordinals
/// (<c>SELECT pool_address, SUM(x), CASE WHEN pool_address = … END FROM … GROUP BY 1 UNION SELECT … FROM (VALUES …)</c>,
/// gustavobftorres' <c>w_steth_w_eth_pool_performance</c>) runs as on Dune. Decision 158's type check wrapped the first
/// item in a CASE, so <c>GROUP BY 1</c> grouped by the CASE and the other items' <c>pool_address</c> was no longer grouped
/// ("column must appear in the GROUP BY clause"); the check now sits on an item the branch does not group by ordinal.
/// </summary>
public sealed class DuneSqlWild10Tests
{
    private const string Setup = "CREATE SCHEMA s; CREATE TABLE s.t AS SELECT CAST(range % 2 AS INTEGER) AS a, CAST(range AS INTEGER) AS b, "
        + "CAST(range AS VARCHAR) AS v FROM range(4);";

    private static List<string> DuneTypes(DuneSqlDb db, string sql) => db.Types(sql).Select(DuckDbTypes.DuneName).ToList();

    [Theory]
    [InlineData("SELECT a, sum(b), CASE WHEN a = 1 THEN 'odd' ELSE 'even' END FROM s.t GROUP BY 1 UNION SELECT 7, 8, 'x' ORDER BY 1",
        "0,2,even|1,4,odd|7,8,x", "integer|bigint|varchar")]
    [InlineData("SELECT a AS k, a + 10 AS m FROM s.t GROUP BY 1 UNION ALL SELECT b, b FROM s.t WHERE b = 3 ORDER BY 1",
        "0,10|1,11|3,3", "integer|integer")]
    [InlineData("SELECT a, count(*) AS n, max(a * 100) FROM s.t GROUP BY 1 HAVING a >= 0 UNION SELECT 5, 1, 2 ORDER BY a",
        "0,2,0|1,2,100|5,1,2", "integer|bigint|integer")]
    [InlineData("SELECT a, v FROM s.t GROUP BY 1, 2 UNION SELECT a, v FROM s.t GROUP BY a, v ORDER BY 2",
        "0,0|1,1|0,2|1,3", "integer|varchar")]
    [InlineData("(SELECT a, sum(b) AS s, a * 2 AS d FROM s.t GROUP BY 1) UNION ALL (SELECT 9, 9, 9) ORDER BY 1",
        "0,2,0|1,4,2|9,9,9", "integer|bigint|integer")]
    [InlineData("SELECT a, sum(b) FROM s.t GROUP BY ROLLUP (1) UNION ALL SELECT 9, 9 ORDER BY 1 NULLS FIRST",
        "NULL,6|0,2|1,4|9,9", "integer|bigint")]
    public void A_branch_grouped_by_ordinals_runs_as_on_dune(string sql, string rows, string types)
    {
        using var db = new DuneSqlDb(Setup);
        Assert.Equal(rows, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
        Assert.Equal(types.Split('|'), DuneTypes(db, sql));
    }

    [Theory]
    [InlineData("SELECT a, CASE WHEN a = 1 THEN 'odd' END FROM s.t GROUP BY 1 UNION SELECT 1, 2",
        "column 2 in UNION query has incompatible types: varchar, integer")]
    [InlineData("SELECT a FROM s.t GROUP BY 1 UNION SELECT v FROM s.t", "column 1 in UNION query has incompatible types: integer, varchar")]
    [InlineData("SELECT a FROM s.t GROUP BY 1 UNION SELECT v FROM s.t GROUP BY 1",
        "column 1 in UNION query has incompatible types: integer, varchar")]
    [InlineData("SELECT a, b FROM s.t GROUP BY 2, 1 EXCEPT SELECT a, v FROM s.t", "column 2 in EXCEPT query has incompatible types: integer, varchar")]
    public void Incompatible_types_are_still_refused_when_a_branch_groups_by_ordinals(string sql, string message)
    {
        using var db = new DuneSqlDb(Setup);
        var e = Assert.Throws<DuckDBException>(() => db.Rows(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
