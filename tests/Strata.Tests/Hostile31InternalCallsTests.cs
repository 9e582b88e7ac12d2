using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>
/// hostile31 (decision 294): a DuneSQL text may not call the functions the engine registers for the translator's own
/// rewrites. DuckDB answered <c>SELECT dune_instant_key(now())</c> and <c>dune_listagg_truncate(…)</c>; Trino answers
/// "Function 'dune_instant_key' not registered", at the name. The translator's own calls still run (the DuneSql* classes).
/// </summary>
public sealed class Hostile31InternalCallsTests
{
    [Theory]
    [InlineData("SELECT dune_instant_key(now())", "dune_instant_key", 1, 8)]
    [InlineData("SELECT DUNE_CHR(65)", "dune_chr", 1, 8)]
    [InlineData("SELECT \"dune_chr\"(65)", "dune_chr", 1, 8)]
    [InlineData("SELECT 1 + dune_zone ('UTC')", "dune_zone", 1, 12)]
    [InlineData("SELECT main.dune_chr(65)", "dune_chr", 1, 13)]
    [InlineData("SELECT (65).dune_chr()", "dune_chr", 1, 13)]
    [InlineData("SELECT x FROM (VALUES 1) t(x)\nWHERE dune_wall(now()) IS NULL", "dune_wall", 2, 7)]
    [InlineData("SELECT g, dune_listagg_truncate('a', NULL, 'a', '', '') FROM (VALUES 1) t(g) GROUP BY g", "dune_listagg_truncate", 1, 11)]
    [InlineData("SELECT * FROM dune_json_table('{}')", "dune_json_table", 1, 15)]
    [InlineData("SELECT CASE WHEN true THEN /* c */ dune_tdigest_value(1) END", "dune_tdigest_value", 1, 36)]
    // After the words of special forms (decision 296, the review of 294): each ran the internal function.
    [InlineData("SELECT trim(LEADING dune_chr(120) FROM 'xabc')", "dune_chr", 1, 21)]
    [InlineData("SELECT trim(BOTH dune_wall() FROM 'abc')", "dune_wall", 1, 18)]
    [InlineData("SELECT json_object('a' VALUE dune_chr(120))", "dune_chr", 1, 30)]
    [InlineData("SELECT json_value('{}', 'lax $.a' DEFAULT dune_chr(120) ON EMPTY)", "dune_chr", 1, 43)]
    [InlineData("SELECT * FROM (VALUES 1, 2, 3) t(x) OFFSET 0 ROWS FETCH NEXT dune_chr(49) ROWS ONLY", "dune_chr", 1, 62)]
    [InlineData("SELECT x FROM (VALUES dune_chr(49)) t(x)", "dune_chr", 1, 23)]
    public void A_call_of_an_internal_function_is_not_registered(string sql, string name, int line, int column)
    {
        var error = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql)).Error;
        Assert.Equal($"Function '{name}' not registered", error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Theory]
    [InlineData("WITH dune_x(a) AS (SELECT 1) SELECT a FROM dune_x", "1")]
    [InlineData("SELECT a FROM (VALUES 1) dune_t(a)", "1")]
    [InlineData("SELECT a FROM (VALUES 1) AS dune_t (a)", "1")]
    [InlineData("SELECT dune_col FROM (SELECT 2 AS dune_col)", "2")]
    [InlineData("SELECT 'dune_chr(65)'", "dune_chr(65)")]
    [InlineData("SELECT 3 -- dune_chr(65)", "3")]
    public void A_name_with_the_prefix_that_is_no_call_still_runs(string sql, string expected)
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Fact]
    public void Every_internal_function_the_engine_registers_is_refused_and_no_public_name_has_the_prefix()
    {
        Assert.DoesNotContain(DuneFunctionRegistry.FunctionNames, n => n.StartsWith(DuneSqlTranslator.InternalFunctionPrefix, StringComparison.OrdinalIgnoreCase));
        using var db = new DuneSql.DuneSqlDb();
        var names = db.TranslatedRows("SELECT DISTINCT function_name FROM duckdb_functions() WHERE function_name ILIKE 'dune%' ORDER BY 1")
            .Select(r => r[0]).ToList();
        // The natives and macros of DuneNative and the templates (dozens; a count read from the sources, not from here).
        Assert.True(names.Count >= 40, string.Join(",", names));
        foreach (string name in names)
        {
            Assert.StartsWith(DuneSqlTranslator.InternalFunctionPrefix, name, StringComparison.Ordinal);
            var error = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate($"SELECT {name}(1)")).Error;
            Assert.Equal($"Function '{name}' not registered", error.Message);
        }
    }
}
