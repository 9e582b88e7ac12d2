using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Engine.DuckDb;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision "dune-wild17": Trino's <c>JSON_TABLE</c> in the FROM clause (cowprotocol's MEV Blocker fee queries
/// read a block's transactions, a JSON array, with it) — a row path whose items are the rows, <c>FOR ORDINALITY</c>,
/// typed columns read as json_value reads them (<c>NULL ON EMPTY</c>, <c>NULL ON ERROR</c> unless written otherwise),
/// <c>FORMAT JSON</c> columns as json_query, the table's <c>EMPTY</c>/<c>ERROR ON ERROR</c>, lateral to the tables before
/// it (Trino's docs, functions/json.md "json_table"). Refusals and NESTED/PLAN: DuneJsonTableTests (decision 217, whose
/// implementation landed; these cases were written against the semantics independently and kept as a cross-check).
/// </summary>
public sealed class DuneWild17Tests
{
    private const string Blocks = """
        (VALUES (1, '[{"hash": "0xab", "gas": 21000}, {"hash": "0xcd", "gas": "lots"}]'), (2, '[]'), (3, NULL),
                (4, '{"hash": "0xef"}'), (5, 'not json')) AS b(id, transactions)
        """;

    [Fact]
    public void Json_table_gives_a_row_for_each_item_of_the_row_path_lateral_to_the_table_before_it()
    {
        using var db = new DuneSqlDb();
        // cowprotocol/dune-queries mevblocker/fees: JSON_TABLE(mb.transactions, 'lax $[*]' COLUMNS(row_number for
        // ordinality, hash VARCHAR(255) path 'lax $.hash')). An empty array, a NULL input and (EMPTY ON ERROR, the
        // default) a malformed input give no rows; in lax mode a lone object is an array of one item.
        var rows = db.Rows($"""
            SELECT b.id, jt.row_number, jt.hash FROM {Blocks}
            CROSS JOIN JSON_TABLE(b.transactions, 'lax $[*]' COLUMNS(row_number for ordinality, hash VARCHAR(255) path 'lax $.hash')) AS jt
            ORDER BY 1, 2
            """);
        Assert.Equal(["1|1|0xab", "1|2|0xcd", "4|1|0xef"], rows.Select(r => string.Join('|', r)));
        Assert.Equal(["INTEGER", "BIGINT", "VARCHAR"], db.Types($"""
            SELECT b.id, jt.row_number, jt.hash FROM {Blocks}
            CROSS JOIN JSON_TABLE(b.transactions, 'lax $[*]' COLUMNS(row_number for ordinality, hash VARCHAR(255) path 'lax $.hash')) AS jt
            """));
    }

    [Fact]
    public void Typed_columns_read_as_json_value_with_their_empty_and_error_clauses()
    {
        using var db = new DuneSqlDb();
        // "lots" is not a bigint: NULL ON ERROR (the default); a missing member: NULL ON EMPTY, or the DEFAULT written.
        var rows = db.Rows($"""
            SELECT b.id, t.gas, t.gas2, t.h FROM {Blocks}, JSON_TABLE(b.transactions, 'lax $[*]' COLUMNS (
                gas bigint PATH 'lax $.gas',
                gas2 bigint PATH 'lax $.gas' DEFAULT -1 ON EMPTY DEFAULT -2 ON ERROR,
                h varchar PATH 'lax $.hash')) t
            ORDER BY 1, 2 NULLS LAST
            """);
        Assert.Equal(["1|21000|21000|0xab", "1|NULL|-2|0xcd", "4|NULL|-1|0xef"], rows.Select(r => string.Join('|', r)));
    }

    [Fact]
    public void A_format_json_column_is_the_items_json_text()
    {
        using var db = new DuneSqlDb();
        var rows = db.Rows("""
            SELECT t.o, t.k FROM JSON_TABLE('[{"o": {"k": [1, 2]}}, {"o": {"k": 3}}]', 'lax $[*]' COLUMNS (
                o varchar FORMAT JSON PATH 'lax $.o', k varchar FORMAT JSON PATH 'lax $.o.k[*]' WITH ARRAY WRAPPER)) t
            """);
        Assert.Equal(["{\"k\":[1,2]}|[1,2]", "{\"k\":3}|[3]"], rows.Select(r => string.Join('|', r)));
    }

    [Fact]
    public void Error_on_error_fails_where_empty_on_error_gives_no_rows()
    {
        using var db = new DuneSqlDb();
        const string strict = """SELECT count(*) FROM JSON_TABLE('{"a": 1}', 'strict $.b' COLUMNS (a integer PATH 'lax $.a')""";
        Assert.Equal("0", db.Scalar(strict + ")"));
        Assert.Equal("0", db.Scalar(strict + " EMPTY ON ERROR)"));
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar(strict + " ERROR ON ERROR)"));
        Assert.Contains("JSON_TABLE: path evaluation failed", e.Message, StringComparison.Ordinal);
        // With ERROR ON ERROR a column's own error is an error too (the SQL standard's default for its columns); with
        // the default, NULL.
        const string column = """SELECT a FROM JSON_TABLE('[{"a": "x"}]', 'lax $[*]' COLUMNS (a integer PATH 'lax $.a')""";
        Assert.Equal("NULL", db.Scalar(column + ")"));
        Assert.ThrowsAny<Exception>(() => db.Scalar(column + " ERROR ON ERROR)"));
    }

    [Theory]
    // Trino's json.md, array accessors: "In lax mode, any non-array items resulting from the evaluation of the input
    // sequence are wrapped into single-element arrays". A member's value (a node inside its object) failed with .NET's
    // "The node already has a parent", so json_value/json_query gave their ON ERROR answer, NULL.
    [InlineData("""SELECT json_value('{"k": 3}', 'lax $.k[0]')""", "3")]
    [InlineData("""SELECT json_query('{"k": 3}', 'lax $.k[*]' WITH ARRAY WRAPPER)""", "[3]")]
    [InlineData("""SELECT json_value('{"o": {"k": "x"}}', 'lax $.o.k[last]')""", "x")]
    [InlineData("""SELECT json_exists('{"k": 3}', 'lax $.k[0]')""", "true")]
    public void A_lax_array_accessor_wraps_a_members_non_array_value(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Theory]
    // DuckDB's message for a word the translator quotes as a name (the probe's two PostgreSQL files ending a CTE with
    // RETURNING 1): Trino's mismatched input names the user's word, not DuckDB's parser text.
    [InlineData("Parser Error: syntax error at or near \"\"RETURNING\"\"", "SELECT x FROM t WHERE x > 0\nRETURNING 1", "mismatched input 'RETURNING'")]
    public void A_quoted_token_in_duckdbs_syntax_error_is_trinos_mismatched_input(string duckDb, string sql, string expected)
    {
        var error = new ExecutionError(ExecutionError.SyntaxError, duckDb, 2, 1);
        Assert.Equal(expected, TrinoErrorMessages.InUserText(error, sql).Message);
    }

    [Theory]
    // A text that is no number cast to uint256/int256 (a staged file's parameter 'ethereum' compared to a uint256 column):
    // DuneInt256's message is Trino's form, without DuckDB's "Invalid Input Error: " in front.
    [InlineData("Invalid Input Error: Cannot cast 'ethereum' to uint256", "Cannot cast 'ethereum' to uint256")]
    [InlineData("Invalid Input Error: Cannot cast '1.5x' to int256", "Cannot cast '1.5x' to int256")]
    public void A_text_that_is_no_256_bit_integer_fails_in_trinos_words(string duckDb, string trino)
    {
        Assert.Equal(trino, TrinoErrorMessages.RewriteError(duckDb));
    }
}
