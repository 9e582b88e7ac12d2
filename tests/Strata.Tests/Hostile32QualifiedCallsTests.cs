using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>
/// hostile32 (decision 300): a call whose name follows a '.' (schema-qualified, or DuckDB's dot-call) reached DuckDB's own
/// function past every template and bound (<c>main.repeat('ab', 200000000)</c> built 400 MB on the attack server; repeat
/// is refused past 16 MiB). Trino has no such names: refused as not registered, at the name.
/// </summary>
public sealed class Hostile32QualifiedCallsTests
{
    [Theory]
    [InlineData("SELECT length(main.repeat('ab', 200000000))", "Function 'main.repeat' not registered")]
    [InlineData("SELECT system.main.lpad('a', 300000000, 'b')", "Function 'system.main.lpad' not registered")]
    [InlineData("SELECT system.main.\"||\"('a', 'b')", "Function 'system.main.\"||\"' not registered")]
    [InlineData("SELECT MAIN . regexp_replace('a', 'a', 'b')", "Function 'MAIN . regexp_replace' not registered")]
    [InlineData("SELECT ('ab').repeat(3)", "Function '.repeat' not registered")]
    [InlineData("SELECT x FROM t WHERE x = \"main\".\"concat\"('a', 'b')", "Function '\"main\".\"concat\"' not registered")]
    public void A_call_after_a_dot_is_refused_as_not_registered(string sql, string expected)
    {
        var error = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql)).Error;
        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData("SELECT t.a FROM (VALUES 1) AS t(a)", "1")]
    [InlineData("SELECT q.a FROM (SELECT 2 AS a) q", "2")]
    [InlineData("WITH x(a) AS (SELECT 3) SELECT x.a FROM x", "3")]
    [InlineData("SELECT concat('a', 'b') || upper('c')", "abC")]
    [InlineData("SELECT r.a FROM (SELECT 4 AS a) r JOIN (VALUES 4) s(b) ON r.a = s.b", "4")]
    public void Qualified_names_that_are_no_calls_still_run(string sql, string expected)
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }
}
