using System.Text;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 323 (docs/notes/dune-sql15.md). (1) Trino's TypeCoercion gives varbinary and varchar no common super
/// type, so its analyzer refuses a varbinary against any varchar, not only a bare literal (decision 320): a computed string,
/// BETWEEN, a simple CASE, an IN list, and the same inside a join's ON condition, with the operator's line and column.
/// (2) <c>LIKE</c> takes varchars (ExpressionAnalyzer.visitLikePredicate coerces the value, the pattern and the escape to
/// varchar: "Left side of LIKE expression must evaluate to a varchar (actual: varbinary)"). (3) <c>from_utf8</c> replaces
/// invalid UTF-8 (string.mdx: U+FFFD, or the replacement given), one replacement per invalid run as airlift's
/// SliceUtf8.tryGetCodePointAt measures it. (4) The JSON path functions read documents nested past System.Text.Json's
/// default 64 levels, up to a stated bound.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneSql15Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private const string Usdt = "'0xdAC17F958D2ee523a2206206994597C13D831ec7'";

    [Theory]
    // A computed string: lower keeps its argument's varchar(42); concat adds its operands' lengths (2 + 40).
    [InlineData("SELECT count(*) FROM ethereum.transactions WHERE \"to\" = lower(" + Usdt + ")", " = ", "Cannot apply operator: varbinary = varchar(42)")]
    [InlineData("SELECT count(*) FROM ethereum.transactions WHERE \"from\" <> concat('0x', 'dac17f958d2ee523a2206206994597c13d831ec7')", " <> ",
        "Cannot apply operator: varbinary = varchar(42)")]
    [InlineData("SELECT count(*) FROM ethereum.transactions WHERE '0x' || 'dac17f958d2ee523a2206206994597c13d831ec7' = \"to\"", " = \"",
        "Cannot apply operator: varchar(42) = varbinary")]
    // A join's ON condition (a qualified column of a known table).
    [InlineData("SELECT count(*) FROM ethereum.transactions t JOIN ethereum.blocks b ON t.\"to\" = '0x01' AND b.number = t.block_number", " = '",
        "Cannot apply operator: varbinary = varchar(4)")]
    [InlineData("SELECT count(*) FROM ethereum.transactions t JOIN ethereum.blocks b ON b.number = t.block_number AND t.hash = upper('0xab')", " = upper",
        "Cannot apply operator: varbinary = varchar(4)")]
    public async Task A_varbinary_against_a_computed_string_is_refused_at_its_operator(string sql, string op, string expected)
    {
        int column = sql.IndexOf(op, StringComparison.Ordinal) + 2; // 1-based column of the operator
        Assert.Equal((expected, 1, column), await Server.Alice.RunToFailureAtAsync(sql));
    }

    [Theory]
    [InlineData("SELECT count(*) FROM ethereum.transactions WHERE \"to\" BETWEEN '0x00' AND '0xff'", "\"to\" BETWEEN",
        "Cannot check if varbinary is BETWEEN varchar(4) and varchar(4)")]
    [InlineData("SELECT CASE \"to\" WHEN " + Usdt + " THEN 1 ELSE 0 END FROM ethereum.transactions", Usdt,
        "CASE operand type does not match WHEN clause operand type: varbinary vs varchar(42)")]
    [InlineData("SELECT count(*) FROM ethereum.transactions WHERE \"to\" IN (0x01, lower('0xAB'))", "lower(",
        "IN value and list items must be the same type: varbinary")]
    public async Task Between_a_simple_case_and_an_in_list_of_a_varbinary_and_strings_are_refused(string sql, string at, string expected)
    {
        int column = sql.IndexOf(at, StringComparison.Ordinal) + 1;
        Assert.Equal((expected, 1, column), await Server.Alice.RunToFailureAtAsync(sql));
    }

    [Theory]
    // Operands only DuckDB's binder types (a CTE's column): refused per row by the guard.
    [InlineData("WITH t AS (SELECT 0x01 AS a) SELECT * FROM t WHERE a = lower('0X01')", "Cannot apply operator: varbinary = varchar(4)")]
    [InlineData("WITH t AS (SELECT to_hex(0x01) AS s) SELECT count(*) FROM ethereum.transactions x JOIN t ON x.\"to\" = t.s",
        "Cannot apply operator: varbinary = varchar")]
    public async Task A_varbinary_against_a_string_only_the_binder_types_is_refused(string sql, string expected)
    {
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync(sql));
    }

    [Fact]
    public async Task Varbinaries_against_varbinaries_and_texts_against_texts_still_answer()
    {
        var rows = await Server.Alice.RunCsvAsync(
            "WITH t AS (SELECT * FROM (VALUES (0x01, 'a'), (0x02, 'b')) AS v(a, s)) "
            + "SELECT count_if(a = from_hex('01')) AS hexed, count_if(lower(s) = lower('B')) AS lowered, "
            + "count_if(a IN (0x02, from_hex('03'))) AS listed, count_if(s = concat('a', '')) AS joined FROM t");
        // from_hex('01') is 0x01 (one row); lower('B') is 'b' (one row); 0x02 is listed (one row); concat('a', '') is 'a'.
        Assert.Equal(["hexed,lowered,listed,joined", "1,1,1,1"], rows);
    }

    [Theory]
    [InlineData("SELECT count(*) FROM ethereum.transactions WHERE \"to\" LIKE '0x%'", "Left side of LIKE expression must evaluate to a varchar (actual: varbinary)")]
    [InlineData("SELECT count(*) FROM ethereum.transactions WHERE hash NOT LIKE '%ab'", "Left side of LIKE expression must evaluate to a varchar (actual: varbinary)")]
    [InlineData("SELECT 'abc' LIKE 0x61", "Pattern for LIKE expression must evaluate to a varchar (actual: varbinary)")]
    public async Task Like_over_a_varbinary_is_refused_in_trinos_words(string sql, string expected)
    {
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync(sql));
    }

    /// <summary>The hex of a string's UTF-8 bytes, as Trino's to_hex writes it (upper case).</summary>
    private static string Hex(string text) => Convert.ToHexString(Encoding.UTF8.GetBytes(text));

    [Theory]
    // One replacement per invalid run: a stray continuation byte and FF are one byte each; a truncated sequence is its lead
    // and the continuations read; an overlong form, a surrogate, a code point past U+10FFFF and a five-byte form are their
    // whole length.
    [InlineData("0xff", "\uFFFD")]
    [InlineData("0x61ff62", "a\uFFFDb")]
    [InlineData("0x8080", "\uFFFD\uFFFD")]
    [InlineData("0xc080", "\uFFFD")]
    [InlineData("0xe08080", "\uFFFD")]
    [InlineData("0xeda080", "\uFFFD")]
    [InlineData("0xe28261", "\uFFFDa")]
    [InlineData("0xc261", "\uFFFDa")]
    [InlineData("0xf4908080", "\uFFFD")]
    [InlineData("0xf888808080", "\uFFFD")]
    [InlineData("0xe282ac", "€")]
    [InlineData("0xf09f9880", "😀")]
    public async Task From_utf8_replaces_each_invalid_sequence_once(string bytes, string expected)
    {
        var rows = await Server.Alice.RunCsvAsync($"SELECT to_hex(to_utf8(from_utf8({bytes}))) AS h");
        Assert.Equal(Hex(expected), rows[1], ignoreCase: true);
    }

    [Theory]
    [InlineData("from_utf8(0x61ff62, '?')", "a?b")]
    [InlineData("from_utf8(0x61ff62, '')", "ab")]
    [InlineData("from_utf8(0x61ff62, 35)", "a#b")]
    [InlineData("from_utf8(0x61ff62, 128512)", "a😀b")]
    public async Task From_utf8_takes_a_replacement_character_or_code_point(string call, string expected)
    {
        var rows = await Server.Alice.RunCsvAsync($"SELECT to_hex(to_utf8({call})) AS h");
        Assert.Equal(Hex(expected), rows[1], ignoreCase: true);
    }

    [Theory]
    [InlineData("SELECT from_utf8(0x61, 'ab')", "Replacement character string must empty or a single character")]
    [InlineData("SELECT from_utf8(0x61, 55296)", "Invalid replacement character")]
    [InlineData("SELECT from_utf8(0x61, 1114112)", "Invalid replacement character")]
    public async Task From_utf8_refuses_a_bad_replacement_in_trinos_words(string sql, string expected)
    {
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync(sql));
    }

    [Fact]
    public void The_decoder_keeps_valid_text_and_counts_runs_as_trino_does()
    {
        // Valid text of every length stays as it is.
        string valid = "a\u00e9\u20ac\U0001F600";
        Assert.Equal(valid, DuneFromUtf8.Decode(Encoding.UTF8.GetBytes(valid)));
        // E0 80 followed by ASCII: the lead and one continuation are one run (tryGetCodePointAt's -2), then 'a'.
        Assert.Equal("\uFFFDa", DuneFromUtf8.Decode([0xE0, 0x80, 0x61]));
        // A six-byte form is one run; FE is one byte.
        Assert.Equal("\uFFFD\uFFFD", DuneFromUtf8.Decode([0xFC, 0x84, 0x80, 0x80, 0x80, 0x80, 0xFE]));
    }

    private static string Nested(int depth) => new string('[', depth) + "1" + new string(']', depth);

    [Fact]
    public async Task Json_path_functions_read_documents_past_64_levels()
    {
        // 200 levels: json_query of the first element is the document one level shallower; json_value reads the number
        // at the bottom; json_exists finds it.
        string doc = Nested(200);
        string path = "lax $" + string.Concat(Enumerable.Repeat("[0]", 200));
        var rows = await Server.Alice.RunCsvAsync(
            $"SELECT json_query('{doc}', 'lax $[0]') = '{Nested(199)}' AS q, json_value('{doc}', '{path}') AS v, "
            + $"json_exists('{doc}', '{path}') AS e");
        Assert.Equal(["q,v,e", "true,1,true"], rows);
        var deepest = await Server.Alice.RunCsvAsync($"SELECT length(json_query('{Nested(DuneJsonFunctions.MaxDepth)}', 'lax $')) AS n");
        Assert.Equal((2 * DuneJsonFunctions.MaxDepth + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), deepest[1]);
    }

    [Fact]
    public async Task A_document_past_the_bound_is_refused_naming_it()
    {
        string message = await Server.Alice.RunToFailureAsync(
            $"SELECT json_query('{Nested(DuneJsonFunctions.MaxDepth + 1)}', 'lax $' NULL ON ERROR)");
        Assert.Equal($"json_query: the JSON input nests arrays and objects more than {DuneJsonFunctions.MaxDepth} levels deep, the most Strata reads", message);
    }
}
