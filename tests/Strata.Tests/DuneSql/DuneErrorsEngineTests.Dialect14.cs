using Strata.Core.Executions;

namespace Strata.Tests.DuneSql;

/// <summary>Decision "dune-dialect14" through the real engine: text that is no DuneSQL fails in Trino's words at the
/// user's line and column (a syntax error's <c>mismatched input 'x'</c>, a backquoted name, an unknown type name, a
/// division by zero).</summary>
public sealed partial class DuneErrorsEngineTests
{
    [Theory]
    // Trino's ErrorHandler: "mismatched input 'WHERE'. Expecting: …" at the token the parse stopped at (DuckDB's "syntax
    // error at or near "WHERE""), the list of expected tokens not given (Trino's grammar is not DuckDB's).
    [InlineData("SELECT number\nFROM WHERE", "mismatched input 'WHERE'", 2, 6)]
    // The end of the text: Trino's '<EOF>' (DuckDB's "syntax error at end of input").
    [InlineData("SELECT number\nFROM ethereum.blocks WHERE", "mismatched input '<EOF>'", 2)]
    // A datetime parameter written without its quotes: cast(2026-11-13 00:00:00 as date) stops at 00.
    [InlineData("SELECT cast(2026-11-13 00:00:00 as date)", "mismatched input '00'", 1, 24)]
    // A word DuckDB stopped at that the user wrote (a CTE after a missing comma).
    [InlineData("WITH a AS (SELECT 1 AS x)\nb AS (SELECT 2 AS x)\nSELECT * FROM a", "mismatched input 'b'", 2, 1)]
    // A missing comma after a CASE the translator rewrites (decimal literals): DuckDB's token, where the user wrote it
    // (the milady cohort file).
    [InlineData("SELECT CASE WHEN x <= 0.10 THEN 'a' WHEN x <= 1.00 THEN 'b' END AS c,\n  COUNT(x) AS n\n  MIN(x) AS m\nFROM (VALUES 0.5) t(x)\nGROUP BY 1", "mismatched input 'MIN'", 3, 3)]
    // A word the translator quotes as a name (DuckDB reserves it; Trino does not): DuckDB says at or near ""RETURNING"";
    // a PostgreSQL data-modifying CTE of Dune's retired v1 engine (gustavobftorres/dune-queries, 83381) — dune-wild17.
    [InlineData("SELECT x FROM (VALUES 1) t(x) WHERE x IS NOT NULL\n  RETURNING 1", "mismatched input 'RETURNING'", 2, 3)]
    public void A_syntax_error_is_trinos_mismatched_input_at_the_users_token(string sql, string message, int line, int? column = null)
    {
        var error = Fail(sql);
        Assert.Equal(ExecutionError.SyntaxError, error.Type);
        Assert.Equal(message, error.Message);
        Assert.Equal(line, error.Line);
        if (column is int c)
        {
            Assert.Equal(c, error.Column);
        }
    }

    [Theory]
    // Trino's SqlParser: "backquoted identifiers are not supported; use double quotes to quote identifiers", at the
    // backquote (its test: select * from `foo` → line 1:15). Dune's retired Spark engine took them; DuckDB said
    // "syntax error at or near "from"" for `from`.
    [InlineData("SELECT `from` FROM ethereum.blocks", 1, 8)]
    [InlineData("SELECT *\nFROM `balancer_v2_ethereum`.`pools_fees`", 2, 6)]
    public void A_backquoted_name_gets_trinos_message(string sql, int line, int column)
    {
        var error = Fail(sql);
        Assert.Equal("backquoted identifiers are not supported; use double quotes to quote identifiers", error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Theory]
    // Trino's TypeNotFoundException: "Unknown type: bytea" (PostgreSQL's bytea and int8 of Dune's retired v1 engine).
    [InlineData("SELECT CAST(hash AS bytea) FROM ethereum.blocks", "Unknown type: bytea", 1, 8)]
    [InlineData("SELECT -1 * cast(number as int8) / 1e18 FROM ethereum.blocks", "Unknown type: int8", 1, 13)]
    // A type Trino has and Strata does not hold stays named as such.
    [InlineData("SELECT CAST(number AS hyperloglog) FROM ethereum.blocks", "Type hyperloglog is not supported", 1, 8)]
    public void A_type_name_trino_does_not_know_is_an_unknown_type(string sql, string message, int line, int column)
    {
        var error = Fail(sql);
        Assert.Equal(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }

    [Theory]
    // Trino's integer and decimal division by zero: "Division by zero", its words alone (was "Invalid Input Error: …").
    [InlineData("SELECT number / (number - 1) FROM ethereum.blocks")]
    [InlineData("SELECT 1.0000 * sum(number) / (count(number) - 1) FROM ethereum.blocks")]
    public void A_division_by_zero_is_trinos_message(string sql)
    {
        Assert.Equal("Division by zero", Fail(sql).Message);
    }
}
