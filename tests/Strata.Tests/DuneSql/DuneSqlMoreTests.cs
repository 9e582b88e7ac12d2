using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>Branch dunesql-more: Dune's base58/Tron/varchar utilities, Trino's JSON casts and big-endian conversions,
/// local readings of other time zones, IGNORE NULLS, legacy ARRAY&lt;T&gt; types, <c>offset</c> as a name, the empty
/// <c>0x</c>, and nested templates that stay linear. Each case is the documented example with its documented answer
/// where the docs give one (Dune's docs: base58.mdx, tronaddress.mdx, varchar-utility-functions.mdx, json.mdx,
/// datetime.mdx; Trino's window and conversion docs).</summary>
public sealed class DuneSqlMoreTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    [Theory]
    // base58.mdx
    [InlineData("SELECT from_base58('3DZBMRwnSU8f')", "0x030094357700000000")]
    [InlineData("SELECT bytearray_to_bigint(bytearray_reverse(bytearray_substring(from_base58('3DZBMRwnSU8f'), 2, 8)))", "2000000000")]
    [InlineData("SELECT to_base58(0x030094357700000000)", "3DZBMRwnSU8f")]
    [InlineData("SELECT to_base58(from_base58('11111111111111111111111111111111'))", "11111111111111111111111111111111")] // Solana's system program
    [InlineData("SELECT from_base58(NULL)", "NULL")]
    // tronaddress.mdx
    [InlineData("SELECT from_tron_address('THHRK1bA7YRPZBcLnTP1SZy9ipUpsRwpo6')", "0x503aa4ad108bd3a89ba0310e23b49fb654cd6986")]
    [InlineData("SELECT to_tron_address(0x503aa4ad108bd3a89ba0310e23b49fb654cd6986)", "THHRK1bA7YRPZBcLnTP1SZy9ipUpsRwpo6")]
    // varchar-utility-functions.mdx (the docs quote the function's name)
    [InlineData("SELECT \"initcap\"('hellO woRld')", "Hello World")]
    [InlineData("SELECT initcap('élan-vital 3rd')", "Élan-Vital 3rd")]
    [InlineData("SELECT initcap('')", "")]
    [InlineData("SELECT address_32_from_hex('0x1') = address_32_from_hex('0x01') AND address_32_from_hex('0x1') = address_32_from_hex('1') "
        + "AND address_32_from_hex('0x1') = 0x0000000000000000000000000000000000000000000000000000000000000001", "true")]
    // Trino's big-endian conversions
    [InlineData("SELECT from_big_endian_64(0x0000000000000001)", "1")]
    [InlineData("SELECT from_big_endian_64(0xffffffffffffffff)", "-1")]
    [InlineData("SELECT from_big_endian_32(0x80000000)", "-2147483648")]
    [InlineData("SELECT to_big_endian_64(1234)", "0x00000000000004d2")]
    [InlineData("SELECT to_big_endian_32(-1)", "0xffffffff")]
    // json.mdx: CAST(json AS varchar) gives the scalar's SQL value; CAST(varchar AS json) a JSON string
    [InlineData("SELECT CAST(JSON '\"abc\"' AS VARCHAR)", "abc")]
    [InlineData("SELECT CAST(JSON '42' AS VARCHAR)", "42")]
    [InlineData("SELECT CAST(JSON 'true' AS VARCHAR)", "true")]
    [InlineData("SELECT CAST(JSON 'null' AS VARCHAR)", "NULL")]
    [InlineData("SELECT CAST(json_extract('{\"name\": \"Uniswap V3\"}', '$.name') AS varchar)", "Uniswap V3")]
    [InlineData("SELECT TRY_CAST(JSON '[1, 2, 3]' AS VARCHAR)", "NULL")]
    [InlineData("SELECT json_format(CAST('abc' AS JSON))", "\"abc\"")]
    [InlineData("SELECT json_format(CAST(ARRAY[1, NULL, 456] AS JSON))", "[1,null,456]")]
    // Trino: CAST(timestamp(3) [with time zone] AS varchar), as Dune shows block_time and now()
    [InlineData("SELECT CAST(from_unixtime(1591804523.383) AS varchar)", "2020-06-10 15:55:23.383 UTC")]
    [InlineData("SELECT CAST(CAST(from_unixtime(1591804523.383) AS timestamp) AS varchar)", "2020-06-10 15:55:23.383")]
    [InlineData("SELECT CAST(DATE '2020-06-10' AS varchar)", "2020-06-10")]
    // Trino's array.mdx: array_histogram, ngrams
    [InlineData("SELECT element_at(array_histogram(ARRAY[42, 7, 42, NULL]), 42) * 10 + element_at(array_histogram(ARRAY[42, 7, 42, NULL]), 7)", "21")]
    [InlineData("SELECT cardinality(array_histogram(ARRAY[NULL, NULL]))", "0")]
    [InlineData("SELECT ngrams(ARRAY['foo', 'bar', 'baz', 'foo'], 2)", "[[foo, bar], [bar, baz], [baz, foo]]")]
    [InlineData("SELECT ngrams(ARRAY['foo', 'bar', 'baz', 'foo'], 5)", "[[foo, bar, baz, foo]]")]
    [InlineData("SELECT ngrams(ARRAY[1, 2, 3, 4], 2)", "[[1, 2], [2, 3], [3, 4]]")]
    public void Documented_example_gives_documented_answer(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    [InlineData("SELECT from_big_endian_32(0x0102)", "from_big_endian_32: expected 4-byte input, but got 2")]
    [InlineData("SELECT CAST(JSON '[1, 2, 3]' AS VARCHAR)", "Cannot cast '[1,2,3]' to varchar")]
    [InlineData("SELECT CAST(JSON '{\"a\": 1}' AS VARCHAR)", "Cannot cast '{\"a\":1}' to varchar")]
    [InlineData("SELECT from_tron_address('THHRK1bA7YRPZBcLnTP1SZy9ipUpsRwpo7')", "from_tron_address: the input is not a Tron address")]
    [InlineData("SELECT from_base58('0OIl')", "from_base58: the input is not base58 text")]
    [InlineData("SELECT to_tron_address(0x0102)", "to_tron_address: expected a 20-byte address, got 2 bytes")]
    [InlineData("SELECT address_32_from_hex('0xzz')", "address_32_from_hex: the input must be 1 to 64 hexadecimal digits")]
    public void Invalid_input_is_an_error_naming_the_function(string sql, string message)
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Base58_input_over_the_limit_is_refused()
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar($"SELECT from_base58(lpad('', {DuneBase58.MaxInputBytes + 1}, '2'))"));
        Assert.Contains($"over the limit of {DuneBase58.MaxInputBytes} bytes", e.Message, StringComparison.Ordinal);
    }

    /// <summary>datetime.mdx's values (2012-10-31 01:00 UTC is 2012-10-30 18:00 in Los Angeles; at_timezone of 09:08:07.321
    /// is 02:08:07.321 there with Dune's UTC session; with_timezone keeps 09:08:07.321) read where only the local date or time is used.</summary>
    [Theory]
    [InlineData("SELECT CAST(date(timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/Los_Angeles') AS varchar)", "2012-10-30")]
    [InlineData("SELECT hour(timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/Los_Angeles')", "18")]
    [InlineData("SELECT CAST(timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/Los_Angeles' AS timestamp)", "2012-10-30 18:00:00")]
    [InlineData("SELECT CAST(CAST(timestamp '2012-10-31 01:00' AT TIME ZONE 'America/Los_Angeles' AS date) AS varchar)", "2012-10-30")]
    [InlineData("SELECT CAST(CAST(date_trunc('day', timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/New_York') AS date) AS varchar)", "2012-10-30")]
    [InlineData("SELECT date_format(timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/Los_Angeles', '%Y-%m-%d %H:%i')", "2012-10-30 18:00")]
    [InlineData("SELECT extract(hour FROM timestamp '2012-10-31 01:00 UTC' AT TIME ZONE '+08:00')", "9")]
    [InlineData("SELECT day_of_week(timestamp '2024-01-01 02:00 UTC' AT TIME ZONE 'America/New_York')", "7")]
    // (datetime.mdx shows 06:08:07.321: its session zone was New York; on Dune the session zone is UTC, so 09:08 UTC is 02:08 PDT.)
    [InlineData("SELECT minute(at_timezone(TIMESTAMP '2022-11-01 09:08:07.321', 'America/Los_Angeles')) + 100 * hour(at_timezone(TIMESTAMP '2022-11-01 09:08:07.321', 'America/Los_Angeles'))", "208")]
    [InlineData("SELECT hour(with_timezone(TIMESTAMP '2022-11-01 09:08:07.321', 'America/Los_Angeles'))", "9")]
    // Daylight saving: New York is UTC-4 in July, UTC-5 in January.
    [InlineData("SELECT hour(timestamp '2024-07-01 12:00 UTC' AT TIME ZONE 'America/New_York') * 100 + hour(timestamp '2024-01-01 12:00 UTC' AT TIME ZONE 'America/New_York')", "807")]
    public void Another_zone_runs_where_only_its_local_date_or_time_is_read(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    // Shown or compared, another zone is a value of its own type (branch dune-zone, DuneSqlZoneTests).
    [InlineData("SELECT CAST(date_trunc('day', timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/New_York') AS varchar)", "2012-10-30 00:00:00.000 America/New_York")]
    [InlineData("SELECT hour(timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'America/New_York') FROM (VALUES 1) AS t(x) WHERE timestamp '2012-10-31 01:00 UTC' AT TIME ZONE 'Asia/Tokyo' < now()", "21")]
    [InlineData("SELECT hour(timestamp '2012-10-31 01:00 UTC' AT TIME ZONE '+05:30')", "6")]
    public void Another_zone_is_a_value_where_it_is_shown_or_compared(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    // Trino: lag/last_value … IGNORE NULLS OVER (…) (DuckDB writes the treatment inside the parentheses)
    [InlineData("SELECT string_agg(CAST(l AS varchar), ',' ORDER BY i) FROM (SELECT i, lag(x, 1) IGNORE NULLS OVER (ORDER BY i) AS l "
        + "FROM (VALUES (1, 10), (2, NULL), (3, 30), (4, 40)) AS t(i, x))", "10,10,30")]
    [InlineData("SELECT string_agg(CAST(l AS varchar), ',' ORDER BY i) FROM (SELECT i, last_value(x) IGNORE NULLS OVER (ORDER BY i) AS l "
        + "FROM (VALUES (1, 10), (2, NULL), (3, 30)) AS t(i, x))", "10,10,30")]
    // offset is not reserved in Trino (spellbook's ton_jetton_price_daily); the OFFSET clause still works.
    [InlineData("SELECT max(offset) + min_by(offset, offset) FROM UNNEST(ARRAY[0, 1, 2]) AS T(offset)", "2")]
    [InlineData("SELECT x FROM (VALUES 1, 2, 3) AS t(x) ORDER BY x OFFSET 2", "3")]
    // the bare 0x (spellbook's labels_dao_framework: `dao_wallet_address != 0x`) is the empty varbinary
    [InlineData("SELECT length(0x) = 0 AND 0x01 != 0x", "true")]
    // Trino's legacy ARRAY<T> (spellbook's fantasy events: CAST(NULL AS ARRAY<UINT256>))
    [InlineData("SELECT cardinality(CAST(ARRAY[1, 2] AS ARRAY<BIGINT>))", "2")]
    [InlineData("SELECT CAST(NULL AS ARRAY<UINT256>) IS NULL", "true")]
    public void Trino_syntax_runs(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    /// <summary>Spellbook's governance_optimism_snapshot_proposals nests 20 casts to varchar: each template used its
    /// argument several times, so the text grew as n^20 and the translation ran out of memory.</summary>
    [Fact]
    public void Nested_templates_translate_to_text_linear_in_their_depth()
    {
        string sql = "' - '";
        for (int i = 0; i < 20; i++)
        {
            sql = $"COALESCE(TRY_CAST({sql} AS VARCHAR), '')";
        }
        sql = "SELECT CAST(" + sql + " AS VARCHAR)";
        // Linear, not n^20: about 1,840 characters a level (36,761 for 20) since 316's bound on an array's text added
        // its branch to the cast.
        Assert.InRange(DuneSqlTranslator.Translate(sql).Sql.Length, 0, sql.Length * 60);
        Assert.Equal(" - ", db.Scalar(sql));
        Assert.Equal("57", db.Scalar("SELECT substr(CAST(sum(x) AS varchar), 1, 2) FROM (VALUES 123, 456) AS t(x)"));
    }
}
