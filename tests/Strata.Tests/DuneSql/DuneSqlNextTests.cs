using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>Branch dunesql-next: Trino's SQL/JSON constructors, zip, combinations, multimap_from_entries, map_zip_with,
/// current_timestamp(p), from_iso8601_date's week and ordinal dates, parse_duration, format's argument indexes and date
/// conversions, and U&amp;'…' literals. Each case is the documented example with its documented answer (Dune's json.mdx,
/// array.mdx, map.mdx, datetime.mdx, conversion.mdx, string.mdx; Java's Formatter for format), plus NULL and bad input.</summary>
public sealed class DuneSqlNextTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    [Theory]
    // json.mdx: json_array
    [InlineData("SELECT json_array(true, 12e-1, 'text')", "[true,1.2,\"text\"]")]
    [InlineData("SELECT json_array(true, null, 1)", "[true,1]")]
    [InlineData("SELECT json_array(true, null, 1 ABSENT ON NULL)", "[true,1]")]
    [InlineData("SELECT json_array(true, null, 1 NULL ON NULL)", "[true,null,1]")]
    [InlineData("SELECT json_array(true, 1 RETURNING VARCHAR(100))", "[true,1]")]
    [InlineData("SELECT json_array(true, 1 RETURNING VARBINARY)", "0x5b747275652c315d")]
    [InlineData("SELECT json_array(true, 1 RETURNING VARBINARY FORMAT JSON ENCODING UTF8)", "0x5b747275652c315d")]
    [InlineData("SELECT json_array(true, 1 RETURNING VARBINARY FORMAT JSON ENCODING UTF16)", "0x5b0074007200750065002c0031005d00")]
    [InlineData("SELECT json_array(true, 1 RETURNING VARBINARY FORMAT JSON ENCODING UTF32)", "0x5b000000740000007200000075000000650000002c000000310000005d000000")]
    [InlineData("SELECT json_array('\U0001F600' RETURNING VARBINARY FORMAT JSON ENCODING UTF16)", "0x5b0022003dd800de22005d00")] // a surrogate pair
    [InlineData("SELECT json_array('[  \"text\"  ]' FORMAT JSON)", "[[\"text\"]]")]
    [InlineData("SELECT json_array(json_query('{\"key\" : [  \"value\"  ]}', 'lax $.key'))", "[[\"value\"]]")]
    [InlineData("SELECT json_array(DATE '2001-01-31', UUID '12151fd2-7586-11e9-8f9e-2a86e4085a59')", "[\"2001-01-31\",\"12151fd2-7586-11e9-8f9e-2a86e4085a59\"]")]
    [InlineData("SELECT json_array()", "[]")]
    [InlineData("SELECT json_array(NULL)", "[]")]
    [InlineData("SELECT json_array('a\"b', 0x0102)", "[\"a\\\"b\",\"0x0102\"]")] // varbinary cast to varchar, as Dune writes it
    // json.mdx: json_object
    [InlineData("SELECT json_object('key1' : 1, 'key2' : true)", "{\"key1\":1,\"key2\":true}")]
    [InlineData("SELECT json_object(KEY 'key1' VALUE 1, KEY 'key2' VALUE true)", "{\"key1\":1,\"key2\":true}")]
    [InlineData("SELECT json_object('key1' VALUE 1, 'key2' VALUE true)", "{\"key1\":1,\"key2\":true}")]
    [InlineData("SELECT json_object('x' : true, 'y' : 12e-1, 'z' : 'text')", "{\"x\":true,\"y\":1.2,\"z\":\"text\"}")]
    [InlineData("SELECT json_object('x' : '[  \"text\"  ] ' FORMAT JSON)", "{\"x\":[\"text\"]}")]
    [InlineData("SELECT json_object('x' : json_query('{\"key\" : [  \"value\"  ]}', 'lax $.key'))", "{\"x\":[\"value\"]}")]
    [InlineData("SELECT json_object('x' : DATE '2001-01-31', 'y' : UUID '12151fd2-7586-11e9-8f9e-2a86e4085a59')", "{\"x\":\"2001-01-31\",\"y\":\"12151fd2-7586-11e9-8f9e-2a86e4085a59\"}")]
    [InlineData("SELECT json_object()", "{}")]
    [InlineData("SELECT json_object('x' : null, 'y' : 1)", "{\"x\":null,\"y\":1}")]
    [InlineData("SELECT json_object('x' : null, 'y' : 1 NULL ON NULL)", "{\"x\":null,\"y\":1}")]
    [InlineData("SELECT json_object('x' : null, 'y' : 1 ABSENT ON NULL)", "{\"y\":1}")]
    [InlineData("SELECT json_object('x' : 1 RETURNING VARCHAR(100))", "{\"x\":1}")]
    [InlineData("SELECT json_object('x' : 1 RETURNING VARBINARY)", "0x7b2278223a317d")]
    [InlineData("SELECT json_object('x' : 1 RETURNING VARBINARY FORMAT JSON ENCODING UTF16)", "0x7b002200780022003a0031007d00")]
    [InlineData("SELECT json_object('x' : 1 RETURNING VARBINARY FORMAT JSON ENCODING UTF32)", "0x7b0000002200000078000000220000003a000000310000007d000000")]
    [InlineData("SELECT json_object('x' : 1 WITH UNIQUE KEYS)", "{\"x\":1}")]
    [InlineData("SELECT json_object('a\"' : json_array(1, json_object('b' : 2)))", "{\"a\\\"\":[1,{\"b\":2}]}")]
    public void Json_constructors_give_the_documented_text(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    [InlineData("SELECT json_object('x' : null, 'x' : 1 WITH UNIQUE KEYS)", "duplicate key passed to JSON_OBJECT function")]
    [InlineData("SELECT json_object('x' : null, 'x' : 1)", "duplicate key passed to JSON_OBJECT function")] // WITHOUT UNIQUE KEYS: unsupported in Trino
    [InlineData("SELECT json_object(CAST(NULL AS varchar) : 1)", "JSON_OBJECT: a key is NULL")]
    [InlineData("SELECT json_array(ARRAY[1])", "cannot be converted to JSON")]
    [InlineData("SELECT json_array('not json' FORMAT JSON)", "Malformed JSON")]
    public void Json_constructors_fail_on_bad_input(string sql, string message)
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT json_array(1 RETURNING bigint)", "RETURNING bigint is not supported")]
    [InlineData("SELECT json_object('x' : 1 RETURNING varchar FORMAT yaml)", "only FORMAT JSON is supported")]
    [InlineData("SELECT json_object('x' 1)", "an entry is written key : value")]
    [InlineData("SELECT json_object('x' : X'5B0035005D00' FORMAT JSON ENCODING UTF16)", "only ENCODING UTF8 is supported for a value")]
    public void Json_constructor_forms_not_supported_are_refused_naming_the_function(string sql, string message)
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Contains(message, e.Error.Message, StringComparison.Ordinal);
        Assert.Contains("json_", e.Error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // array.mdx: zip pads the shorter array with NULLs
    [InlineData("SELECT cardinality(zip(ARRAY[1, 2], ARRAY['1b', null, '3b']))", "3")]
    [InlineData("SELECT zip(ARRAY[1, 2], ARRAY['1b', null, '3b'])[2][1]", "2")]
    [InlineData("SELECT zip(ARRAY[1, 2], ARRAY['1b', null, '3b'])[2][2]", "NULL")]
    [InlineData("SELECT zip(ARRAY[1, 2], ARRAY['1b', null, '3b'])[3][1]", "NULL")]
    [InlineData("SELECT zip(ARRAY[1, 2], ARRAY['1b', null, '3b'])[3][2]", "3b")]
    [InlineData("SELECT zip(ARRAY[1], ARRAY[2], ARRAY[3])[1][3]", "3")]
    [InlineData("SELECT zip(ARRAY[1], NULL) IS NULL", "true")]
    // array.mdx: combinations
    [InlineData("SELECT combinations(ARRAY['foo', 'bar', 'baz'], 2)", "[[foo, bar], [foo, baz], [bar, baz]]")]
    [InlineData("SELECT combinations(ARRAY[1, 2, 3], 2)", "[[1, 2], [1, 3], [2, 3]]")]
    [InlineData("SELECT combinations(ARRAY[1, 2, 2], 2)", "[[1, 2], [1, 2], [2, 2]]")]
    [InlineData("SELECT combinations(ARRAY[1, 2, 3, 4], 3)", "[[1, 2, 3], [1, 2, 4], [1, 3, 4], [2, 3, 4]]")]
    [InlineData("SELECT combinations(ARRAY[1, 2, 3, 4, 5, 6], 5)", "[[1, 2, 3, 4, 5], [1, 2, 3, 4, 6], [1, 2, 3, 5, 6], [1, 2, 4, 5, 6], [1, 3, 4, 5, 6], [2, 3, 4, 5, 6]]")]
    [InlineData("SELECT combinations(ARRAY[1, 2], 0)", "[[]]")]
    [InlineData("SELECT combinations(ARRAY[1, 2], 3)", "[]")]
    [InlineData("SELECT array_agg(combinations(a, 2) IS NULL) FROM (VALUES (CAST(NULL AS ARRAY(INTEGER))), (ARRAY[1, 2])) t(a)", "[true, false]")]
    // map.mdx: multimap_from_entries and map_zip_with
    [InlineData("SELECT element_at(multimap_from_entries(ARRAY[(1, 'x'), (2, 'y'), (1, 'z')]), 1)", "[x, z]")]
    [InlineData("SELECT element_at(multimap_from_entries(ARRAY[(1, 'x'), (2, 'y'), (1, 'z')]), 2)", "[y]")]
    [InlineData("SELECT cardinality(multimap_from_entries(ARRAY[(1, 'x'), (2, 'y'), (1, 'z')]))", "2")]
    [InlineData("SELECT element_at(map_zip_with(MAP(ARRAY[1, 2, 3], ARRAY['a', 'b', 'c']), MAP(ARRAY[1, 2, 3], ARRAY['d', 'e', 'f']), (k, v1, v2) -> concat(v1, v2)), 2)", "be")]
    [InlineData("SELECT element_at(map_zip_with(MAP(ARRAY['k1', 'k2'], ARRAY[1, 2]), MAP(ARRAY['k2', 'k3'], ARRAY[4, 9]), (k, v1, v2) -> (v1, v2)), 'k1')[2]", "NULL")]
    [InlineData("SELECT element_at(map_zip_with(MAP(ARRAY['k1', 'k2'], ARRAY[1, 2]), MAP(ARRAY['k2', 'k3'], ARRAY[4, 9]), (k, v1, v2) -> (v1, v2)), 'k3')[2]", "9")]
    [InlineData("SELECT cardinality(map_zip_with(MAP(ARRAY['k1', 'k2'], ARRAY[1, 2]), MAP(ARRAY['k2', 'k3'], ARRAY[4, 9]), (k, v1, v2) -> (v1, v2)))", "3")]
    [InlineData("SELECT element_at(map_zip_with(MAP(ARRAY['a', 'b', 'c'], ARRAY[1, 8, 27]), MAP(ARRAY['a', 'b', 'c'], ARRAY[1, 2, 3]), (k, v1, v2) -> k || CAST(v1 / v2 AS VARCHAR)), 'c')", "c9")]
    [InlineData("SELECT map_zip_with(NULL, MAP(ARRAY[1], ARRAY[1]), (k, v1, v2) -> v1) IS NULL", "true")]
    public void Array_and_map_functions_give_the_documented_answers(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    [InlineData("SELECT combinations(ARRAY[1, 2, 3, 4, 5, 6], 6)", "combination size must not exceed 5: 6")]
    [InlineData("SELECT combinations(ARRAY[1, 2], -1)", "combination size must not be negative: -1")]
    [InlineData("SELECT multimap_from_entries(ARRAY[(NULL, 'x')])", "map key cannot be null")]
    [InlineData("SELECT from_iso8601_date('2021-W53')", "Invalid format: \"2021-W53\"")] // 2021 has 52 ISO weeks
    [InlineData("SELECT from_iso8601_date('2020-13-01')", "Invalid format: \"2020-13-01\"")]
    [InlineData("SELECT from_iso8601_date('2021-366')", "Invalid format: \"2021-366\"")]
    [InlineData("SELECT from_iso8601_date('2020-05-11x')", "Invalid format: \"2020-05-11x\"")]
    [InlineData("SELECT parse_duration('5 weeks')", "duration is not a valid data duration string: 5 weeks")]
    [InlineData("SELECT parse_duration('ms')", "duration is not a valid data duration string: ms")]
    [InlineData("SELECT current_timestamp(13)", "TIMESTAMP precision must be in range [0, 12]: 13")]
    public void Bad_input_is_an_error_naming_the_problem(string sql, string message)
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    // datetime.mdx
    [InlineData("SELECT CAST(from_iso8601_date('2020-05-11') AS varchar)", "2020-05-11")]
    [InlineData("SELECT CAST(from_iso8601_date('2020-W10') AS varchar)", "2020-03-02")]
    [InlineData("SELECT CAST(from_iso8601_date('2020-123') AS varchar)", "2020-05-02")]
    [InlineData("SELECT CAST(from_iso8601_date('2020-W10-3') AS varchar)", "2020-03-04")]
    [InlineData("SELECT CAST(from_iso8601_date('2021-W01') AS varchar)", "2021-01-04")] // week 1 holds January 4th
    [InlineData("SELECT CAST(from_iso8601_date('2020-W53-7') AS varchar)", "2021-01-03")]
    [InlineData("SELECT CAST(from_iso8601_date('2020-366') AS varchar)", "2020-12-31")]
    [InlineData("SELECT CAST(from_iso8601_date('2020') AS varchar)", "2020-01-01")]
    [InlineData("SELECT CAST(from_iso8601_date('2020-02') AS varchar)", "2020-02-01")]
    [InlineData("SELECT from_iso8601_date(NULL)", "NULL")]
    [InlineData("SELECT to_milliseconds(parse_duration('42.8ms'))", "43")]
    [InlineData("SELECT to_milliseconds(parse_duration('3.81 d'))", "329184000")] // 3 19:26:24.000
    [InlineData("SELECT to_milliseconds(parse_duration('5m'))", "300000")]
    [InlineData("SELECT to_milliseconds(parse_duration(' 1 h '))", "3600000")]
    [InlineData("SELECT to_milliseconds(parse_duration('1500us'))", "2")]
    [InlineData("SELECT parse_duration(NULL)", "NULL")]
    [InlineData("SELECT millisecond(current_timestamp(0)) = 0 AND current_timestamp(0) <= now() AND now() - current_timestamp(0) < INTERVAL '1' second", "true")]
    [InlineData("SELECT current_timestamp(6) <= now() AND now() - current_timestamp(6) < INTERVAL '1' second", "true")]
    [InlineData("SELECT millisecond(localtimestamp(0))", "0")]
    // Trino's millisecond is the millisecond of the second (DuckDB's counts the seconds too)
    [InlineData("SELECT millisecond(TIMESTAMP '2020-01-01 10:11:12.345')", "345")]
    [InlineData("SELECT millisecond(CAST(NULL AS timestamp))", "NULL")]
    // conversion.mdx: format (Java's Formatter)
    [InlineData("SELECT format('%s%%', 123)", "123%")]
    [InlineData("SELECT format('%.5f', pi())", "3.14159")]
    [InlineData("SELECT format('%03d', 8)", "008")]
    [InlineData("SELECT format('%,.2f', 1234567.89)", "1,234,567.89")]
    [InlineData("SELECT format('%-7s,%7s', 'hello', 'world')", "hello  ,  world")]
    [InlineData("SELECT format('%2$s %3$s %1$s', 'a', 'b', 'c')", "b c a")]
    [InlineData("SELECT format('%1$tA, %1$tB %1$te, %1$tY', date '2006-07-04')", "Tuesday, July 4, 2006")]
    [InlineData("SELECT format('%s %<s %s', 'a', 'b')", "a a b")]
    [InlineData("SELECT format('%2$s %s %s', 'a', 'b')", "b a b")] // ordinary conversions count on their own
    [InlineData("SELECT format('%1$tH:%1$tM %1$tp %1$Tp %1$tF', TIMESTAMP '2020-01-01 13:05:00')", "13:05 pm PM 2020-01-01")]
    // string.mdx: U&'…'
    [InlineData("SELECT translate('abcd', 'b', U&'\\+01F600')", "a\U0001F600cd")]
    [InlineData("SELECT U&'\\0041\\\\B'", "A\\B")]
    [InlineData("SELECT U&'#0041##' UESCAPE '#'", "A#")]
    [InlineData("SELECT u&'it''s'", "it's")]
    public void Time_format_and_literal_functions_give_the_documented_answers(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    [InlineData("SELECT format('%3$s', 'a')", "out of range")]
    [InlineData("SELECT format('%2$tA', DATE '2020-01-01')", "names an argument that is not given")]
    [InlineData("SELECT format('%tQ', DATE '2020-01-01')", "format conversion %tQ is not supported")]
    [InlineData("SELECT U&'\\00'", "Invalid Unicode escape")]
    [InlineData("SELECT U&'\\D800'", "Invalid Unicode escape")]
    public void Bad_formats_and_literals_are_refused(string sql, string message)
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    // array.mdx: reduce's state may have another type than the elements
    [InlineData("SELECT reduce(ARRAY[], 0, (s, x) -> s + x, s -> s)", "0")]
    [InlineData("SELECT reduce(ARRAY[5, 20, 50], 0, (s, x) -> s + x, s -> s)", "75")]
    [InlineData("SELECT reduce(ARRAY[5, 20, NULL, 50], 0, (s, x) -> s + x, s -> s)", "NULL")]
    [InlineData("SELECT reduce(ARRAY[5, 20, NULL, 50], 0, (s, x) -> s + coalesce(x, 0), s -> s)", "75")]
    [InlineData("SELECT reduce(ARRAY[5, 20, NULL, 50], 0, (s, x) -> IF(x IS NULL, s, s + x), s -> s)", "75")]
    [InlineData("SELECT reduce(ARRAY[2147483647, 1], BIGINT '0', (s, x) -> s + x, s -> s)", "2147483648")]
    [InlineData("SELECT reduce(ARRAY[5, 6, 10, 20], CAST(ROW(0.0, 0) AS ROW(sum DOUBLE, count INTEGER)), "
        + "(s, x) -> CAST(ROW(x + s.sum, s.count + 1) AS ROW(sum DOUBLE, count INTEGER)), s -> IF(s.count = 0, NULL, s.sum / s.count))", "10.25")]
    [InlineData("SELECT reduce(ARRAY['a', 'b', 'c'], 0, (s, x) -> s + length(x), s -> s * 10)", "30")]
    [InlineData("SELECT array_agg(coalesce(reduce(a, 0, (s, x) -> s + x, s -> s), -1)) FROM (VALUES (ARRAY[1, 2]), (NULL)) t(a)", "[3, -1]")]
    // json.mdx: a JSON array casts to a row field by field; an object by name
    [InlineData("SELECT CAST(JSON '[123,\"abc\",true]' AS ROW(v1 BIGINT, v2 VARCHAR, v3 BOOLEAN)).v2", "abc")]
    [InlineData("SELECT CAST(JSON '[123,\"abc\",true]' AS ROW(v1 BIGINT, v2 VARCHAR, v3 BOOLEAN)).v1", "123")]
    [InlineData("SELECT CAST(JSON '{\"v1\":123,\"v2\":\"abc\",\"v3\":true}' AS ROW(v1 BIGINT, v2 VARCHAR, v3 BOOLEAN)).v3", "true")]
    [InlineData("SELECT CAST(json_parse('[[1,2],\"q\"]') AS ROW(a ARRAY(INTEGER), b VARCHAR)).a", "[1, 2]")]
    [InlineData("SELECT TRY_CAST(JSON '[123,\"abc\"]' AS ROW(v1 BIGINT, v2 VARCHAR, v3 BOOLEAN)) IS NULL", "true")]
    [InlineData("SELECT CAST(ROW(1, 'a') AS ROW(x BIGINT, y VARCHAR)).y", "a")]
    // ss58.mdx and tonaddress.mdx
    [InlineData("SELECT from_ss58('1qnJN7FViy3HZaxZK9tGAA71zxHSBeUweirKqCaox4t8GT7')", "0x2534454d30f8a028e42654d6b535e0651d1d026ddf115cef59ae1dd71bae074e")]
    [InlineData("SELECT to_ss58('0x2534454d30f8a028e42654d6b535e0651d1d026ddf115cef59ae1dd71bae074e', 2)", "DR6pMC4GJiVbgPtNNuw1xgxJyEsYYuXKXq7ZCVBjfFrh3V5")]
    [InlineData("SELECT to_ss58(0x2534454d30f8a028e42654d6b535e0651d1d026ddf115cef59ae1dd71bae074e, 0)", "1qnJN7FViy3HZaxZK9tGAA71zxHSBeUweirKqCaox4t8GT7")]
    [InlineData("SELECT from_ss58(to_ss58(0x2534454d30f8a028e42654d6b535e0651d1d026ddf115cef59ae1dd71bae074e, 1000))", "0x2534454d30f8a028e42654d6b535e0651d1d026ddf115cef59ae1dd71bae074e")] // a 2-byte type
    [InlineData("SELECT from_ss58(NULL)", "NULL")]
    [InlineData("SELECT ton_address_raw_to_user_friendly('0:ca6e321c7cce9ecedf0a8ca2492ec8592494aa5fb5ce0387dff96ef6af982a3e', true)", "EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPrHF")]
    [InlineData("SELECT ton_address_raw_to_user_friendly('0:ca6e321c7cce9ecedf0a8ca2492ec8592494aa5fb5ce0387dff96ef6af982a3e', false)", "UQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPuwA")]
    [InlineData("SELECT ton_address_raw_to_user_friendly('0:ca6e321c7cce9ecedf0a8ca2492ec8592494aa5fb5ce0387dff96ef6af982a3e')", "EQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPrHF")]
    [InlineData("SELECT ton_address_user_friendly_to_raw('UQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPuwA')", "0:ca6e321c7cce9ecedf0a8ca2492ec8592494aa5fb5ce0387dff96ef6af982a3e")]
    [InlineData("SELECT ton_address_user_friendly_to_raw(ton_address_raw_to_user_friendly('-1:fcb91a3a3816d0f7b8c2c76108b8a9bc5a6b7a55bd79f8ab101c52db29232260'))", "-1:fcb91a3a3816d0f7b8c2c76108b8a9bc5a6b7a55bd79f8ab101c52db29232260")]
    [InlineData("SELECT ton_address_raw_to_user_friendly('0:ca6e321c7cce9ecedf0a8ca2492ec8592494aa5fb5ce0387dff96ef6af982a3e', NULL)", "NULL")]
    public void Reduce_row_casts_and_chain_addresses_give_the_documented_answers(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Theory]
    [InlineData("SELECT CAST(JSON '[123,\"abc\"]' AS ROW(v1 BIGINT, v2 VARCHAR, v3 BOOLEAN))", "Cannot cast a JSON array of 2 elements to a row of 3 fields")]
    [InlineData("SELECT from_ss58('1qnJN7FViy3HZaxZK9tGAA71zxHSBeUweirKqCaox4t8GT8')", "from_ss58: the checksum does not match")]
    [InlineData("SELECT from_ss58('0OIl')", "from_ss58: the input is not an SS58 address")]
    [InlineData("SELECT to_ss58(0x010203, 2)", "to_ss58: an address is 1, 2, 4, 8, 32 or 33 bytes, got 3")]
    [InlineData("SELECT to_ss58(0x01, 16384)", "to_ss58: the address type must be 0 to 16383, got 16384")]
    [InlineData("SELECT ton_address_user_friendly_to_raw('UQDKbjIcfM6ezt8KjKJJLshZJJSqX7XOA4ff-W72r5gqPuwB')", "ton_address_user_friendly_to_raw: the input is not a user-friendly TON address")]
    [InlineData("SELECT ton_address_raw_to_user_friendly('0:ca6e', true)", "ton_address_raw_to_user_friendly: a raw address is <workchain>:<64 hex digits>")]
    [InlineData("SELECT ton_address_raw_to_user_friendly('300:ca6e321c7cce9ecedf0a8ca2492ec8592494aa5fb5ce0387dff96ef6af982a3e', true)", "a raw address is")]
    public void Bad_rows_and_addresses_are_errors_naming_the_function(string sql, string message)
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    // json.mdx: json_extract_scalar gives a scalar's value, NULL for an object or array; Trino's JSONPath keys in brackets
    [InlineData("SELECT json_extract_scalar('{\"a\":{\"b\":1}}', '$.a')", "NULL")]
    [InlineData("SELECT json_extract_scalar('{\"a\":[1,2]}', '$.a')", "NULL")]
    [InlineData("SELECT json_extract_scalar('{\"a\":null}', '$.a')", "NULL")]
    [InlineData("SELECT json_extract_scalar('[1, 2, 3]', '$[2]')", "3")]
    [InlineData("SELECT json_extract_scalar('{\"a\":true}', '$.a')", "true")]
    [InlineData("SELECT json_extract_scalar('{\"store\":{\"book\":[{\"author\":\"Q\"}]}}', '$.store.book[0].author')", "Q")]
    [InlineData("SELECT json_extract_scalar('{\"a b\":\"x\"}', '$[\"a b\"]')", "x")]
    [InlineData("SELECT json_format(json_extract('{\"store\":{\"book name\":[1]}}', '$.store[\"book name\"]'))", "[1]")]
    [InlineData("SELECT json_format(json_extract('{\"store\":{\"book\":[1]}}', '$.store[book]'))", "[1]")]
    // array.mdx: element_at counts from the end for a negative index and is NULL past the end; on a map 0 is a key
    [InlineData("SELECT element_at(ARRAY[1, 2, 3], -1)", "3")]
    [InlineData("SELECT element_at(ARRAY[1, 2, 3], 4)", "NULL")]
    [InlineData("SELECT element_at(MAP(ARRAY[0, 1], ARRAY['z', 'o']), 0)", "z")]
    [InlineData("SELECT element_at(MAP(ARRAY['a'], ARRAY[1]), 'b')", "NULL")]
    public void Json_paths_and_element_at_follow_Trino(string sql, string expected) => Assert.Equal(expected, db.Scalar(sql));

    [Fact]
    public void Element_at_zero_of_an_array_is_an_error()
    {
        var e = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT element_at(ARRAY[1, 2, 3], 0)"));
        Assert.Contains("SQL array indices start at 1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT json_extract('{\"a\":1}', '$.*')")]
    [InlineData("SELECT json_extract_scalar('{\"a\":1}', 'a')")]
    [InlineData("SELECT json_extract_scalar('{\"a\":1}', '$[\"a')")]
    public void Json_paths_Trino_does_not_take_are_refused(string sql) =>
        Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
}
