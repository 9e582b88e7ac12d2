using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using CsCheck;
using DuckDB.NET.Data;
using Strata.Core.Results.Querying;

namespace Strata.Tests;

/// <summary>Contract section 6: <c>filters</c>, <c>sort_by</c> and <c>columns</c> are parsed and rebuilt, never pasted.</summary>
public sealed partial class QueryParameterParsingTests
{
    /// <summary>
    /// Result columns used throughout: case twins (Volume/volume), names needing quotes, names that are
    /// keywords, a name that is a keyword only before a string (date).
    /// </summary>
    private static readonly string[] Columns =
    [
        "amount", "block_time", "project", "tx_hash", "Volume", "volume", "we\"ird", "has space",
        "select", "date", "and", "ünï", "it's", "x1", "back\\slash", "q\"\\",
    ];

    private static FilterExpression Parse(string text) =>
        FilterParser.Parse(text, Columns) ?? throw new InvalidOperationException("no filter");

    private static string Sql(string text) => Parse(text).ToSql();

    private static FilterException Rejected(string text) =>
        Assert.Throws<FilterException>(() => FilterParser.Parse(text, Columns));

    // ---------------------------------------------------------------- filters: accepted

    [Theory]
    [InlineData("=", "=")]
    [InlineData("!=", "<>")]
    [InlineData("<>", "<>")]
    [InlineData("<", "<")]
    [InlineData("<=", "<=")]
    [InlineData(">", ">")]
    [InlineData(">=", ">=")]
    public void Every_comparison_operator(string op, string sqlOp)
    {
        Assert.Equal($"(\"amount\" {sqlOp} 5)", Sql($"amount {op} 5"));
        Assert.Equal($"(\"amount\" {sqlOp} 5)", Sql($"amount{op}5"));
        Assert.Equal($"(5 {sqlOp} \"amount\")", Sql($"5 {op} amount"));
        Assert.Equal($"(\"amount\" {sqlOp} \"volume\")", Sql($"amount {op} volume"));
    }

    [Fact]
    public void Comparison_tree_is_structural()
    {
        var expected = new ComparisonExpression(new ColumnReference("amount"), ComparisonOperator.NotEqual, new IntegerLiteral(5));
        Assert.Equal(expected, Parse("amount != 5"));
        Assert.Equal(expected, Parse("AMOUNT <> 5"));
    }

    [Fact]
    public void And_binds_tighter_than_or()
    {
        Assert.Equal(
            "((\"amount\" = 1) OR ((\"project\" = 'a') AND (\"x1\" = 2)))",
            Sql("amount = 1 OR project = 'a' AND x1 = 2"));
        Assert.Equal(
            "(((\"amount\" = 1) AND (\"project\" = 'a')) OR (\"x1\" = 2))",
            Sql("amount = 1 AND project = 'a' OR x1 = 2"));
    }

    [Fact]
    public void Parentheses_override_precedence()
    {
        Assert.Equal(
            "(((\"amount\" = 1) OR (\"project\" = 'a')) AND (\"x1\" = 2))",
            Sql("(amount = 1 OR project = 'a') AND x1 = 2"));
        Assert.Equal("(\"amount\" = 1)", Sql("((((amount = 1))))"));
    }

    [Fact]
    public void Chains_are_flat_and_nested_groups_are_kept()
    {
        Assert.Equal("((\"amount\" = 1) AND (\"amount\" = 2) AND (\"amount\" = 3))", Sql("amount = 1 AND amount = 2 AND amount = 3"));
        Assert.Equal("((\"amount\" = 1) AND ((\"amount\" = 2) AND (\"amount\" = 3)))", Sql("amount = 1 AND (amount = 2 AND amount = 3)"));
        Assert.Equal("((\"amount\" = 1) OR (\"amount\" = 2) OR (\"amount\" = 3))", Sql("amount = 1 or amount = 2 Or amount = 3"));
    }

    [Fact]
    public void Keywords_are_case_insensitive()
    {
        Assert.Equal(
            "((\"amount\" BETWEEN 1 AND 2) OR (\"project\" IS NOT NULL) OR (\"x1\" IN (1, 2)) OR (\"project\" LIKE 'u%'))",
            Sql("amount between 1 AnD 2 oR project iS nOt NuLl or x1 in (1,2) OR project like 'u%'"));
    }

    [Fact]
    public void In_like_is_null_between()
    {
        Assert.Equal("(\"project\" IN ('uniswap', 'balancer'))", Sql("project IN ('uniswap', 'balancer')"));
        Assert.Equal("(\"x1\" IN (1))", Sql("x1 IN(1)"));
        Assert.Equal("(\"project\" LIKE 'uni%_x')", Sql("project LIKE 'uni%_x'"));
        Assert.Equal("(\"project\" IS NULL)", Sql("project IS NULL"));
        Assert.Equal("(\"project\" IS NOT NULL)", Sql("project IS NOT NULL"));
        Assert.Equal("(\"amount\" BETWEEN -1.5 AND 10)", Sql("amount BETWEEN -1.5 AND 10"));
        Assert.Equal(
            "((\"amount\" BETWEEN 1 AND 2) AND (\"x1\" = 3))",
            Sql("amount BETWEEN 1 AND 2 AND x1 = 3"));
    }

    [Fact]
    public void Identifiers_quoted_bare_and_case()
    {
        Assert.Equal("(\"we\"\"ird\" = 1)", Sql("\"we\"\"ird\" = 1"));
        Assert.Equal("(\"has space\" = 1)", Sql("\"has space\" = 1"));
        Assert.Equal("(\"ünï\" = 1)", Sql("\"ünï\" = 1"));
        Assert.Equal("(\"select\" = 1)", Sql("\"select\" = 1"));
        Assert.Equal("(\"and\" = 1)", Sql("\"and\" = 1"));
        Assert.Equal("(\"amount\" = 1)", Sql("AmOuNt = 1"));
        Assert.Equal("(\"Volume\" = 1)", Sql("Volume = 1"));
        Assert.Equal("(\"volume\" = 1)", Sql("volume = 1"));
        Assert.Equal("(\"back\\slash\" = 1)", Sql("\"back\\slash\" = 1"));
    }

    [Fact]
    public void Date_timestamp_and_blob_are_column_names_unless_a_string_follows()
    {
        Assert.Equal("(\"date\" = DATE '2021-06-01')", Sql("date = DATE '2021-06-01'"));
        Assert.Equal("(\"date\" > \"amount\")", Sql("date > amount"));
        Assert.Equal("(\"amount\" = \"date\")", Sql("amount = date"));
    }

    [Fact]
    public void Strings_are_requoted()
    {
        Assert.Equal("(\"project\" = 'it''s')", Sql("project = 'it''s'"));
        Assert.Equal("(\"project\" = '')", Sql("project = ''"));
        Assert.Equal("(\"project\" = 'a\\b')", Sql("project = 'a\\b'"));
        Assert.Equal("(\"project\" = '; DROP TABLE t; --')", Sql("project = '; DROP TABLE t; --'"));
        Assert.Equal("(\"project\" = '\" OR 1=1 /*')", Sql("project = '\" OR 1=1 /*'"));
        Assert.Equal("(\"project\" = '😀 ünï\n')", Sql("project = '😀 ünï\n'"));
        Assert.Equal(new StringLiteral("it's"), ((ComparisonExpression)Parse("project = 'it''s'")).Right);
    }

    [Theory]
    [InlineData("5", "5")]
    [InlineData("-5", "-5")]
    [InlineData("007", "7")]
    [InlineData("-0", "0")]
    [InlineData("1.50", "1.50")]
    [InlineData("-0.001", "-0.001")]
    [InlineData("0.0", "0.0")]
    [InlineData("1e3", "1000E0")]
    [InlineData("1.5E-7", "1.5E-07")]
    [InlineData("-2.5e+2", "-250E0")]
    [InlineData("1e-400", "0E0")]
    [InlineData("115792089237316195423570985008687907853269984665640564039457584007913129639935", "115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    [InlineData("12345678901234567890.123456789012345678901", "12345678901234567890.123456789012345678901")]
    public void Numbers_are_reemitted_from_their_value(string written, string sql)
    {
        Assert.Equal($"(\"amount\" = {sql})", Sql($"amount = {written}"));
    }

    [Fact]
    public void Number_literal_types()
    {
        Assert.Equal(new IntegerLiteral(BigInteger.Parse("-42", CultureInfo.InvariantCulture)), Operand("amount = -42"));
        Assert.Equal(new DecimalLiteral(150, 2), Operand("amount = 1.50"));
        Assert.Equal(new DoubleLiteral(1500), Operand("amount = 1.5e3"));
    }

    [Fact]
    public void Booleans()
    {
        Assert.Equal("((\"amount\" = TRUE) AND (\"x1\" <> FALSE))", Sql("amount = true AND x1 != False"));
        Assert.Equal(new BooleanLiteral(true), Operand("amount = TRUE"));
    }

    [Theory]
    [InlineData("2021-06-01 00:00:00", "2021-06-01 00:00:00")]
    [InlineData("2021-06-01", "2021-06-01 00:00:00")]
    [InlineData("2021-06-01 13:21", "2021-06-01 13:21:00")]
    [InlineData("2021-06-07 13:21:10.000 UTC", "2021-06-07 13:21:10")]
    [InlineData("2021-06-07 13:21:10.5", "2021-06-07 13:21:10.500000")]
    [InlineData("2021-06-07T13:21:10.123456Z", "2021-06-07 13:21:10.123456")]
    [InlineData("2021-06-07 13:21:10+02:00", "2021-06-07 11:21:10")]
    [InlineData("2021-06-07 01:00:00 -0130", "2021-06-07 02:30:00")]
    [InlineData("2021-06-07 00:00:00+01", "2021-06-06 23:00:00")]
    [InlineData("0001-01-01 00:00:00", "0001-01-01 00:00:00")]
    [InlineData("9999-12-31 23:59:59.999999", "9999-12-31 23:59:59.999999")]
    [InlineData("2024-02-29 12:00:00", "2024-02-29 12:00:00")]
    public void Timestamps_are_validated_and_normalised_to_utc(string written, string sql)
    {
        Assert.Equal($"(\"block_time\" >= TIMESTAMP '{sql}')", Sql($"block_time >= TIMESTAMP '{written}'"));
        Assert.Equal($"(\"block_time\" >= TIMESTAMP '{sql}')", Sql($"block_time >= timestamp'{written}'"));
    }

    [Fact]
    public void Dates()
    {
        Assert.Equal("(\"block_time\" < DATE '2021-06-01')", Sql("block_time < date '2021-06-01'"));
        Assert.Equal(new DateLiteral(new DateOnly(2024, 2, 29)), Operand("block_time = DATE '2024-02-29'"));
    }

    [Fact]
    public void Hex_and_blob_literals_are_bytes()
    {
        Assert.Equal("(\"tx_hash\" = BLOB '\\x6A\\x3E')", Sql("tx_hash = 0x6a3E"));
        Assert.Equal("(\"tx_hash\" = BLOB '\\x6A\\x3E')", Sql("tx_hash = BLOB '\\x6a\\X3e'"));
        Assert.Equal("(\"tx_hash\" = BLOB '')", Sql("tx_hash = BLOB ''"));
        Assert.Equal(
            "(\"tx_hash\" IN (BLOB '\\x6A\\x3E\\x4B\\x7E', BLOB '\\xDB\\xF8'))",
            Sql("tx_hash IN (0x6a3e4b7e, 0xdbf8)"));
        Assert.Equal(new BinaryLiteral([0x6a, 0x3e]), Operand("tx_hash = 0x6A3E"));
    }

    [Fact]
    public void Column_mapping_function_is_used_for_every_column()
    {
        var sql = Parse("amount > 5 AND (\"we\"\"ird\" IS NULL OR volume IN (1, 2) OR amount < Volume)")
            .ToSql(name => SqlQuoting.QuoteIdentifier("c_" + name));
        Assert.Equal(
            "((\"c_amount\" > 5) AND ((\"c_we\"\"ird\" IS NULL) OR (\"c_volume\" IN (1, 2)) OR (\"c_amount\" < \"c_Volume\")))",
            sql);
    }

    [Fact]
    public void Referenced_columns()
    {
        Assert.Equal(
            ["amount", "we\"ird", "volume", "Volume"],
            Parse("amount > 5 AND (\"we\"\"ird\" IS NULL OR volume IN (1, 2) OR amount < Volume)").ReferencedColumns());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public void Blank_means_no_filter(string? text)
    {
        Assert.Null(FilterParser.Parse(text, Columns));
    }

    [Fact]
    public void Whitespace_of_any_kind_separates_tokens()
    {
        Assert.Equal("((\"amount\" = 1) AND (\"x1\" = 2))", Sql("\tamount\n=\r\n1\u00A0AND   x1=2  "));
    }

    // ---------------------------------------------------------------- filters: rejected

    [Theory]
    [InlineData("foo = 1", 0, "unknown column \"foo\"")]
    [InlineData("amount = 1 AND foo = 2", 15, "unknown column \"foo\"")]
    [InlineData("\"Amount\" = 1", 0, "unknown column \"Amount\"")]
    [InlineData("amount = \"nope\"", 9, "unknown column \"nope\"")]
    [InlineData("VOLUME = 1", 0, "column \"VOLUME\" is ambiguous (matches \"Volume\", \"volume\"); write it in double quotes with the exact case")]
    [InlineData("abs(amount) > 1", 0, "functions are not allowed (abs(...))")]
    [InlineData("count(*) > 1", 0, "functions are not allowed (count(...))")]
    [InlineData("amount = abs (1)", 9, "functions are not allowed (abs(...))")]
    [InlineData("\"amount\"(1) = 1", 0, "functions are not allowed (\"amount\"(...))")]
    [InlineData("amount IN (SELECT 1)", 11, "subqueries are not allowed")]
    [InlineData("(select amount) = 1", 1, "subqueries are not allowed")]
    [InlineData("amount = (SELECT 1)", 10, "subqueries are not allowed")]
    [InlineData("amount = select", 9, "subqueries are not allowed")]
    [InlineData("NOT amount = 1", 0, "NOT is not supported (use !=, <> or IS NOT NULL)")]
    [InlineData("amount NOT IN (1)", 7, "NOT is not supported (use !=, <> or IS NOT NULL)")]
    [InlineData("project not like 'x'", 8, "NOT is not supported (use !=, <> or IS NOT NULL)")]
    [InlineData("amount = not 1", 9, "NOT is not supported (use !=, <> or IS NOT NULL)")]
    [InlineData("amount = 1; DROP TABLE t", 10, "';' is not allowed (one expression only)")]
    [InlineData("amount = 1 -- x", 11, "comments are not allowed")]
    [InlineData("amount = 1 /* x */", 11, "comments are not allowed")]
    [InlineData("amount = --1", 9, "comments are not allowed")]
    [InlineData("amount = NULL", 9, "NULL can only be tested with IS NULL or IS NOT NULL")]
    [InlineData("NULL IS NULL", 0, "NULL can only be tested with IS NULL or IS NOT NULL")]
    [InlineData("1 = 1", 0, "a comparison needs a column on at least one side")]
    [InlineData("amount = 1 OR 'a' = 'a'", 14, "a comparison needs a column on at least one side")]
    [InlineData("'a' IN ('a')", 0, "IN needs a column on its left")]
    [InlineData("5 BETWEEN 1 AND 10", 0, "BETWEEN needs a column on its left")]
    [InlineData("'x' LIKE 'x'", 0, "LIKE needs a column on its left")]
    [InlineData("1 IS NULL", 0, "IS NULL needs a column on its left")]
    [InlineData("amount IN ()", 11, "expected a column or a value, found ')'")]
    [InlineData("amount IN 1", 10, "expected '(' after IN, found the number 1")]
    [InlineData("amount IN (1, 2", 15, "expected ',' or ')' in the IN list, found the end of the input")]
    [InlineData("amount IN (1 2)", 13, "expected ',' or ')' in the IN list, found the number 2")]
    [InlineData("amount IN (volume)", 11, "expected a value here, found the column \"volume\"")]
    [InlineData("amount BETWEEN volume AND 2", 15, "expected a value here, found the column \"volume\"")]
    [InlineData("project LIKE project", 13, "LIKE needs a pattern in single quotes, found \"project\"")]
    [InlineData("project LIKE 5", 13, "LIKE needs a pattern in single quotes, found the number 5")]
    [InlineData("amount IS 5", 10, "expected NULL after IS, found the number 5")]
    [InlineData("amount IS NOT TRUE", 14, "expected NULL after IS NOT, found \"TRUE\"")]
    [InlineData("amount BETWEEN 1 OR 2", 17, "expected AND between the bounds of BETWEEN, found \"OR\"")]
    [InlineData("amount ILIKE 'x'", 7, "expected a comparison (= != <> < <= > >=), IN, LIKE, IS or BETWEEN, found \"ILIKE\"")]
    [InlineData("amount", 6, "expected a comparison (= != <> < <= > >=), IN, LIKE, IS or BETWEEN, found the end of the input")]
    [InlineData("amount 'x'", 7, "expected a comparison (= != <> < <= > >=), IN, LIKE, IS or BETWEEN, found a string")]
    [InlineData("amount == 1", 8, "expected a column or a value, found '='")]
    [InlineData("amount = 1 AND", 14, "expected a column or a value, found the end of the input")]
    [InlineData("amount = 1 AND OR x1 = 2", 15, "expected a column or a value, found OR")]
    [InlineData("AND amount = 1", 0, "expected a column or a value, found AND")]
    [InlineData("amount = (1)", 9, "expected a column or a value, found '('")]
    [InlineData("amount = ,", 9, "expected a column or a value, found ','")]
    [InlineData("amount = 1)", 10, "unbalanced ')'")]
    [InlineData("(amount = 1", 11, "expected ')' to close the '(' at position 0, found the end of the input")]
    [InlineData("((amount = 1) x1 = 2)", 14, "expected ')' to close the '(' at position 0, found \"x1\"")]
    [InlineData("()", 1, "expected a column or a value, found ')'")]
    [InlineData("amount = 1 x1 = 2", 11, "expected AND, OR or the end of the filter, found \"x1\"")]
    [InlineData("amount = 1 TRUE", 11, "expected AND, OR or the end of the filter, found \"TRUE\"")]
    [InlineData("amount = 'abc", 9, "unterminated string literal")]
    [InlineData("amount = 'it''s", 9, "unterminated string literal")]
    [InlineData("\"amount = 1", 0, "unterminated quoted identifier")]
    [InlineData("amount = 1.", 9, "malformed number (digits must follow '.')")]
    [InlineData("amount = 1.e5", 9, "malformed number (digits must follow '.')")]
    [InlineData("amount = .5", 9, "unexpected character '.'")]
    [InlineData("amount = 1e", 9, "malformed number (digits must follow the exponent)")]
    [InlineData("amount = 1e+", 9, "malformed number (digits must follow the exponent)")]
    [InlineData("amount = 12abc", 9, "malformed number")]
    [InlineData("amount = 1.2.3", 9, "malformed number")]
    [InlineData("amount = 1AND x1 = 2", 9, "malformed number")]
    [InlineData("amount = 1e999", 9, "number out of range")]
    [InlineData("amount = -1e999", 9, "number out of range")]
    [InlineData("tx_hash = 0x123", 10, "malformed 0x literal (odd number of hex digits)")]
    [InlineData("tx_hash = 0x", 10, "malformed 0x literal (no hex digits)")]
    [InlineData("tx_hash = 0xZZ", 10, "malformed 0x literal (hex digits only)")]
    [InlineData("amount = - 1", 9, "unexpected character '-'")]
    [InlineData("amount = +1", 9, "unexpected character '+'")]
    [InlineData("amount = @x", 9, "unexpected character '@'")]
    [InlineData("amount = $1", 9, "unexpected character '$'")]
    [InlineData("amount = ?", 9, "unexpected character '?'")]
    [InlineData("amount::text = '1'", 6, "unexpected character ':'")]
    [InlineData("project = 'a' || 'b'", 14, "unexpected character '|'")]
    [InlineData("amount = 1 * 2", 11, "unexpected character '*'")]
    [InlineData("amount ! 1", 7, "unexpected character '!'")]
    [InlineData("amount = `x`", 9, "unexpected character '`'")]
    [InlineData("amount = [1]", 9, "unexpected character '['")]
    [InlineData("ünï = 1", 0, "unexpected character 'ü'")]
    [InlineData("amount = 1 😀", 11, "unexpected character '😀'")]
    [InlineData("amount = \u0001", 9, "unexpected character U+0001")]
    [InlineData("amount = \0", 9, "unexpected character U+0000")]
    [InlineData("amount = 'a\0b'", 11, "character U+0000 is not allowed in a string literal")]
    [InlineData("block_time = TIMESTAMP '2021-13-01'", 23, "invalid TIMESTAMP value (expected 'YYYY-MM-DD HH:MM:SS[.fffffffff]', optionally followed by UTC, Z or +HH:MM)")]
    [InlineData("block_time = TIMESTAMP 'yesterday'", 23, "invalid TIMESTAMP value (expected 'YYYY-MM-DD HH:MM:SS[.fffffffff]', optionally followed by UTC, Z or +HH:MM)")]
    [InlineData("block_time = TIMESTAMP '2021-06-01 24:00:00'", 23, "invalid TIMESTAMP value (expected 'YYYY-MM-DD HH:MM:SS[.fffffffff]', optionally followed by UTC, Z or +HH:MM)")]
    [InlineData("block_time = TIMESTAMP '2021-06-01 12:00:00.1234567890'", 23, "invalid TIMESTAMP value (expected 'YYYY-MM-DD HH:MM:SS[.fffffffff]', optionally followed by UTC, Z or +HH:MM)")]
    [InlineData("block_time = TIMESTAMP '2021-06-01 12:00:00 Europe/Paris'", 23, "invalid TIMESTAMP value (expected 'YYYY-MM-DD HH:MM:SS[.fffffffff]', optionally followed by UTC, Z or +HH:MM)")]
    [InlineData("block_time = TIMESTAMP '0001-01-01 00:00:00+01:00'", 23, "invalid TIMESTAMP value (expected 'YYYY-MM-DD HH:MM:SS[.fffffffff]', optionally followed by UTC, Z or +HH:MM)")]
    [InlineData("block_time = DATE '2021-02-29'", 18, "invalid DATE value (expected 'YYYY-MM-DD')")]
    [InlineData("block_time = DATE '2021-06-01 00:00:00'", 18, "invalid DATE value (expected 'YYYY-MM-DD')")]
    [InlineData("block_time = DATE '0000-01-01'", 18, "invalid DATE value (expected 'YYYY-MM-DD')")]
    [InlineData("tx_hash = BLOB 'abc'", 15, "invalid BLOB value (expected \\xHH escapes only, e.g. '\\x0A\\xFF')")]
    [InlineData("tx_hash = BLOB '\\x0'", 15, "invalid BLOB value (expected \\xHH escapes only, e.g. '\\x0A\\xFF')")]
    [InlineData("block_time > INTERVAL '1' DAY", 13, "unsupported literal type INTERVAL (only TIMESTAMP, DATE and BLOB)")]
    [InlineData("block_time > TIMESTAMPTZ '2021-06-01'", 13, "unsupported literal type TIMESTAMPTZ (only TIMESTAMP, DATE and BLOB)")]
    public void Rejections_name_the_problem_and_its_position(string text, int position, string problem)
    {
        var e = Rejected(text);
        Assert.Equal(position, e.Position);
        Assert.Equal(problem, e.Problem);
        Assert.Equal("filters", e.Parameter);
        Assert.Equal($"filters: {problem} at position {position}", e.Message);
    }

    [Fact]
    public void Unpaired_surrogates_are_rejected()
    {
        // Not as InlineData: test discovery would replace the lone surrogates with U+FFFD.
        Assert.Equal("filters: character U+D800 is not allowed in a string literal at position 11", Rejected("amount = 'a\ud800b'").Message);
        Assert.Equal("filters: character U+DC00 is not allowed in a quoted identifier at position 3", Rejected("\"am\udc00\" = 1").Message);
        Assert.Equal("filters: unexpected character U+D800 at position 9", Rejected("amount = \ud800").Message);
        Assert.Equal("(\"project\" = '\ud83d\ude00')", Sql("project = '\ud83d\ude00'"));
    }

    [Fact]
    public void Error_message_example_from_the_brief()
    {
        Assert.Equal("filters: unknown column \"foo\" at position 12", Rejected("x1 >= 0 AND foo < 3").Message);
    }

    [Fact]
    public void Long_names_are_shortened_in_messages()
    {
        var name = new string('z', 500);
        var e = Rejected($"\"{name}\" = 1");
        Assert.Equal($"unknown column \"{new string('z', 64)}...\"", e.Problem);
    }

    [Fact]
    public void Length_limit()
    {
        var ok = "amount = '" + new string('x', 10_000 - 11) + "'";
        Assert.Equal(10_000, ok.Length);
        Assert.NotNull(FilterParser.Parse(ok, Columns));
        var e = Rejected(ok + " ");
        Assert.Equal("filters: the filter is longer than 10000 characters at position 10000", e.Message);
        Assert.Throws<FilterException>(() => FilterParser.Parse(new string(' ', 10_001), Columns));
    }

    [Fact]
    public void Parenthesis_depth_limit()
    {
        string Nested(int n) => new string('(', n) + "amount = 1" + new string(')', n);
        Assert.Equal("(\"amount\" = 1)", Sql(Nested(64)));
        var e = Rejected(Nested(65));
        Assert.Equal("filters: parentheses nest deeper than 64 levels at position 64", e.Message);
        // Far past the limit: still a FilterException, never a stack overflow.
        Assert.Equal(64, Rejected(new string('(', 9_000)).Position);
        Assert.Equal(64, Rejected(Nested(4_000)).Position);
    }

    [Fact]
    public void Group_depth_limit_keeps_the_output_reparseable()
    {
        // n nested groups "x1 = 1 AND (x1 = 1 AND (...))" render with n+1 levels of parentheses.
        string Groups(int n)
        {
            var text = "x1 = 1";
            for (var i = 0; i < n; i++)
            {
                text = i == n - 1 ? "x1 = 1 AND " + text : "(x1 = 1 AND " + text + ")";
            }
            return text;
        }
        var deepest = Parse(Groups(63));
        Assert.Equal(deepest, Parse(deepest.ToSql()));
        var e = Rejected(Groups(64));
        Assert.Equal("filters: the filter nests deeper than 64 levels at position 0", e.Message);
        Assert.Equal(10, Rejected("x1 = 1 OR " + Groups(64)).Position);
    }

    [Fact]
    public void In_list_limit()
    {
        var limits = new FilterLimits { MaxLength = 1_000_000 };
        var values = string.Join(",", Enumerable.Repeat("1", 10_000));
        var parsed = (InExpression)FilterParser.Parse($"x1 IN ({values})", Columns, limits)!;
        Assert.Equal(10_000, parsed.Values.Count);
        var e = Assert.Throws<FilterException>(() => FilterParser.Parse($"x1 IN ({values},2)", Columns, limits));
        Assert.Equal("an IN list has more than 10000 values", e.Problem);
        Assert.Equal(7 + 20_000, e.Position);
    }

    [Fact]
    public void Long_flat_chains_do_not_recurse()
    {
        var text = string.Join(" OR ", Enumerable.Repeat("x1=1", 900));
        var parsed = (OrExpression)Parse(text);
        Assert.Equal(900, parsed.Operands.Count);
        Assert.Equal(parsed, Parse(parsed.ToSql().Replace(" ", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void Tree_constructors_validate()
    {
        Assert.Throws<ArgumentException>(() => new AndExpression([new IsNullExpression(new ColumnReference("a"), false)]));
        Assert.Throws<ArgumentException>(() => new InExpression(new ColumnReference("a"), []));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DecimalLiteral(1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DoubleLiteral(double.NaN));
        Assert.Throws<ArgumentException>(() => SqlQuoting.QuoteIdentifier("a\0b"));
    }

    private static FilterOperand Operand(string text) => ((ComparisonExpression)Parse(text)).Right;

    // ---------------------------------------------------------------- sort_by

    [Fact]
    public void Sort_by_accepts_the_documented_forms()
    {
        Assert.Equal(
            [new SortColumn("amount", true), new SortColumn("block_time", false)],
            SortParser.Parse("amount desc, block_time", Columns));
        Assert.Equal([new SortColumn("we\"ird", false)], SortParser.Parse("\"we\"\"ird\" ASC", Columns));
        Assert.Equal(
            [new SortColumn("amount", true), new SortColumn("has space", true), new SortColumn("date", false), new SortColumn("select", false)],
            SortParser.Parse("AMOUNT DeSc,\"has space\"  desc ,date,select asc", Columns));
        Assert.Empty(SortParser.Parse(null, Columns));
        Assert.Empty(SortParser.Parse("  ", Columns));
    }

    [Fact]
    public void Sort_by_sql()
    {
        var keys = SortParser.Parse("amount desc, \"we\"\"ird\"", Columns);
        Assert.Equal("\"amount\" DESC NULLS LAST, \"we\"\"ird\" ASC NULLS LAST", SortParser.ToSql(keys));
        Assert.Equal("\"s_amount\" DESC NULLS LAST, \"s_we\"\"ird\" ASC NULLS LAST", SortParser.ToSql(keys, n => SqlQuoting.QuoteIdentifier("s_" + n)));
    }

    [Theory]
    [InlineData("foo", 0, "unknown column \"foo\"")]
    [InlineData("amount desc, foo asc", 13, "unknown column \"foo\"")]
    [InlineData("\"Amount\"", 0, "unknown column \"Amount\"")]
    [InlineData("VOLUME", 0, "column \"VOLUME\" is ambiguous (matches \"Volume\", \"volume\"); write it in double quotes with the exact case")]
    [InlineData("amount desc,", 12, "expected a column name, found the end of the input")]
    [InlineData(",amount", 0, "expected a column name, found ','")]
    [InlineData("amount,,x1", 7, "expected a column name, found ','")]
    [InlineData("1", 0, "expected a column name, found the number 1")]
    [InlineData("'amount'", 0, "expected a column name, found a string")]
    [InlineData("amount sideways", 7, "expected ASC, DESC, ',' or the end after the column, found \"sideways\"")]
    [InlineData("amount desc nulls last", 12, "expected ',' or the end after the column, found \"nulls\"")]
    [InlineData("amount desc desc", 12, "expected ',' or the end after the column, found \"desc\"")]
    [InlineData("abs(amount)", 0, "functions are not allowed")]
    [InlineData("amount; drop table t", 6, "';' is not allowed (one expression only)")]
    [InlineData("amount -- x", 7, "comments are not allowed")]
    [InlineData("amount desc /* x */", 12, "comments are not allowed")]
    [InlineData("\"amount", 0, "unterminated quoted identifier")]
    [InlineData("amount = 1", 7, "expected ASC, DESC, ',' or the end after the column, found '='")]
    public void Sort_by_rejections(string text, int position, string problem)
    {
        var e = Assert.Throws<FilterException>(() => SortParser.Parse(text, Columns));
        Assert.Equal($"sort_by: {problem} at position {position}", e.Message);
        Assert.Equal(position, e.Position);
        Assert.Equal("sort_by", e.Parameter);
    }

    [Fact]
    public void Sort_by_key_limit()
    {
        var keys = Enumerable.Range(0, 33).Select(i => i % 2 == 0 ? "amount" : "x1 desc").ToArray();
        Assert.Equal(32, SortParser.Parse(string.Join(",", keys[..32]), Columns).Count);
        var text = string.Join(",", keys);
        var e = Assert.Throws<FilterException>(() => SortParser.Parse(text, Columns));
        Assert.Equal("more than 32 sort keys", e.Problem);
        Assert.Equal(text.LastIndexOf(',') + 1, e.Position);
        Assert.Equal("sort_by: the value is longer than 10000 characters at position 10000",
            Assert.Throws<FilterException>(() => SortParser.Parse(new string('a', 10_001), Columns)).Message);
    }

    // ---------------------------------------------------------------- columns

    [Fact]
    public void Columns_accepts_bare_quoted_and_sdk_escaped_names()
    {
        Assert.Equal(["amount", "project", "we\"ird"], ColumnsParser.Parse("amount,project,\"we\"\"ird\"", Columns));
        // Dune's TypeScript SDK: names containing '"' are sent as "we\"ird", with '\' doubled.
        Assert.Equal(["we\"ird"], ColumnsParser.Parse("\"we\\\"ird\"", Columns));
        Assert.Equal(["q\"\\"], ColumnsParser.Parse("\"q\\\"\\\\\"", Columns));
        // The same name written SQL-style.
        Assert.Equal(["q\"\\"], ColumnsParser.Parse("\"q\"\"\\\"", Columns));
        // Dune's Python SDK sends names as they are.
        Assert.Equal(["has space", "back\\slash", "ünï", "it's"], ColumnsParser.Parse("has space,back\\slash,ünï,it's", Columns));
        Assert.Equal(["amount", "x1"], ColumnsParser.Parse(" amount , x1 ", Columns));
        Assert.Equal(["amount", "select", "date"], ColumnsParser.Parse("AMOUNT,select,Date", Columns));
        Assert.Equal(["Volume", "volume"], ColumnsParser.Parse("Volume,volume", Columns));
        Assert.Equal(["we\"ird"], ColumnsParser.Parse(" \"we\"\"ird\" ", Columns));
        Assert.Empty(ColumnsParser.Parse(null, Columns));
        Assert.Empty(ColumnsParser.Parse("", Columns));
    }

    [Theory]
    [InlineData("foo", 0, "unknown column \"foo\"")]
    [InlineData("amount,foo bar", 7, "unknown column \"foo bar\"")]
    [InlineData("amount, \"Amount\"", 8, "unknown column \"Amount\"")]
    [InlineData("VOLUME", 0, "column \"VOLUME\" is ambiguous (matches \"Volume\", \"volume\"); write it in double quotes with the exact case")]
    [InlineData("amount,AMOUNT", 7, "column \"amount\" is listed twice")]
    [InlineData("\"we\"\"ird\",\"we\\\"ird\"", 10, "column \"we\"\"ird\" is listed twice")]
    [InlineData("amount,,x1", 7, "expected a column name")]
    [InlineData(",amount", 0, "expected a column name")]
    [InlineData("amount,", 7, "expected a column name")]
    [InlineData("amount, ", 8, "expected a column name")]
    [InlineData("\"amount", 0, "unterminated quoted column name")]
    [InlineData("\"amount\" x1", 9, "expected ',' after the quoted column name, found 'x'")]
    [InlineData("amount;drop", 0, "unknown column \"amount;drop\"")]
    public void Columns_rejections(string text, int position, string problem)
    {
        var e = Assert.Throws<FilterException>(() => ColumnsParser.Parse(text, Columns));
        Assert.Equal($"columns: {problem} at position {position}", e.Message);
        Assert.Equal("columns", e.Parameter);
    }

    // ---------------------------------------------------------------- DuckDB

    [Fact]
    public void Rebuilt_sql_runs_in_duckdb_with_the_expected_meaning()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Execute(connection, """
            CREATE TABLE t(amount DOUBLE, block_time TIMESTAMP, project VARCHAR, tx_hash BLOB, "we""ird" INTEGER, flag BOOLEAN, d DATE);
            INSERT INTO t VALUES
              (1.5, TIMESTAMP '2021-06-07 13:21:10', 'uniswap', '\x6A\x3E'::BLOB, 1, TRUE, DATE '2021-06-01'),
              (10, TIMESTAMP '2021-06-08 00:00:00', 'balancer', '\xDB\xF8'::BLOB, 2, FALSE, DATE '2021-06-02'),
              (NULL, NULL, NULL, NULL, NULL, NULL, NULL),
              (-3, TIMESTAMP '2020-01-01 00:00:00', 'it''s', '\x00'::BLOB, 3, TRUE, DATE '2020-01-01');
            """);
        string[] cols = ["amount", "block_time", "project", "tx_hash", "we\"ird", "flag", "d"];
        long Count(string filter)
        {
            var where = FilterParser.Parse(filter, cols)!.ToSql();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM t WHERE " + where;
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        Assert.Equal(2, Count("amount > 1"));
        Assert.Equal(1, Count("amount BETWEEN -3 AND 1.5 AND amount < 0"));
        Assert.Equal(2, Count("project LIKE '%swap' OR project = 'it''s'"));
        Assert.Equal(1, Count("tx_hash = 0x6a3e"));
        Assert.Equal(2, Count("tx_hash IN (0x6a3e, 0xdbf8)"));
        Assert.Equal(2, Count("block_time >= TIMESTAMP '2021-06-07 13:21:10.000 UTC'"));
        Assert.Equal(2, Count("block_time > '2021-06-01'"));
        Assert.Equal(1, Count("block_time > TIMESTAMP '2021-06-07 16:00:00+02:00'"));
        Assert.Equal(2, Count("\"we\"\"ird\" IN (1, 3) AND flag = true"));
        Assert.Equal(1, Count("project IS NULL"));
        Assert.Equal(3, Count("project IS NOT NULL"));
        Assert.Equal(1, Count("d = DATE '2021-06-02'"));
        Assert.Equal(1, Count("1e1 <= amount"));
        Assert.Equal(0, Count("project = '; DROP TABLE t; --'"));
        Assert.Equal(4, Count("project = 'x' OR project IS NULL OR amount < 100"));
    }

    [Fact]
    public void Generated_sql_always_parses_in_duckdb_as_one_select()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        Gen.Select(ExpressionGen, SortGen).Sample((expression, sort) =>
        {
            var sql = "SELECT 1 FROM t WHERE " + expression.ToSql() + " AND TRUE ORDER BY " + SortParser.ToSql(sort) + " LIMIT 1";
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT json_serialize_sql(?::VARCHAR)";
            command.Parameters.Add(new DuckDBParameter(sql));
            var json = JsonNode.Parse((string)command.ExecuteScalar()!)!;
            Assert.False(json["error"]!.GetValue<bool>(), sql + "\n" + json.ToJsonString());
            Assert.Single(json["statements"]!.AsArray());
            Assert.Equal("CONJUNCTION_AND", json["statements"]![0]!["node"]!["where_clause"]!["type"]!.GetValue<string>());
        }, iter: 1_000, threads: 1);
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    // ---------------------------------------------------------------- properties

    private const int Iterations = 10_000;

    [Fact]
    public void Property_rendered_trees_parse_back_to_themselves()
    {
        Gen.Select(ExpressionGen, Gen.Int).Sample((expression, seed) =>
        {
            var text = Render(expression, new Random(seed));
            var parsed = FilterParser.Parse(text, Columns);
            Assert.NotNull(parsed);
            Assert.Equal(expression.ToSql(), parsed.ToSql());
            Assert.Equal(expression, parsed);
        }, iter: Iterations, print: t => Render(t.Item1, new Random(t.Item2)));
    }

    [Fact]
    public void Property_garbage_only_ever_throws_FilterException()
    {
        GarbageGen.Sample(text =>
        {
            CheckFilter(text);
            CheckOther(text, "sort_by", () => SortParser.Parse(text, Columns));
            CheckOther(text, "columns", () => ColumnsParser.Parse(text, Columns));
        }, iter: Iterations, print: Printable);
    }

    [Fact]
    public void Property_sql_of_anything_that_parses_is_inert_and_reparses_to_the_same_tree()
    {
        ExpressionGen.Sample(expression =>
        {
            var sql = expression.ToSql();
            AssertInert(sql);
            Assert.Equal(expression, FilterParser.Parse(sql, Columns));
        }, iter: Iterations);
    }

    [Fact]
    public void Property_sort_keys_round_trip()
    {
        Gen.Select(SortGen, Gen.Int).Sample((keys, seed) =>
        {
            var random = new Random(seed);
            var text = string.Join(Space(random, true) + "," + Space(random, true), keys.Select(k =>
                RenderColumn(k.Name, random) + (k.Descending ? " " + RandomCase("desc", random) : random.Next(2) == 0 ? "" : " " + RandomCase("asc", random))));
            Assert.Equal(keys, SortParser.Parse(text, Columns));
        }, iter: Iterations);
    }

    [Fact]
    public void Property_column_lists_round_trip()
    {
        Gen.Select(Gen.Shuffle(Columns).Select(c => c.Where(n => !n.Contains(',', StringComparison.Ordinal)).ToArray()), Gen.Int[1, Columns.Length], Gen.Int).Sample((shuffled, count, seed) =>
        {
            var random = new Random(seed);
            var chosen = shuffled.Take(count).ToArray();
            var text = string.Join(",", chosen.Select(name => random.Next(3) switch
            {
                0 => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
                1 when name.Contains('"', StringComparison.Ordinal) => "\"" + name.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
                _ when name.Contains('"', StringComparison.Ordinal) || name != name.Trim() => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
                _ => name,
            }));
            Assert.Equal(chosen, ColumnsParser.Parse(text, Columns));
        }, iter: Iterations);
    }

    private static readonly FilterLimits Unlimited = new() { MaxLength = int.MaxValue };

    private static void CheckFilter(string text)
    {
        FilterExpression? parsed;
        try
        {
            parsed = FilterParser.Parse(text, Columns);
        }
        catch (FilterException e)
        {
            CheckException(e, text, "filters");
            return;
        }
        if (parsed is null)
        {
            Assert.True(string.IsNullOrWhiteSpace(text));
            return;
        }
        var sql = parsed.ToSql();
        AssertInert(sql);
        // The rebuilt text is longer than what was typed; only the length limit is lifted to re-read it.
        var again = FilterParser.Parse(sql, Columns, Unlimited);
        Assert.Equal(parsed, again);
        Assert.Equal(sql, again!.ToSql());
    }

    private static void CheckOther(string text, string parameter, Action parse)
    {
        try
        {
            parse();
        }
        catch (FilterException e)
        {
            CheckException(e, text, parameter);
        }
    }

    private static void CheckException(FilterException e, string text, string parameter)
    {
        Assert.Equal(parameter, e.Parameter);
        Assert.InRange(e.Position, 0, text.Length);
        Assert.Equal($"{parameter}: {e.Problem} at position {e.Position}", e.Message);
    }

    /// <summary>
    /// Outside quoted literals and identifiers: no ';', no comment openers, balanced quotes and parentheses,
    /// and the first '(' closes at the very end (the expression is one parenthesised unit).
    /// </summary>
    private static void AssertInert(string sql)
    {
        Assert.StartsWith("(", sql, StringComparison.Ordinal);
        var depth = 0;
        char? quote = null;
        for (var i = 0; i < sql.Length; i++)
        {
            var c = sql[i];
            if (quote is { } q)
            {
                if (c == q)
                {
                    if (i + 1 < sql.Length && sql[i + 1] == q)
                    {
                        i++;
                    }
                    else
                    {
                        quote = null;
                    }
                }
                continue;
            }
            Assert.NotEqual(';', c);
            Assert.False(c == '-' && i + 1 < sql.Length && sql[i + 1] == '-', sql);
            Assert.False(c == '/' && i + 1 < sql.Length && sql[i + 1] == '*', sql);
            Assert.NotEqual('\0', c);
            switch (c)
            {
                case '\'' or '"':
                    quote = c;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    depth--;
                    Assert.True(depth > 0 || i == sql.Length - 1, sql);
                    break;
                default:
                    break;
            }
        }
        Assert.Null(quote);
        Assert.Equal(0, depth);
    }

    // ---------------------------------------------------------------- generators

    private static readonly Gen<string> ColumnGen = Gen.OneOf(Columns);

    private static readonly string[] TextFragments =
        ["a", "Z", " ", "'", "''", "\"", ";", "--", "/*", "*/", "\\", "%", "_", "é", "😀", "\n", "\t", "select", "0x", "1", "OR 1=1", ",", "(", ")"];

    private static readonly Gen<string> TextGen = Gen.OneOf(TextFragments).Array[0, 8].Select(string.Concat);

    private static readonly Gen<BigInteger> BigIntegerGen = Gen.Frequency(
        (4, Gen.Long.Select(l => new BigInteger(l))),
        (1, Gen.Select(Gen.Char['0', '9'].Array[1, 80], Gen.Bool, (digits, negative) =>
            BigInteger.Parse((negative ? "-" : "") + new string(digits), CultureInfo.InvariantCulture))));

    private static readonly Gen<DateTime> TimestampGen = Gen.Long[0, DateTime.MaxValue.Ticks / 10].Select(micros => new DateTime(micros * 10, DateTimeKind.Utc));

    private static readonly Gen<FilterLiteral> LiteralGen = Gen.Frequency(
        (4, TextGen.Select(s => (FilterLiteral)new StringLiteral(s))),
        (3, BigIntegerGen.Select(i => (FilterLiteral)new IntegerLiteral(i))),
        (2, Gen.Select(BigIntegerGen, Gen.Int[1, 40], (u, s) => (FilterLiteral)new DecimalLiteral(u, s))),
        (2, Gen.Double.Where(double.IsFinite).Select(d => (FilterLiteral)new DoubleLiteral(d))),
        (1, Gen.Bool.Select(b => (FilterLiteral)new BooleanLiteral(b))),
        (2, Gen.Frequency(
            (3, TimestampGen),
            (1, Gen.DateOnly.Select(d => d.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc))))
            .Select(t => (FilterLiteral)new TimestampLiteral(t))),
        (1, Gen.Int[DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber].Select(d => (FilterLiteral)new DateLiteral(DateOnly.FromDayNumber(d)))),
        (1, Gen.Byte.Array[0, 6].Select(b => (FilterLiteral)new BinaryLiteral([.. b]))));

    private static readonly Gen<FilterExpression> PredicateGen = Gen.Frequency(
        (3, Gen.Select(ColumnGen, Gen.Enum<ComparisonOperator>(), LiteralGen, (c, op, l) => (FilterExpression)new ComparisonExpression(new ColumnReference(c), op, l))),
        (1, Gen.Select(LiteralGen, Gen.Enum<ComparisonOperator>(), ColumnGen, (l, op, c) => (FilterExpression)new ComparisonExpression(l, op, new ColumnReference(c)))),
        (1, Gen.Select(ColumnGen, Gen.Enum<ComparisonOperator>(), ColumnGen, (a, op, b) => (FilterExpression)new ComparisonExpression(new ColumnReference(a), op, new ColumnReference(b)))),
        (1, Gen.Select(ColumnGen, LiteralGen.Array[1, 5], (c, values) => (FilterExpression)new InExpression(new ColumnReference(c), values))),
        (1, Gen.Select(ColumnGen, TextGen, (c, p) => (FilterExpression)new LikeExpression(new ColumnReference(c), p))),
        (1, Gen.Select(ColumnGen, Gen.Bool, (c, n) => (FilterExpression)new IsNullExpression(new ColumnReference(c), n))),
        (1, Gen.Select(ColumnGen, LiteralGen, LiteralGen, (c, lo, hi) => (FilterExpression)new BetweenExpression(new ColumnReference(c), lo, hi))));

    private static readonly Gen<FilterExpression> ExpressionGen = ExpressionOfDepth(4);

    private static Gen<FilterExpression> ExpressionOfDepth(int depth)
    {
        if (depth == 0)
        {
            return PredicateGen;
        }
        var inner = ExpressionOfDepth(depth - 1);
        return Gen.Frequency(
            (3, PredicateGen),
            (1, inner.Array[2, 4].Select(operands => (FilterExpression)new AndExpression(operands))),
            (1, inner.Array[2, 4].Select(operands => (FilterExpression)new OrExpression(operands))));
    }

    private static readonly Gen<SortColumn[]> SortGen = Gen.Select(ColumnGen, Gen.Bool, (c, d) => new SortColumn(c, d)).Array[1, 6];

    private static readonly string[] GarbageFragments =
    [
        ";", "--", "/*", "*/", "select", "SELECT ", "(", ")", "((", "'", "\"", "''", "\"\"", "amount", "AMOUNT", "Volume", "VOLUME",
        "\"we\"\"ird\"", "\"we\\\"ird\"", "and", " AND ", " or ", "not", " NOT ", " in ", "IN (", "like", " is ", "null", "between",
        "true", "false", "timestamp", "date", "DATE", "blob", "TIMESTAMP '2021-06-01'", "timestamp '2021-06-07 13:21:10.000 UTC'",
        "DATE '2021-02-30'", "BLOB '\\x0'", "BLOB '\\x0A'", "0x", "0x1", "0xab", "-", "1", "-1.5", "1e", "1e5", "1e999", "1.", "e", ".", ",",
        "=", "!=", "<>", "<", "<=", ">", ">=", "!", " ", "  ", "\t", "\n", "\r\n", "\0", "\u0001", "é", "😀", "\ud800", "\udc00", "\\", "count(",
        "$1", "?", "::", "||", "*", "%", "ünï", "x1", "'it''s'", "\u00a0", "\u2028", "desc", "asc", ",,", "has space", "interval '1' day",
    ];

    private static readonly Gen<string> GarbageGen = Gen.Frequency(
        (4, Gen.OneOf(GarbageFragments).Array[0, 40].Select(string.Concat)),
        (1, Gen.String),
        (1, Gen.Char.Array[0, 30].Select(c => new string(c))),
        (4, Gen.Select(ExpressionGen, Gen.Int, Gen.Int).Select((e, seed, mutation) => Mutate(Render(e, new Random(seed)), new Random(mutation)))),
        (1, Gen.Select(Gen.Int[0, 200], Gen.OneOf("(", "((", "(x1 = 1 AND ", "x1 IN (", "x1 = 1 OR "), Gen.OneOf("", ")", "x1 = 1", "x1 = 1)")).Select((n, open, close) =>
            string.Concat(Enumerable.Repeat(open, n)) + close + string.Concat(Enumerable.Repeat(")", n)))));

    private static string Mutate(string text, Random random)
    {
        var sb = new StringBuilder(text);
        var edits = random.Next(1, 4);
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(sb.Length + 1);
            switch (random.Next(3))
            {
                case 0:
                    sb.Insert(at, GarbageFragments[random.Next(GarbageFragments.Length)]);
                    break;
                case 1 when sb.Length > 0:
                    var at2 = Math.Min(sb.Length - 1, at);
                    sb.Remove(at2, Math.Min(random.Next(1, 6), sb.Length - at2));
                    break;
                default:
                    if (sb.Length > 0)
                    {
                        sb[Math.Min(sb.Length - 1, at)] = GarbageFragments[random.Next(GarbageFragments.Length)][0];
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    private static string Printable(string text) =>
        string.Concat(text.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    // ---------------------------------------------------------------- rendering a tree as a user might write it

    private static readonly HashSet<string> Reserved =
        new(["and", "or", "not", "in", "like", "is", "null", "between", "true", "false", "select"], StringComparer.OrdinalIgnoreCase);

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex BareWord();

    private static string Render(FilterExpression expression, Random random)
    {
        var tokens = new List<string>();
        RenderExpression(expression, random, tokens, needsParentheses: false);
        var text = new StringBuilder(Space(random, canBeEmpty: true));
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0)
            {
                var mustSeparate = IsWordChar(tokens[i - 1][^1]) && IsWordChar(tokens[i][0]);
                text.Append(Space(random, canBeEmpty: !mustSeparate));
            }
            text.Append(tokens[i]);
        }
        return text.Append(Space(random, canBeEmpty: true)).ToString();
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static string Space(Random random, bool canBeEmpty) => random.Next(canBeEmpty ? 7 : 6) switch
    {
        0 => "  ",
        1 => "\t",
        2 => "\n",
        3 => " \r\n ",
        4 or 5 => " ",
        _ => "",
    };

    private static void RenderExpression(FilterExpression expression, Random random, List<string> tokens, bool needsParentheses)
    {
        var extra = random.Next(8) == 0 ? random.Next(1, 3) : 0;
        var open = needsParentheses ? 1 + extra : extra;
        for (var i = 0; i < open; i++)
        {
            tokens.Add("(");
        }
        switch (expression)
        {
            case AndExpression and:
                for (var i = 0; i < and.Operands.Count; i++)
                {
                    if (i > 0)
                    {
                        tokens.Add(RandomCase("and", random));
                    }
                    RenderExpression(and.Operands[i], random, tokens, and.Operands[i] is AndExpression or OrExpression);
                }
                break;
            case OrExpression or:
                for (var i = 0; i < or.Operands.Count; i++)
                {
                    if (i > 0)
                    {
                        tokens.Add(RandomCase("or", random));
                    }
                    RenderExpression(or.Operands[i], random, tokens, or.Operands[i] is OrExpression || (or.Operands[i] is AndExpression && random.Next(2) == 0));
                }
                break;
            case ComparisonExpression comparison:
                RenderOperand(comparison.Left, random, tokens);
                tokens.Add(comparison.Operator switch
                {
                    ComparisonOperator.Equal => "=",
                    ComparisonOperator.NotEqual => random.Next(2) == 0 ? "!=" : "<>",
                    ComparisonOperator.LessThan => "<",
                    ComparisonOperator.LessThanOrEqual => "<=",
                    ComparisonOperator.GreaterThan => ">",
                    _ => ">=",
                });
                RenderOperand(comparison.Right, random, tokens);
                break;
            case InExpression @in:
                tokens.Add(RenderColumn(@in.Column.Name, random));
                tokens.Add(RandomCase("in", random));
                tokens.Add("(");
                for (var i = 0; i < @in.Values.Count; i++)
                {
                    if (i > 0)
                    {
                        tokens.Add(",");
                    }
                    RenderOperand(@in.Values[i], random, tokens);
                }
                tokens.Add(")");
                break;
            case LikeExpression like:
                tokens.Add(RenderColumn(like.Column.Name, random));
                tokens.Add(RandomCase("like", random));
                tokens.Add(QuoteString(like.Pattern));
                break;
            case IsNullExpression isNull:
                tokens.Add(RenderColumn(isNull.Column.Name, random));
                tokens.Add(RandomCase("is", random));
                if (isNull.Negated)
                {
                    tokens.Add(RandomCase("not", random));
                }
                tokens.Add(RandomCase("null", random));
                break;
            case BetweenExpression between:
                tokens.Add(RenderColumn(between.Column.Name, random));
                tokens.Add(RandomCase("between", random));
                RenderOperand(between.Low, random, tokens);
                tokens.Add(RandomCase("and", random));
                RenderOperand(between.High, random, tokens);
                break;
            default:
                throw new InvalidOperationException(expression.GetType().Name);
        }
        for (var i = 0; i < open; i++)
        {
            tokens.Add(")");
        }
    }

    private static string RenderColumn(string name, Random random)
    {
        if (!BareWord().IsMatch(name) || Reserved.Contains(name) || random.Next(4) == 0)
        {
            return "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }
        var twins = Columns.Count(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
        return twins == 1 ? RandomCase(name, random) : name;
    }

    private static void RenderOperand(FilterOperand operand, Random random, List<string> tokens)
    {
        switch (operand)
        {
            case ColumnReference column:
                tokens.Add(RenderColumn(column.Name, random));
                break;
            case StringLiteral s:
                tokens.Add(QuoteString(s.Value));
                break;
            case IntegerLiteral i:
                tokens.Add(WithLeadingZeros(i.Value.ToString(CultureInfo.InvariantCulture), random));
                break;
            case DecimalLiteral d:
                tokens.Add(WithLeadingZeros(d.ToSql(), random));
                break;
            case DoubleLiteral d:
                var text = d.Value.ToString("R", CultureInfo.InvariantCulture);
                if (!text.Contains('E', StringComparison.Ordinal))
                {
                    text += random.Next(2) == 0 ? "E0" : "e+00";
                }
                tokens.Add(random.Next(2) == 0 ? text : text.Replace('E', 'e'));
                break;
            case BooleanLiteral b:
                tokens.Add(RandomCase(b.Value ? "true" : "false", random));
                break;
            case TimestampLiteral t:
                tokens.Add(RandomCase("timestamp", random));
                tokens.Add("'" + RenderTimestamp(t.Value, random) + "'");
                break;
            case DateLiteral d:
                tokens.Add(RandomCase("date", random));
                tokens.Add("'" + d.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "'");
                break;
            case BinaryLiteral b when b.Value.Length > 0 && random.Next(3) > 0:
                var hex = Convert.ToHexString(b.Value.AsSpan());
                tokens.Add((random.Next(2) == 0 ? "0x" : "0X") + (random.Next(2) == 0 ? hex : hex.ToLowerInvariant()));
                break;
            case BinaryLiteral b:
                tokens.Add(RandomCase("blob", random));
                tokens.Add("'" + string.Concat(b.Value.Select(x => (random.Next(2) == 0 ? "\\x" : "\\X") + x.ToString(random.Next(2) == 0 ? "X2" : "x2", CultureInfo.InvariantCulture))) + "'");
                break;
            default:
                throw new InvalidOperationException(operand.GetType().Name);
        }
    }

    private static string RenderTimestamp(DateTime value, Random random)
    {
        var micros = value.Ticks % TimeSpan.TicksPerSecond / 10;
        if (micros == 0 && value.TimeOfDay == TimeSpan.Zero && random.Next(3) == 0)
        {
            return value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        // Sometimes write it in another zone: local time plus offset.
        var offset = TimeSpan.FromMinutes(random.Next(-14 * 60, 14 * 60 + 1));
        var local = value;
        var zone = random.Next(5) switch
        {
            0 => "",
            1 => " UTC",
            2 => "Z",
            3 => random.Next(2) == 0 ? "+00:00" : " +00",
            _ => "",
        };
        if (random.Next(4) == 0 && value.Ticks + offset.Ticks >= 0 && value.Ticks + offset.Ticks <= DateTime.MaxValue.Ticks)
        {
            local = value + offset;
            zone = (offset < TimeSpan.Zero ? "-" : "+") + offset.Duration().ToString(random.Next(2) == 0 ? @"hh\:mm" : "hhmm", CultureInfo.InvariantCulture);
        }
        var text = local.ToString(random.Next(2) == 0 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        if (micros != 0)
        {
            text += "." + micros.ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0');
        }
        else if (random.Next(3) == 0)
        {
            text += ".000";
        }
        return text + zone;
    }

    private static string WithLeadingZeros(string number, Random random)
    {
        if (random.Next(5) != 0)
        {
            return number;
        }
        return number.StartsWith('-') ? "-00" + number[1..] : "00" + number;
    }

    private static string QuoteString(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string RandomCase(string word, Random random) =>
        string.Concat(word.Select(c => random.Next(2) == 0 ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));
}
