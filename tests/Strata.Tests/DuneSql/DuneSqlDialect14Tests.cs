using Strata.Core.Executions;
using Strata.Engine.DuckDb;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Decision "dune-dialect14" (issue 10): the wild-query probe's failures that were Strata's, not the queries'. Two forms
/// Trino runs and the translator broke (a relation alias named <c>date</c> with its columns; <c>DISTINCT(x)</c> as the
/// first item of a set operation's branch that gets a type check), and the errors of text that is no DuneSQL in Trino's
/// words: a syntax error is <c>mismatched input 'x'</c> at the user's token, a backquoted name and an unknown type name
/// Trino's messages, a division by zero Trino's message alone. Expected answers are Trino's (its docs, grammar and
/// ErrorHandler/SqlParser texts), stated per case. The cases through the real engine are in
/// DuneErrorsEngineTests.Dialect14.cs.
/// </summary>
public sealed class DuneSqlDialect14Tests
{
    [Theory]
    // Trino's grammar: aliasedRelation is relationPrimary (AS? identifier columnAliases?)?, and DATE is a non-reserved word,
    // so `AS date(day)` names the relation and its column (balancer's query_after_compile files: a calendar from
    // UNNEST(SEQUENCE(…)) AS date(day)). It was translated as the call date(day), a cast: a syntax error.
    [InlineData("SELECT CAST(day AS varchar) FROM UNNEST(SEQUENCE(DATE '2022-03-01', DATE '2022-03-03', INTERVAL '1' DAY)) AS date(day)", "2022-03-01|2022-03-02|2022-03-03")]
    [InlineData("SELECT date.day, date.n FROM (VALUES (1, 'a'), (2, 'b')) AS date(day, n) ORDER BY 1", "1,a|2,b")]
    [InlineData("SELECT d.x FROM (VALUES 7) AS d(x)", "7")]
    // The call date(x) and types with parentheses after AS stay what they were.
    [InlineData("SELECT CAST(date('2024-01-02') AS varchar), CAST(12 AS varchar(5)), CAST(1.5 AS decimal(3, 1)), CAST(CAST(x AS date) AS varchar) FROM (VALUES '2024-05-06') t(x)", "2024-01-02,12,1.5,2024-05-06")]
    // Trino: SELECT DISTINCT applies to the row; (t1.x) is a parenthesized item. As the first item of a UNION branch whose
    // text columns differ in length, the item is wrapped in the set operation's type check, which was written against
    // DISTINCT: "DISTINCTCASE WHEN …", a syntax error (balancer_sources_* files).
    [InlineData("SELECT DISTINCT(x) AS address, 'Arbitrage Bot' AS name FROM (VALUES 1, 1, 2) t(x) UNION ALL SELECT 3, 'MEV' ORDER BY 1", "1,Arbitrage Bot|2,Arbitrage Bot|3,MEV")]
    [InlineData("SELECT DISTINCT(x)AS address, 'Arbitrage Bot' AS name FROM (VALUES 1, 1) t(x) UNION ALL SELECT 3, 'MEV' ORDER BY 1", "1,Arbitrage Bot|3,MEV")]
    public void A_form_trino_runs_gives_trinos_rows(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }

    [Fact]
    public void A_syntax_error_in_the_translators_text_names_the_users_token_there()
    {
        // DuckDB stopped at a token of the translator's text (_strata_x); the position maps back to the user's "number3".
        var error = new ExecutionError(ExecutionError.SyntaxError, "Parser Error: syntax error at or near \"_strata_x\"", 1, 23);
        Assert.Equal(error with { Message = "mismatched input 'number3'" }, TrinoErrorMessages.InUserText(error, "SELECT number number2 number3 FROM t"));
        // Past the last token (white space or a comment after it): the end of the text.
        var atEnd = error with { Message = "Parser Error: syntax error at or near \"x\"", Column = 16 };
        Assert.Equal(atEnd with { Message = "mismatched input '<EOF>'" }, TrinoErrorMessages.InUserText(atEnd, "SELECT number  -- c"));
        // DuckDB's token a little after a position that maps to the start of a rewritten construct: named there, the
        // position moved to it (a missing comma before MIN three lines below the CASE the translator rewrote).
        var later = new ExecutionError(ExecutionError.SyntaxError, "Parser Error: syntax error at or near \"MIN\"", 1, 8);
        Assert.Equal(later with { Message = "mismatched input 'MIN'", Line = 4, Column = 2 },
            TrinoErrorMessages.InUserText(later, "SELECT CASE WHEN x <= 0.10 THEN 'a' END AS c,\n count(x) AS n\n -- MIN\n MIN(x) FROM t"));
        // More than five lines below: not taken for the error's token; the user's token at the position is named.
        Assert.Equal(later with { Message = "mismatched input 'CASE'" },
            TrinoErrorMessages.InUserText(later, "SELECT CASE WHEN x <= 0.10 THEN 'a' END AS c,\n\n\n\n\n\n\n MIN(x) FROM t"));
        // Anything else is left as it was.
        var other = error with { Message = "Binder Error: something" };
        Assert.Equal(other, TrinoErrorMessages.InUserText(other, "SELECT number number2 number3 FROM t"));
    }

    [Fact]
    public void A_backquote_inside_a_string_or_comment_is_text()
    {
        using var db = new DuneSqlDb();
        Assert.Equal("`a`", db.Scalar("SELECT '`a`' -- `b`"));
    }

}
