using DuckDB.NET.Data;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Uploads;
using Strata.Engine.DuckDb;
using Strata.Storage.Files.Results;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Failed DuneSQL in Trino's (Dune's) words through the real engine (decision "dune-errors"): the message and the line and
/// column in the user's own text.
/// </summary>
public sealed partial class DuneErrorsEngineTests : IDisposable
{
    private readonly DemoEngineFixture fixture = new("strata-dune-errors-",
        "CREATE SCHEMA ethereum; CREATE TABLE ethereum.blocks AS SELECT 1::BIGINT AS number, '\\x01'::BLOB AS hash, 'm' AS miner;"
        + "CREATE SCHEMA tokens; CREATE TABLE tokens.erc20 AS SELECT 'USDC' AS symbol, 6 AS decimals");

    public void Dispose() => fixture.Dispose();

    private static readonly TableSnapshot AliceTable = new("alice", "trades", [new UploadColumn("usd_amount", new UploadColumnType(UploadTypeKind.Double)),
        new UploadColumn("trader", new UploadColumnType(UploadTypeKind.Varbinary))], [], Private: true);

    /// <summary>Runs DuneSQL to its failure; the error the execution carries.</summary>
    private ExecutionError Fail(string sql, params TableSnapshot[] tables)
    {
        var request = new EngineRequest(ExecutionIds.New(), sql, "alice", PerformanceTier.Medium, 1L << 30, tables);
        var e = Assert.Throws<QueryFailedException>(() => fixture.Engine.Execute(request, schema => fixture.Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None));
        return e.Error;
    }

    [Theory]
    [InlineData("SELECT\n  usd_amountx\nFROM alice.trades", "Column 'usd_amountx' cannot be resolved", 2, 3)]
    [InlineData("SELECT usd_amount FROM alice.trades t WHERE t.usd_amountx > 0", "Column 't.usd_amountx' cannot be resolved", 1, 45)]
    [InlineData("SELECT number, nonce FROM ethereum.blocks", "Column 'nonce' cannot be resolved", 1, 16)]
    [InlineData("SELECT *\nFROM ethereum.blockz", "Table 'delta_prod.ethereum.blockz' does not exist", 2, 6)]
    [InlineData("SELECT * FROM Ethereum.\"Blockz\"", "Table 'delta_prod.ethereum.blockz' does not exist", 1, 15)]
    [InlineData("SELECT * FROM dune.alice.tradez", "Table 'dune.alice.tradez' does not exist", 1, 15)]
    [InlineData("SELECT 1 AS x FROM\n  Tradez", "Table 'tradez' does not exist", 2, 3)]
    [InlineData("SELECT * FROM nosuch.tradez", "Schema 'nosuch' does not exist", 1, 15)]
    [InlineData("SELECT * FROM ethereum.blocks WHERE hash > 1", "Cannot apply operator: varbinary < integer", 1, 42)]
    [InlineData("SELECT * FROM ethereum.blocks WHERE hash <= 1", "Cannot apply operator: varbinary <= integer", 1, 42)]
    [InlineData("SELECT number + hash FROM ethereum.blocks", "Cannot apply operator: bigint + varbinary", 1, 15)]
    [InlineData("SELECT 0x01,\n  sum(miner) FROM ethereum.blocks", "Unexpected parameters (varchar) for function sum", 2, 3)]
    [InlineData("SELECT miner, count(*) FROM ethereum.blocks", "'miner' must be an aggregate expression or appear in GROUP BY clause", 1, 8)]
    [InlineData("SELECT number FROM ethereum.blocks a, ethereum.blocks b", "Column 'number' is ambiguous", 1, 8)]
    [InlineData("SELECT b.number FROM ethereum.blocks a", "Column 'b.number' cannot be resolved", 1, 8)]
    // Dune's conversion.mdx: no implicit conversion between character and numeric types; Trino refuses the operator (decision 272).
    [InlineData("SELECT * FROM ethereum.blocks WHERE number = 'abc'", "Cannot apply operator: bigint = varchar(3)", 1, 44)]
    // A column compared with a value it has no cast to: Trino refuses the operator (decision "dune-types16"; was "Cannot
    // cast bigint to varbinary", DuckDB's implicit cast of the column), the operands' types in the order written.
    [InlineData("SELECT * FROM ethereum.blocks WHERE number = 0x01", "Cannot apply operator: bigint = varbinary", 1, 37)]
    [InlineData("SELECT * FROM ethereum.blocks WHERE 0x01 <> number", "Cannot apply operator: varbinary = bigint", 1, 45)]
    [InlineData("SELECT * FROM ethereum.blocks b WHERE b.number >= 0x01", "Cannot apply operator: bigint <= varbinary", 1, 48)]
    public void A_failed_query_says_it_in_trinos_words_at_the_users_position(string sql, string message, int line, int column)
    {
        var error = Fail(sql, AliceTable);
        Assert.Equal(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal(ExecutionError.ExecutionFailed, error.Type);
    }

    /// <summary>hostile16: a function the translator writes as a template, called with arguments of a wrong type, is named as
    /// the user wrote it (the position points into the name; read alone from there it named functions "y" and "e").</summary>
    [Theory]
    // Decision 234: where each of the user's arguments is a literal, its type is named as Trino's analyzer gives it.
    [InlineData("SELECT overlay(1 PLACING 2 FROM 1)", "overlay", "")]
    [InlineData("SELECT title_case(1)", "title_case", "(integer) ")]
    [InlineData("SELECT parse_data_size(1)", "parse_data_size", "(integer) ")]
    [InlineData("SELECT 1,\n  title_case(1)", "title_case", "(integer) ")]
    public void A_template_called_with_wrong_types_is_named_as_written(string sql, string function, string types)
    {
        var error = Fail(sql);
        Assert.Equal($"Unexpected parameters {types}for function {function}", error.Message);
        int start = sql.IndexOf(function, StringComparison.Ordinal) - sql[..sql.IndexOf(function, StringComparison.Ordinal)].LastIndexOf('\n') ;
        Assert.InRange(error.Column ?? 0, start, start + function.Length);
    }

    [Theory]
    [InlineData("SELECT CAST('abc' AS bigint)", "Cannot cast 'abc' to BIGINT")]
    [InlineData("SELECT CAST('abc' AS integer)", "Cannot cast 'abc' to INT")]
    [InlineData("SELECT CAST('abc' AS double)", "Cannot cast 'abc' to DOUBLE")]
    [InlineData("SELECT CAST('abc' AS boolean)", "Cannot cast 'abc' to BOOLEAN")]
    [InlineData("SELECT CAST('2024-13-01' AS date)", "Value cannot be cast to date: 2024-13-01")]
    [InlineData("SELECT CAST('abc' AS timestamp)", "Value cannot be cast to timestamp: abc")]
    [InlineData("SELECT CAST(miner AS bigint) FROM ethereum.blocks", "Cannot cast 'm' to BIGINT")]
    public void A_string_that_is_not_of_the_type_cannot_be_cast_in_trinos_words(string sql, string message)
    {
        var error = Fail(sql);
        Assert.Equal(message, error.Message);
        // The position is within the user's CAST expression.
        Assert.Equal(1, error.Line);
        Assert.InRange(error.Column ?? 0, sql.IndexOf("CAST", StringComparison.Ordinal) + 1, sql.Length);
    }

    [Theory]
    // string.md: normalize(string) takes a varchar; Trino: "Unexpected parameters (integer) for function normalize" (was
    // an answer: the integer's text normalized).
    [InlineData("SELECT normalize(1)")]
    [InlineData("SELECT normalize(number) FROM ethereum.blocks")]
    [InlineData("SELECT normalize(hash, NFC) FROM ethereum.blocks")]
    public void Normalize_of_a_number_or_varbinary_is_refused(string sql)
    {
        var error = Fail(sql);
        Assert.StartsWith("Unexpected parameters", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("for function normalize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_is_trinos_at_the_users_position()
    {
        var error = Fail("SELECT number\nFROM ethereum.blocks WHERE");
        Assert.Equal(ExecutionError.SyntaxError, error.Type);
        Assert.Equal("mismatched input '<EOF>'", error.Message);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void No_message_names_a_table_or_column_the_user_did_not_write()
    {
        // DuckDB suggested "alice.trades", "blocks" and the table's columns; Trino names nothing else.
        foreach (string sql in new[] { "SELECT * FROM tradez", "SELECT * FROM alice.tradez", "SELECT usd_amountx FROM alice.trades", "SELECT * FROM ethereum.blockz" })
        {
            string message = Fail(sql, AliceTable).Message;
            Assert.DoesNotContain("trades", message.Replace("tradez", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.DoesNotContain("usd_amount'", message, StringComparison.Ordinal);
            Assert.DoesNotContain("trader", message, StringComparison.Ordinal);
            Assert.DoesNotContain("blocks", message, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", message, StringComparison.Ordinal);
        }
    }
}
