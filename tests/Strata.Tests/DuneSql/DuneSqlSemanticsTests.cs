using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>Documented examples from Dune's and Trino's function reference, with their documented answers.</summary>
public sealed class DuneSqlSemanticsTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    [Theory]
    // Dune varbinary.mdx
    [InlineData("SELECT varbinary_length(0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2)", "20")]
    [InlineData("SELECT varbinary_ltrim(0x000000000000000000000000a2b80f9c09558945800ddf4f8786dcc8b1c44974)", "0xa2b80f9c09558945800ddf4f8786dcc8b1c44974")]
    [InlineData("SELECT varbinary_rtrim(0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc20000)", "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2")]
    [InlineData("SELECT varbinary_concat(0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2, 0x00)", "0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc200")]
    [InlineData("SELECT varbinary_reverse(0xc02aaa39)", "0x39aa2ac0")]
    [InlineData("SELECT varbinary_starts_with(0x3d13f874abcd, 0x3d13f874)", "true")]
    [InlineData("SELECT varbinary_substring(0xc02aaa39b223fe8d, 3, 2)", "0xaa39")]
    [InlineData("SELECT bytearray_substring(0xc02aaa39b223fe8d, 1, 4)", "0xc02aaa39")]
    [InlineData("SELECT from_hex('0xabcd')", "0xabcd")]
    [InlineData("SELECT from_utf8(0x48656c6c6f)", "Hello")]
    // Trino binary functions
    [InlineData("SELECT to_hex(from_hex('AbCd'))", "abcd")]
    [InlineData("SELECT to_hex(from_hex('0x00fF'))", "00ff")]
    [InlineData("SELECT to_hex(from_hex(h)) FROM (VALUES '0xab12') t(h)", "ab12")]
    [InlineData("SELECT from_hex('') = 0x", "true")]
    [InlineData("SELECT from_hex(CAST(NULL AS varchar)) IS NULL", "true")]
    [InlineData("SELECT to_hex(X'00FF')", "00ff")]
    [InlineData("SELECT length(0x00ff10)", "3")]
    [InlineData("SELECT length('héllo')", "5")]
    [InlineData("SELECT CAST(0xc02aaa39 AS varchar)", "0xc02aaa39")]
    [InlineData("SELECT CAST(42 AS varchar(10))", "42")]
    [InlineData("SELECT 0xabc", "0x0abc")]
    // Trino arithmetic: integer division truncates toward zero; modulo keeps the dividend's sign
    [InlineData("SELECT 7 / 2", "3")]
    [InlineData("SELECT -7 / 2", "-3")]
    [InlineData("SELECT -7 % 3", "-1")]
    [InlineData("SELECT 7.0 / 2", "3.5")]
    // Trino date and time functions
    [InlineData("SELECT date_add('day', 7, TIMESTAMP '2024-01-01 00:00:00')", "2024-01-08 00:00:00")]
    [InlineData("SELECT date_add('month', 1, TIMESTAMP '2024-01-31 00:00:00')", "2024-02-29 00:00:00")]
    [InlineData("SELECT date_diff('day', TIMESTAMP '2024-01-01 10:00:00', TIMESTAMP '2024-01-03 09:00:00')", "1")]
    [InlineData("SELECT date_trunc('month', TIMESTAMP '2024-03-05 12:00:00')", "2024-03-01 00:00:00")]
    [InlineData("SELECT from_unixtime(1700000000)", "2023-11-14 22:13:20")]
    [InlineData("SELECT to_unixtime(TIMESTAMP '2024-01-01 00:00:00')", "1704067200")]
    [InlineData("SELECT TIMESTAMP '2024-01-01 00:00:00' + interval '7' day", "2024-01-08 00:00:00")]
    [InlineData("SELECT day_of_week(DATE '2024-01-07')", "7")]
    [InlineData("SELECT date_format(TIMESTAMP '2024-01-02 03:04:05', '%Y-%m-%d %H:%i:%s')", "2024-01-02 03:04:05")]
    [InlineData("SELECT date_parse('2024-01-02 03:04', '%Y-%m-%d %H:%i')", "2024-01-02 03:04:00")]
    // Trino array, map and lambda functions (lambda.mdx / array.mdx examples)
    [InlineData("SELECT cardinality(ARRAY[1, 2, 3])", "3")]
    [InlineData("SELECT element_at(ARRAY[1, 2, 3], 2)", "2")]
    [InlineData("SELECT element_at(ARRAY[1, 2, 3], -1)", "3")]
    [InlineData("SELECT transform(ARRAY[5, 6], x -> x + 1)", "[6, 7]")]
    [InlineData("SELECT filter(ARRAY[5, -6, NULL, 7], x -> x > 0)", "[5, 7]")]
    [InlineData("SELECT reduce(ARRAY[5, 20, 50], 0, (s, x) -> s + x, s -> s)", "75")]
    [InlineData("SELECT reduce(ARRAY[5, 6, 10, 20], 0, (s, x) -> s + x, s -> s * 2)", "82")]
    [InlineData("SELECT any_match(ARRAY[1, 2, 3], x -> x > 2)", "true")]
    [InlineData("SELECT all_match(ARRAY[1, 2, 3], x -> x > 2)", "false")]
    [InlineData("SELECT none_match(ARRAY[1, 2, 3], x -> x > 5)", "true")]
    [InlineData("SELECT sequence(1, 5)", "[1, 2, 3, 4, 5]")]
    [InlineData("SELECT sequence(1, 5, 2)", "[1, 3, 5]")]
    [InlineData("SELECT contains(ARRAY[1, 2], 2)", "true")]
    [InlineData("SELECT array_max(ARRAY[1, 9, 3])", "9")]
    // Aggregates
    [InlineData("SELECT count_if(x > 5) FROM (VALUES (1), (6), (7)) AS t(x)", "2")]
    [InlineData("SELECT approx_distinct(x) FROM (VALUES (1), (1), (2)) AS t(x)", "2")]
    [InlineData("SELECT arbitrary(x) FROM (VALUES (4)) AS t(x)", "4")]
    [InlineData("SELECT bool_and(x > 0), bool_or(x > 3) FROM (VALUES (1), (4)) AS t(x)", "true")]
    [InlineData("SELECT every(x > 0) FROM (VALUES (1), (4)) AS t(x)", "true")]
    // Strings and formatting
    [InlineData("SELECT format('%,.2f', 1234567.891)", "1,234,567.89")]
    [InlineData("SELECT format('%s has %d items', 'cart', 3)", "cart has 3 items")]
    [InlineData("SELECT regexp_like('1a 2b 14m', '\\d+b')", "true")]
    [InlineData("SELECT regexp_replace('1a 2b 14m', '\\d+[ab] ')", "14m")]
    [InlineData("SELECT json_extract_scalar('{\"a\": {\"b\": 7}}', '$.a.b')", "7")]
    [InlineData("SELECT try(1 / 0)", "NULL")]
    // Dune chain utilities (chain-utility-functions.mdx)
    [InlineData("SELECT get_href('https://dune.com', 'Dune')", "<a href=\"https://dune.com\" target =\"_blank\">Dune</a>")]
    [InlineData("SELECT get_chain_explorer('ethereum')", "https://etherscan.io")]
    [InlineData("SELECT get_chain_explorer_address('ethereum', 0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2)", "https://etherscan.io/address/0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2")]
    [InlineData("SELECT get_chain_explorer_tx_hash('ethereum', '0xabc')", "https://etherscan.io/tx/0xabc")]
    // uint256 / int256 casts
    [InlineData("SELECT CAST('115792089237316195423570985008687907853269984665640564039457584007913129639935' AS uint256)", "115792089237316195423570985008687907853269984665640564039457584007913129639935")]
    [InlineData("SELECT uint256 '5' + uint256 '7'", "12")]
    [InlineData("SELECT CAST(-5 AS int256)", "-5")]
    public void Documented_example_gives_documented_answer(string sql, string expected) =>
        Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    [InlineData("SELECT CAST(-1 AS uint256)", "uint256")]
    [InlineData("SELECT CAST('115792089237316195423570985008687907853269984665640564039457584007913129639936' AS uint256)", "uint256")]
    public void Out_of_range_uint256_is_an_error_not_a_value(string sql, string word)
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        Assert.Contains(word, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void To_is_a_plain_column_name_as_in_Trino()
    {
        using var t = new DuneSqlDb("CREATE TABLE tx (\"to\" BLOB, \"from\" BLOB, value BIGINT); INSERT INTO tx VALUES ('\\xAB'::BLOB, '\\x01'::BLOB, 5);");
        Assert.Equal("0xab", t.Scalar("SELECT to FROM tx WHERE to = 0xab AND \"from\" = 0x01"));
        Assert.Equal("0xab", t.Scalar("SELECT t.to FROM tx t"));
        Assert.Equal("1", t.Scalar("SELECT count(*) FROM tx GROUP BY to"));
    }

    [Fact]
    public void DuckDb_statements_that_start_with_a_reserved_word_still_run()
    {
        Assert.Equal("a", db.Scalar("summarize select 1 as a"));
        Assert.Equal("a", db.Scalar("select * from (summarize select 1 as a)"));
    }

    [Fact]
    public void Error_positions_in_translated_text_map_to_the_users_text()
    {
        // The 0x literal grows in translation; the unknown column after it must keep its own place.
        var translation = DuneSqlTranslator.Translate("SELECT 0xabcdef,\n  nope FROM t");
        int translated = translation.Sql.IndexOf("nope", StringComparison.Ordinal);
        Assert.Equal("SELECT 0xabcdef,\n  nope FROM t".IndexOf("nope", StringComparison.Ordinal), translation.ToUserOffset(translated));
        var mapped = translation.MapBack(new Strata.Core.Executions.ExecutionError("x", "m", 2, translated - translation.Sql.IndexOf('\n', StringComparison.Ordinal)));
        Assert.Equal((2, 3), (mapped.Line, mapped.Column));
    }

    [Fact]
    public void Strings_comments_and_quoted_names_are_not_rewritten()
    {
        string sql = "SELECT '0xab to it''s', \"to\" /* 0xff to */ -- 0x12 to\nFROM t";
        Assert.Equal(sql, DuneSqlTranslator.Translate(sql).Sql);
    }

    [Fact]
    public void Unsupported_function_is_refused_naming_it_at_its_position()
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate("SELECT 1,\n  make_set_digest(a) FROM t"));
        Assert.Contains("make_set_digest", e.Error.Message, StringComparison.Ordinal);
        Assert.Equal(2, e.Error.Line);
        Assert.Equal(3, e.Error.Column);
    }
}
