namespace Strata.Tests.DuneSql;

/// <summary>
/// Queries in the style of Dune users' (decision "dune-types11"): window frames, approx_percentile, date functions,
/// varbinary and hex functions, JSON and regexp extraction, UNNEST WITH ORDINALITY, grouping sets, correlated and lateral
/// subqueries, FILTER, max_by/min_by, count_if and lambdas. Each expected value is Trino's answer as its documentation
/// defines it (worked out by hand from the inputs, not read from Strata); dates are cast to varchar (Trino's text).
/// </summary>
public sealed class DuneSqlTypes11QueriesTests
{
    [Theory]
    [InlineData("WITH d AS (SELECT * FROM (VALUES (1, 10), (2, 20), (3, 30)) t(day, amount_usd)) SELECT day, sum(amount_usd) OVER (ORDER BY day ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS rolling FROM d ORDER BY day", "1,10|2,30|3,50")]
    [InlineData("SELECT approx_percentile(x, 0.5) FROM (VALUES 1, 2, 3, 4, 5) t(x)", "3")]
    [InlineData("SELECT date_diff('day', DATE '2024-01-01', DATE '2024-03-01')", "60")]
    [InlineData("SELECT CAST(date_add('month', 1, DATE '2024-01-31') AS varchar)", "2024-02-29")]
    [InlineData("SELECT date_trunc('week', TIMESTAMP '2024-01-03 10:00:00')", "2024-01-01 00:00:00")]
    [InlineData("SELECT format('%.2f', 3.14159)", "3.14")]
    [InlineData("SELECT bytearray_substring(0x1234567890, 2, 2)", "0x3456")]
    [InlineData("SELECT bytearray_length(0x1234)", "2")]
    [InlineData("SELECT bytearray_to_uint256(0x0100)", "256")]
    [InlineData("SELECT to_hex(0xabcd)", "abcd")]
    [InlineData("SELECT from_hex('abcd')", "0xabcd")]
    [InlineData("SELECT json_extract_scalar('{\"a\":{\"b\":[1,2]}}', '$.a.b[1]')", "2")]
    [InlineData("SELECT regexp_extract('tx-123-abc', '(\\d+)', 1)", "123")]
    [InlineData("SELECT regexp_like('0xabc', '^0x[0-9a-f]+$')", "true")]
    [InlineData("SELECT regexp_replace('a1b2', '\\d', '')", "ab")]
    [InlineData("SELECT x, o FROM UNNEST(ARRAY['a', 'b']) WITH ORDINALITY AS t(x, o) ORDER BY o", "a,1|b,2")]
    [InlineData("SELECT k, sum(v) FROM (VALUES ('a', 1), ('a', 2), ('b', 3)) t(k, v) GROUP BY ROLLUP (k) ORDER BY k NULLS LAST", "a,3|b,3|NULL,6")]
    [InlineData("SELECT k, grouping(k), sum(v) FROM (VALUES ('a', 1), ('b', 3)) t(k, v) GROUP BY GROUPING SETS ((k), ()) ORDER BY 2, 1", "a,0,1|b,0,3|NULL,1,4")]
    [InlineData("SELECT count(*) FROM (SELECT k, g FROM (VALUES ('a', 1), ('b', 2)) t(k, g) GROUP BY CUBE (k, g))", "7")]
    [InlineData("SELECT t1.k, (SELECT max(v) FROM (VALUES ('a', 1), ('a', 5), ('b', 2)) t2(k, v) WHERE t2.k = t1.k) FROM (VALUES 'a', 'b') t1(k) ORDER BY 1", "a,5|b,2")]
    [InlineData("SELECT count(*) FILTER (WHERE v > 1), sum(v) FILTER (WHERE k = 'a') FROM (VALUES ('a', 1), ('a', 2), ('b', 3)) t(k, v)", "2,3")]
    [InlineData("SELECT max_by(k, v), min_by(k, v) FROM (VALUES ('a', 1), ('a', 2), ('b', 3)) t(k, v)", "b,a")]
    [InlineData("SELECT arbitrary(k) FROM (VALUES 'z') t(k)", "z")]
    [InlineData("SELECT count_if(v > 1) FROM (VALUES 1, 2, 3) t(v)", "2")]
    [InlineData("SELECT reduce(ARRAY[1, 2, 3], 0, (s, x) -> s + x, s -> s)", "6")]
    [InlineData("SELECT transform(ARRAY[1, 2], x -> x * 2)", "[2, 4]")]
    [InlineData("SELECT filter(ARRAY[1, 2, 3], x -> x % 2 = 1)", "[1, 3]")]
    [InlineData("SELECT t.k, l.m FROM (VALUES 'a', 'b') t(k) CROSS JOIN LATERAL (SELECT upper(t.k) AS m) l ORDER BY 1", "a,A|b,B")]
    [InlineData("SELECT v, lag(v, 1, 0) OVER (ORDER BY v) FROM (VALUES 1, 2) t(v) ORDER BY v", "1,0|2,1")]
    [InlineData("SELECT k, v, sum(v) OVER (PARTITION BY k ORDER BY v RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM (VALUES ('a', 1), ('a', 2), ('b', 3)) t(k, v) ORDER BY k, v", "a,1,1|a,2,3|b,3,3")]
    [InlineData("SELECT date_format(TIMESTAMP '2024-01-05 13:04:05', '%Y-%m-%d %H:%i')", "2024-01-05 13:04")]
    [InlineData("SELECT CAST(from_unixtime(1700000000) AS varchar)", "2023-11-14 22:13:20.000 UTC")]
    [InlineData("SELECT bytearray_ltrim(0x0000ab)", "0xab")]
    [InlineData("SELECT substr(to_hex(0xdeadbeef), 1, 4)", "dead")]
    [InlineData("SELECT lower(to_hex(keccak(to_utf8('Transfer(address,address,uint256)'))))", "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef")]
    [InlineData("SELECT v, ntile(2) OVER (ORDER BY v) FROM (VALUES 1, 2, 3) t(v) ORDER BY v", "1,1|2,1|3,2")]
    [InlineData("SELECT k, first_value(v) OVER (PARTITION BY k ORDER BY v DESC) FROM (VALUES ('a', 1), ('a', 2)) t(k, v) ORDER BY v", "a,2|a,2")]
    [InlineData("SELECT array_agg(v ORDER BY v DESC) FROM (VALUES 1, 3, 2) t(v)", "[3, 2, 1]")]
    [InlineData("SELECT approx_distinct(k) FROM (VALUES 'a', 'b', 'a') t(k)", "2")]
    [InlineData("SELECT date_diff('hour', TIMESTAMP '2024-01-01 00:00:00', TIMESTAMP '2024-01-02 06:30:00')", "30")]
    [InlineData("SELECT try_cast('abc' AS integer)", "NULL")]
    [InlineData("SELECT split_part('a-b-c', '-', 2)", "b")]
    [InlineData("SELECT element_at(split('0x1,0x2', ','), -1)", "0x2")]
    [InlineData("SELECT cardinality(sequence(DATE '2024-01-01', DATE '2024-01-03', INTERVAL '1' DAY))", "3")]
    [InlineData("SELECT json_array_length('[1,2,3]')", "3")]
    [InlineData("SELECT round(1234.5678, 2)", "1234.5700")]
    [InlineData("SELECT bitwise_and(12, 10)", "8")]
    [InlineData("SELECT CAST(date_trunc('month', DATE '2024-02-15') + INTERVAL '1' MONTH - INTERVAL '1' DAY AS varchar)", "2024-02-29")]
    [InlineData("SELECT format('%s-%s', 'a', 1)", "a-1")]
    [InlineData("SELECT CAST(last_day_of_month(DATE '2024-02-10') AS varchar)", "2024-02-29")]
    [InlineData("SELECT regexp_extract_all('a1b22c333', '\\d+')", "[1, 22, 333]")]
    [InlineData("SELECT any_match(ARRAY[1, 2], x -> x > 1)", "true")]
    [InlineData("SELECT zip_with(ARRAY[1, 2], ARRAY[3, 4], (a, b) -> a + b)", "[4, 6]")]
    [InlineData("SELECT hour(TIMESTAMP '2024-01-01 13:45:00'), day_of_week(DATE '2024-01-01')", "13,1")]
    [InlineData("SELECT CAST(day AS varchar), count(*) FROM UNNEST(sequence(DATE '2024-01-01', DATE '2024-01-02', INTERVAL '1' DAY)) AS t(day) GROUP BY 1 ORDER BY 1", "2024-01-01,1|2024-01-02,1")]
    [InlineData("SELECT percent_rank() OVER (ORDER BY v) FROM (VALUES 1, 2, 3) t(v) ORDER BY v", "0|0.5|1")]
    [InlineData("SELECT v, sum(v) OVER (ORDER BY v ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) FROM (VALUES 1, 2) t(v) ORDER BY v", "1,3|2,3")]
    [InlineData("SELECT map_agg(k, v)['b'] FROM (VALUES ('a', 1), ('b', 2)) t(k, v)", "2")]
    [InlineData("SELECT date_add('day', -1, TIMESTAMP '2024-03-01 00:00:00')", "2024-02-29 00:00:00")]
    [InlineData("SELECT concat('0x', lower(to_hex(0xAB)))", "0xab")]
    [InlineData("SELECT k, count(*) FROM (VALUES 'a', 'b', 'a') t(k) GROUP BY k HAVING count(*) > 1", "a,2")]
    [InlineData("SELECT bytearray_concat(0x01, 0x02)", "0x0102")]
    [InlineData("SELECT varbinary_starts_with(0x1234, 0x12)", "true")]
    [InlineData("SELECT cast(json_parse('{\"a\": 1}') AS map(varchar, integer))['a']", "1")]
    [InlineData("SELECT approx_percentile(x, ARRAY[0.25, 0.75]) FROM (VALUES 1, 2, 3, 4, 5) t(x)", "[2, 4]")]
    [InlineData("WITH trades AS (SELECT * FROM (VALUES (TIMESTAMP '2024-01-01 10:00:00', 'WETH', 100.0), (TIMESTAMP '2024-01-01 12:00:00', 'USDC', 50.0), (TIMESTAMP '2024-01-02 09:00:00', 'WETH', 25.0)) t(block_time, token_bought_symbol, amount_usd)) SELECT CAST(date_trunc('day', block_time) AS varchar) AS day, CAST(sum(amount_usd) AS varchar) AS volume, count_if(token_bought_symbol = 'WETH') AS weth_trades FROM trades GROUP BY 1 ORDER BY 1", "2024-01-01 00:00:00.000,150.0,1|2024-01-02 00:00:00.000,25.0,1")]
    [InlineData("SELECT blockchain, n FROM (SELECT 'ethereum' AS blockchain, 1 AS n UNION ALL SELECT 'base', CAST(2 AS bigint)) ORDER BY n DESC", "base,2|ethereum,1")]
    public void A_dune_style_query_gives_trinos_answer(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }
}
