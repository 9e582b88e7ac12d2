using DuckDB.NET.Data;
using Strata.Core.Engine;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.DuneSql;
using Strata.Tests.DuneSql;

namespace Strata.Tests;

/// <summary>
/// hostile19 (docs/notes/hostile19.md): listagg's output is at most Trino's 1,048,576 bytes, its separator a string
/// literal; a subquery in a lambda fails in Trino's words.
/// </summary>
public sealed class Hostile19ListaggTests
{
    private const string Overflow = "Concatenated string has the length in bytes larger than the maximum output length 1048576";

    [Theory]
    // 10,000 values of 200 characters and a separator: 2,009,999 bytes (the value answered before).
    [InlineData("SELECT listagg(lpad('', 200, 'x'), ',') WITHIN GROUP (ORDER BY x) FROM UNNEST(sequence(1, 10000)) t(x)")]
    [InlineData("SELECT listagg(lpad('', 200, 'x'), ',' ON OVERFLOW ERROR) WITHIN GROUP (ORDER BY x) FROM UNNEST(sequence(1, 10000)) t(x)")]
    [InlineData("SELECT listagg(lpad('', 200, 'x') ON OVERFLOW ERROR) WITHIN GROUP (ORDER BY x) FROM UNNEST(sequence(1, 10000)) t(x)")]
    // One group past the bound, the other not: the query fails.
    [InlineData("SELECT x % 2, listagg(lpad('', IF(x % 2 = 0, 300, 1), 'x'), ',') WITHIN GROUP (ORDER BY x) FROM UNNEST(sequence(1, 10000)) t(x) GROUP BY 1")]
    [InlineData("SELECT listagg(lpad('', 200, 'x'), ',') WITHIN GROUP (ORDER BY x) FILTER (WHERE x > 100) FROM UNNEST(sequence(1, 10000)) t(x)")]
    public void Listagg_past_a_mebibyte_fails_in_Trinos_words(string sql)
    {
        using var db = new DuneSqlDb();
        var e = Assert.ThrowsAny<DuckDBException>(() => db.Rows(sql));
        Assert.Contains(Overflow, e.Message, StringComparison.Ordinal);
        Assert.Equal(Overflow, TrinoErrorMessages.RewriteError(e.Message));
    }

    [Theory]
    // 1,048,576 bytes exactly: 4,096 values of 255 characters and 4,095 one-byte separators (1,044,480 + 4,095 = 1,048,575), plus one more byte.
    [InlineData("SELECT length(listagg(lpad('', IF(x = 1, 256, 255), 'x'), ',') WITHIN GROUP (ORDER BY x)) FROM UNNEST(sequence(1, 4096)) t(x)", "1048576")]
    [InlineData("SELECT listagg(v, ',') WITHIN GROUP (ORDER BY v) FILTER (WHERE v <> 'b') FROM (VALUES 'a', 'c', 'b') t(v)", "a,c")]
    [InlineData("SELECT listagg(v, ',' ON OVERFLOW ERROR) WITHIN GROUP (ORDER BY v) FROM (VALUES 'a', 'c', 'b') t(v)", "a,b,c")]
    [InlineData("SELECT listagg(v ON OVERFLOW ERROR) WITHIN GROUP (ORDER BY v DESC) FROM (VALUES 'a', 'c', 'b') t(v)", "cba")]
    [InlineData("SELECT listagg(v, ',') WITHIN GROUP (ORDER BY v) FROM (VALUES 'a') t(v) WHERE v = 'z'", "NULL")]
    public void Listagg_up_to_the_bound_answers(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Theory]
    [InlineData("SELECT listagg(v, lpad('', 10, ',')) WITHIN GROUP (ORDER BY v) FROM (VALUES 'a') t(v)", "mismatched input 'lpad'")]
    [InlineData("SELECT listagg(v, v) WITHIN GROUP (ORDER BY v) FROM (VALUES 'a') t(v)", "mismatched input 'v'")]
    [InlineData("SELECT listagg(v, ',' || ',') WITHIN GROUP (ORDER BY v) FROM (VALUES 'a') t(v)", "mismatched input '||'")]
    [InlineData("SELECT listagg(v, ',') WITHIN GROUP (ORDER BY v) OVER () FROM (VALUES 'a') t(v)", "mismatched input 'OVER'")]
    // TRUNCATE runs since hostile20 (Hostile20ListaggTests); another behaviour is outside the grammar.
    [InlineData("SELECT listagg(v, ',' ON OVERFLOW SKIP) WITHIN GROUP (ORDER BY v) FROM (VALUES 'a') t(v)", "mismatched input 'SKIP'")]
    public void Listagg_outside_Trinos_grammar_is_refused_at_its_token(string sql, string message)
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.StartsWith(message, e.Error.Message, StringComparison.Ordinal);
        Assert.Equal(1, e.Error.Line);
    }

    [Fact]
    public void A_subquery_in_a_lambda_fails_in_Trinos_words()
    {
        using var db = new DuneSqlDb();
        var e = Assert.ThrowsAny<DuckDBException>(() => db.Rows("SELECT transform(ARRAY[1], y -> (SELECT 3))"));
        Assert.Equal("Lambda expression cannot contain subqueries", TrinoErrorMessages.RewriteError(e.Message));
    }
}
