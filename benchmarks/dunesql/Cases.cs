/// <summary>The measured queries. Decision 173: date_trunc by a month, a quarter and a year of prices.usd's minute, a
/// timestamp with time zone; "before" is main's translation (ICU's time_bucket). Decision 181 ("zoned …"): each field
/// read of prices.usd's minute as a timestamp with time zone ("after") against the same read of the same instants as a
/// plain timestamp ("before", the peer), both DuneSQL over a temp table of the two columns; and ("icu …") the read as
/// DuckDB's (ICU's) function of the TIMESTAMPTZ, main's translation, against this build's.</summary>
internal static class Cases
{
    /// <summary>prices.usd's minute (TIMESTAMPTZ) and the same instant as a plain TIMESTAMP (UTC, the session zone).</summary>
    private const string Zoned = "CREATE TEMP TABLE p AS SELECT minute AS tz, make_timestamp(epoch_us(minute)) AS ts FROM prices.usd";

    public static readonly Case[] All =
    [
        new("month of prices.usd minute", "SELECT time_bucket(INTERVAL '1 month', minute) AS m, count(*) AS n FROM prices.usd GROUP BY 1",
            "SELECT date_trunc('month', minute) AS m, count(*) AS n FROM prices.usd GROUP BY 1"),
        new("year of prices.usd minute", "SELECT time_bucket(INTERVAL '1 year', minute) AS m, count(*) AS n FROM prices.usd GROUP BY 1",
            "SELECT date_trunc('year', minute) AS m, count(*) AS n FROM prices.usd GROUP BY 1"),
        .. ZonedReads(),
        // Decision 317: decode_evm_event over the demo's ERC-20 Transfer logs ("after") against the same three values cut
        // from the topics and data with the byte functions ("before", the peer); both give the same rows.
        new("evm decode Transfer logs",
            "SELECT count(*) AS n, count(DISTINCT bytearray_substring(topic1, 13, 20)) AS f, count(DISTINCT bytearray_substring(topic2, 13, 20)) AS t, "
            + $"max(bytearray_to_uint256(bytearray_substring(data, 1, 32))) AS v FROM ethereum.logs WHERE {Erc20Transfers}",
            $"SELECT count(*) AS n, count(DISTINCT \"from\") AS f, count(DISTINCT \"to\") AS t, max(value) AS v FROM TABLE(decode_evm_event(abi => '{TransferAbi}', "
            + $"input => TABLE(SELECT * FROM ethereum.logs WHERE {Erc20Transfers})))", BeforeIsDuneSql: true),
        // The same over those logs copied to a temp table first (before the clock): the decoding against the byte
        // functions alone, without the scan and filter of ethereum.logs both sides share.
        new("evm decode Transfer logs, temp table",
            "SELECT count(*) AS n, count(DISTINCT bytearray_substring(topic1, 13, 20)) AS f, count(DISTINCT bytearray_substring(topic2, 13, 20)) AS t, "
            + "max(bytearray_to_uint256(bytearray_substring(data, 1, 32))) AS v FROM l",
            $"SELECT count(*) AS n, count(DISTINCT \"from\") AS f, count(DISTINCT \"to\") AS t, max(value) AS v FROM TABLE(decode_evm_event(abi => '{TransferAbi}', input => TABLE(l)))",
            BeforeIsDuneSql: true, Setup: "CREATE TEMP TABLE l AS SELECT * FROM ethereum.logs WHERE topic0 = from_hex('ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef') "
                + "AND topic3 IS NULL AND octet_length(data) = 32"),
    ];

    private const string Erc20Transfers = "topic0 = 0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef AND topic3 IS NULL AND length(data) = 32";

    private const string TransferAbi = """{"anonymous":false,"inputs":[{"indexed":true,"name":"from","type":"address"},{"indexed":true,"name":"to","type":"address"},{"indexed":false,"name":"value","type":"uint256"}],"name":"Transfer","type":"event"}""";

    /// <summary>One case per field read: "{x}" is the column (ts before, tz after); the result is named r on both sides (a
    /// row's text, which the digest reads, holds its names).</summary>
    private static IEnumerable<Case> ZonedReads()
    {
        (string Name, string Sql, bool SameRows)[] reads =
        [
            ("hour", "SELECT sum(hour({x})) AS r FROM p", true),
            ("day", "SELECT sum(day({x})) AS r FROM p", true),
            ("month", "SELECT sum(month({x})) AS r FROM p", true),
            ("year", "SELECT sum(year({x})) AS r FROM p", true),
            ("day_of_week", "SELECT sum(day_of_week({x})) AS r FROM p", true),
            ("week", "SELECT sum(week({x})) AS r FROM p", true),
            ("quarter", "SELECT sum(quarter({x})) AS r FROM p", true),
            ("date_format", "SELECT count(DISTINCT date_format({x}, '%Y-%m-%d %H')) AS r FROM p", true),
            ("format_datetime", "SELECT count(DISTINCT format_datetime({x}, 'yyyy-MM-dd HH')) AS r FROM p", true),
            ("date_diff day", "SELECT sum(date_diff('day', {x}, {c})) AS r FROM p", true),
            ("date_add day", "SELECT max(date_add('day', 3, {x})) AS r FROM p", false),
            ("date_trunc unit per row", "SELECT count(DISTINCT date_trunc(u, {x})) AS r FROM p CROSS JOIN (VALUES ('hour'), ('month')) v(u)", true),
        ];
        // Before decision 181 a field of a TIMESTAMPTZ was DuckDB's (ICU's) function of it: the old route as DuckDB text.
        (string Name, string Before)[] icu =
        [
            ("hour", "hour"), ("day", "day"), ("month", "month"), ("year", "year"), ("day_of_week", "isodow"), ("week", "week"), ("quarter", "quarter"),
        ];
        foreach (var (name, function) in icu)
        {
            yield return new("icu " + name, $"SELECT sum({function}(tz)) AS r FROM p", $"SELECT sum({name}(tz)) AS r FROM p", Setup: Zoned);
        }
        foreach (var (name, sql, sameRows) in reads)
        {
            yield return new("zoned " + name, sql.Replace("{x}", "ts").Replace("{c}", "TIMESTAMP '2027-01-01 00:00:00'"),
                sql.Replace("{x}", "tz").Replace("{c}", "TIMESTAMP '2027-01-01 00:00:00 UTC'"), BeforeIsDuneSql: true, sameRows, Zoned);
        }
    }
}
