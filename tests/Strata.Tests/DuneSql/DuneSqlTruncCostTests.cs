using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// date_trunc by a day or a week (decision 165): written as a bucket of hours, which DuckDB's ICU time_bucket computes
/// by arithmetic for a TIMESTAMPTZ (a bucket with days walks a calendar per row, about 200 times slower over
/// prices.usd), and which must give the calendar bucket's answer for every type a date_trunc takes.
/// </summary>
public sealed class DuneSqlTruncCostTests
{
    [Theory]
    [InlineData("day", "24 hours")]
    [InlineData("week", "168 hours")]
    [InlineData("DAY", "24 hours")]
    public void A_day_or_a_week_is_a_bucket_of_hours(string unit, string bucket)
    {
        string sql = DuneSqlTranslator.Translate($"SELECT date_trunc('{unit}', block_time) AS d, count(*) FROM ethereum.transactions GROUP BY 1").Sql;
        Assert.Contains($"time_bucket(INTERVAL '{bucket}',", sql, StringComparison.Ordinal);
        Assert.DoesNotContain("day", sql.Replace(" AS d", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The bucket of hours against DuckDB's calendar bucket (<c>1 day</c>, <c>7 days</c>) for instants around
    /// midnights, Mondays and before 2000 (the origin), for each type date_trunc is given.</summary>
    [Theory]
    [InlineData("TIMESTAMPTZ")]
    [InlineData("TIMESTAMP")]
    [InlineData("TIMESTAMP_NS")]
    [InlineData("DATE")]
    public void The_bucket_of_hours_is_the_calendar_bucket(string type)
    {
        using var db = new DuneSqlDb($"""
            CREATE TABLE v AS SELECT CAST(x AS {type}) AS t FROM (VALUES
                (TIMESTAMPTZ '2024-03-10 23:59:59.999+00'), (TIMESTAMPTZ '2024-03-11 00:00:00+00'), (TIMESTAMPTZ '2024-03-17 12:34:56+00'),
                (TIMESTAMPTZ '1999-12-31 23:00:00+00'), (TIMESTAMPTZ '1969-07-20 20:17:40+00'), (TIMESTAMPTZ '2000-01-03 00:00:00+00'),
                (TIMESTAMPTZ '2026-11-29 05:00:00+00')) s(x);
            """);
        foreach (var (unit, calendar) in new[] { ("day", "1 day"), ("week", "7 days") })
        {
            var translated = db.Rows($"SELECT CAST(date_trunc('{unit}', t) AS varchar), typeof(date_trunc('{unit}', t)) FROM v ORDER BY t");
            var expected = db.Rows($"SELECT CAST(time_bucket(INTERVAL '{calendar}', t) AS varchar), typeof(time_bucket(INTERVAL '{calendar}', t)) FROM v ORDER BY t");
            Assert.Equal(7, translated.Count);
            Assert.Equal(expected, translated);
        }
    }

    /// <summary>A zone's value (Trino's timestamp with time zone in a zone with daylight saving) is truncated on its wall
    /// clock the same whether the week is 7 days or 168 hours, from the Monday origin.</summary>
    [Fact]
    public void A_zoned_week_counts_from_the_monday_origin()
    {
        using var db = new DuneSqlDb();
        string week = db.Scalar("SELECT CAST(date_trunc('week', TIMESTAMP '2024-03-14 10:00:00' AT TIME ZONE 'America/New_York') AS varchar)");
        string day = db.Scalar("SELECT CAST(date_trunc('day', TIMESTAMP '2024-03-10 10:00:00' AT TIME ZONE 'America/New_York') AS varchar)");
        Assert.StartsWith("2024-03-11 00:00:00", week, StringComparison.Ordinal);
        Assert.StartsWith("2024-03-10 00:00:00", day, StringComparison.Ordinal);
    }
}
