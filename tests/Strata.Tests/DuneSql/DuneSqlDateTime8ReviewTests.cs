using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// The lead's review of decision 275 (decision 277): an IN list holding NULL compares instants too (Trino's IN is true
/// where one element matches, NULL only when none does), and a call that gives one zone — from_unixtime(x), UTC; a
/// parse_datetime pattern of no zone letter — does not make a comparison compare keys (a key around a table's column
/// hides it from DuckDB's join and scan filters).
/// </summary>
public sealed class DuneSqlDateTime8ReviewTests
{
    [Theory]
    // Asia/Kolkata is +05:30 in 2020 (java.time: 2020-05-11T11:15:05+05:30[Asia/Kolkata] is 05:45:05Z).
    [InlineData("SELECT at_timezone(TIMESTAMP '2020-05-11 05:45:05 UTC', z) IN (TIMESTAMP '2020-05-11 05:45:05 UTC', NULL) FROM (VALUES 'Asia/Kolkata') v(z)", "true")]
    [InlineData("SELECT at_timezone(TIMESTAMP '2020-05-11 05:45:05 UTC', z) IN (TIMESTAMP '2020-05-11 05:45:06 UTC', NULL) FROM (VALUES 'Asia/Kolkata') v(z)", "NULL")]
    [InlineData("SELECT at_timezone(TIMESTAMP '2020-05-11 05:45:05 UTC', z) = NULL FROM (VALUES 'Asia/Kolkata') v(z)", "NULL")]
    public void An_in_list_with_null_compares_instants(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Theory]
    [InlineData("SELECT count(*) FROM prices.usd p JOIN ethereum.transactions t ON p.minute = from_unixtime(floor(to_unixtime(t.block_time) / 60) * 60)")]
    [InlineData("SELECT count(*) FROM ethereum.blocks WHERE time > parse_datetime('2024-01-01 00:00', 'yyyy-MM-dd HH:mm')")]
    public void A_call_of_one_zone_leaves_the_comparison_to_duckdb(string sql)
    {
        Assert.DoesNotContain("dune_instant_key", DuneSqlTranslator.Translate(sql).Sql, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT count(*) FROM ethereum.blocks b JOIN (VALUES ('2024-01-01T00:00:00+02:00')) v(s) ON b.time = from_iso8601_timestamp(v.s)")]
    [InlineData("SELECT count(*) FROM (VALUES (1700000000, 'Asia/Tokyo')) v(x, z) WHERE from_unixtime(x, z) = TIMESTAMP '2023-11-14 22:13:20 UTC'")]
    [InlineData("SELECT count(*) FROM (VALUES ('2024-01-01 00:00 +0200')) v(s) WHERE parse_datetime(s, 'yyyy-MM-dd HH:mm Z') = TIMESTAMP '2023-12-31 22:00 UTC'")]
    public void A_call_that_may_give_a_zone_per_row_compares_keys(string sql)
    {
        Assert.Contains("dune_instant_key", DuneSqlTranslator.Translate(sql).Sql, StringComparison.Ordinal);
    }
}
