using Strata.Core.Executions;
using Strata.Engine.DuckDb;

namespace Strata.Tests.DuneSql;

/// <summary>DuckDB's binder and cast messages rewritten in Trino's words (decision "dune-errors"), without DuckDB's
/// suggestions, and names read from the text the user wrote.</summary>
public sealed class DuneErrorsRewriteTests
{
    [Theory]
    [InlineData("Referenced column \"usd_amount\" not found in FROM clause!\nCandidate bindings: \"secret_col\", \"amount\"", "Column 'usd_amount' cannot be resolved")]
    [InlineData("Referenced column \"x\" was not found because the FROM clause is missing", "Column 'x' cannot be resolved")]
    [InlineData("Table \"t\" does not have a column named \"amount_usd\"", "Column 't.amount_usd' cannot be resolved")]
    [InlineData("Table with name \"nosuch.tradez\" does not exist because schema \"NoSuch\" does not exist.", "Schema 'nosuch' does not exist")]
    [InlineData("Schema with name foo does not exist!", "Schema 'foo' does not exist")]
    [InlineData("Catalog \"delta_prod\" does not exist!", "Catalog 'delta_prod' not found")]
    [InlineData("Table with name foo does not exist!\nDid you mean \"other_owner.foo1\"?", "Table 'foo' does not exist")]
    [InlineData("No function matches the given name and argument types '+(BIGINT, BLOB)'. You might need to add explicit type casts.\n\tCandidate functions:\n\t+(TINYINT) -> TINYINT", "Cannot apply operator: bigint + varbinary")]
    [InlineData("No function matches the given name and argument types '-(BLOB)'. You might need to add explicit type casts.", "Cannot negate varbinary")]
    [InlineData("No function matches the given name and argument types 'sum(VARCHAR)'. You might need to add explicit type casts.\n\tCandidate functions:\n\tsum(DECIMAL) -> DECIMAL", "Unexpected parameters (varchar) for function sum")]
    [InlineData("No function matches the given name and argument types 'round(DECIMAL(18,3), VARCHAR, TIMESTAMP WITH TIME ZONE)'. You might need to add explicit type casts.", "Unexpected parameters (decimal(18,3), varchar, timestamp(3) with time zone) for function round")]
    [InlineData("Could not convert string 'abc' to INT64", "Cannot cast 'abc' to BIGINT")]
    [InlineData("Could not convert string 'USDC' to INT32 when casting from source column symbol", "Cannot cast 'USDC' to INT")]
    [InlineData("Could not convert string '1.5x' to DOUBLE", "Cannot cast '1.5x' to DOUBLE")]
    [InlineData("Could not convert string 'yes!' to BOOL", "Cannot cast 'yes!' to BOOLEAN")]
    [InlineData("date field value out of range: \"2024-13-01\"", "Value cannot be cast to date: 2024-13-01")]
    [InlineData("invalid timestamp field format: \"abc\", expected format is (YYYY-MM-DD HH:MM:SS[.US][±HH[:MM[:SS]]| ZONE])", "Value cannot be cast to timestamp: abc")]
    [InlineData("Ambiguous reference to column name \"x\" (use: \"a.x\" or \"b.x\")", "Column 'x' is ambiguous")]
    [InlineData("column \"miner\" must appear in the GROUP BY clause or must be part of an aggregate function.\nEither add it to the GROUP BY list, or use \"ANY_VALUE(miner)\" if the exact value of \"miner\" is not important.", "'miner' must be an aggregate expression or appear in GROUP BY clause")]
    [InlineData("Unimplemented type for cast (BIGINT -> BLOB) when casting from source column number", "Cannot cast bigint to varbinary")]
    public void DuckDbs_message_is_trinos(string duckDb, string trino)
    {
        Assert.Equal(trino, TrinoErrorMessages.ToTrino(duckDb, null, null));
        Assert.Equal(trino, TrinoErrorMessages.RewriteError("Binder Error: " + duckDb));
    }

    [Theory]
    // The name as written at DuckDB's position, lower case; two parts are in Dune's catalog.
    [InlineData("SELECT * FROM Ethereum.\"Blockz\" b", 14, "Table 'delta_prod.ethereum.blockz' does not exist")]
    [InlineData("SELECT * FROM dune.alice.blockz", 14, "Table 'dune.alice.blockz' does not exist")]
    [InlineData("SELECT * FROM \"we\"\"ird\".blockz", 14, "Table 'delta_prod.we\"ird.blockz' does not exist")]
    [InlineData("SELECT * FROM blockz", 14, "Table 'blockz' does not exist")]
    // Not the table DuckDB names at that place (a translator's name, another position): DuckDB's name only.
    [InlineData("SELECT * FROM ethereum.blocks", 14, "Table 'blockz' does not exist")]
    [InlineData("SELECT * FROM ethereum.blockz", 3, "Table 'blockz' does not exist")]
    public void A_missing_tables_name_is_the_one_written(string text, int offset, string trino)
    {
        Assert.Equal(trino, TrinoErrorMessages.ToTrino("Table with name blockz does not exist!\nDid you mean \"blocks\"?", text, offset));
    }

    [Theory]
    // Trino's ExpressionAnalyzer names a comparison by the operator it resolves (decision 279): <> and != as =, > as <,
    // >= as <=, the operands in the order written.
    [InlineData("SELECT a = b", 9, "=")]
    [InlineData("SELECT a != b", 9, "=")]
    [InlineData("SELECT a <> b", 9, "=")]
    [InlineData("SELECT a >= b", 9, "<=")]
    public void A_comparison_names_the_operator_as_trinos_analyzer_does(string text, int offset, string op)
    {
        Assert.Equal($"Cannot apply operator: varbinary {op} integer",
            TrinoErrorMessages.ToTrino("Cannot compare values of type BLOB and type INTEGER_LITERAL - an explicit cast is required", text, offset));
    }

    [Fact]
    public void A_comparison_without_its_operator_stays_duckdbs()
    {
        const string duckDb = "Cannot compare values of type BLOB and type INTEGER - an explicit cast is required";
        Assert.Null(TrinoErrorMessages.ToTrino(duckDb, "SELECT a IN (b)", 9));
        Assert.Equal(duckDb, TrinoErrorMessages.Rewrite(duckDb));
    }

    [Theory]
    [InlineData("Referenced table \"b\" not found!\nCandidate tables: \"secret_table\"", "Referenced table \"b\" not found!")]
    [InlineData("Values list \"t\" does not have a column\nCandidate bindings: \"a\"", "Values list \"t\" does not have a column")]
    public void Other_messages_stay_duckdbs_without_suggestions(string duckDb, string kept)
    {
        Assert.Null(TrinoErrorMessages.ToTrino(duckDb, null, null));
        Assert.Equal("Binder Error: " + kept, TrinoErrorMessages.RewriteError("Binder Error: " + duckDb));
    }

    [Fact]
    public void A_division_by_zero_is_trinos_message_alone()
    {
        // Trino's words (decision "dune-dialect14"), which Strata's division functions give; DuckDB's type goes.
        Assert.Equal("Division by zero", TrinoErrorMessages.RewriteError("Invalid Input Error: Division by zero"));
    }

    [Fact]
    public void A_missing_relation_names_the_column_written()
    {
        const string duckDb = "Referenced table \"b\" not found!\nCandidate tables: \"secret_table\"";
        Assert.Equal("Column 'b.amount' cannot be resolved", TrinoErrorMessages.ToTrino(duckDb, "SELECT b.amount FROM t", 7));
        Assert.Null(TrinoErrorMessages.ToTrino(duckDb, "SELECT c.amount FROM t", 7));
    }

    [Fact]
    public void A_syntax_errors_token_is_named_as_the_user_wrote_it()
    {
        // Trino's "mismatched input 'x'" (decision "dune-dialect14"); a token of the translator's text is never named.
        var error = new ExecutionError(ExecutionError.SyntaxError, "Parser Error: syntax error at or near \"number3\"", 1, 23);
        Assert.Equal(error with { Message = "mismatched input 'number3'" }, TrinoErrorMessages.InUserText(error, "SELECT number number2 number3 FROM t"));
        Assert.Equal(error with { Message = "mismatched input 'number3'" },
            TrinoErrorMessages.InUserText(error with { Message = "Parser Error: syntax error at or near \"_strata_x\"" }, "SELECT number number2 number3 FROM t"));
    }

    [Fact]
    public void A_function_the_translator_renamed_is_named_as_the_user_wrote_it()
    {
        var renamed = new ExecutionError(ExecutionError.ExecutionFailed, "Unexpected parameters (blob, integer) for function _strata_bytes_slice", 2, 3);
        Assert.Equal("Unexpected parameters for function bytearray_substring",
            TrinoErrorMessages.InUserText(renamed, "SELECT 1,\n  Bytearray_Substring (x, 1) FROM t").Message);
        var same = renamed with { Message = "Unexpected parameters (varchar) for function sum" };
        Assert.Equal(same, TrinoErrorMessages.InUserText(same, "SELECT 1,\n  SUM(x) FROM t"));
        var table = new ExecutionError(ExecutionError.ExecutionFailed, "Table 'blockz' does not exist", 1, 15);
        Assert.Equal("Table 'delta_prod.eth.blockz' does not exist", TrinoErrorMessages.InUserText(table, "SELECT * FROM eth.BLOCKZ").Message);
        Assert.Equal(table with { Line = null, Column = null }, TrinoErrorMessages.InUserText(table with { Line = null, Column = null }, "SELECT * FROM eth.blockz"));
    }
}
