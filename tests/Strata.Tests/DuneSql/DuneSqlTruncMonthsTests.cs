using System.Globalization;
using System.Text.RegularExpressions;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// date_trunc by a month, a quarter or a year (decision 173): the native <c>dune_time_bucket</c>, not ICU's
/// <c>time_bucket(INTERVAL '1 month', TIMESTAMPTZ)</c>, which walks a calendar per row (about 10 s over prices.usd). The
/// answers are held to the slow path's: the same translated text with DuckDB's <c>time_bucket</c> in its place, over
/// seeded random instants from 1600 to 2500, the instants either side of each month's start, infinities and NULLs, for
/// every type and for zoned values in zones with daylight saving, negative, half-hour and 45-minute offsets.
/// </summary>
public sealed class DuneSqlTruncMonthsTests
{
    private static readonly string[] Units = ["month", "quarter", "year"];

    /// <summary>Units of a fixed width, the native bucket since decision 201: held to DuckDB's time_bucket as the months are
    /// (a DATE takes day and week only).</summary>
    private static readonly string[] FixedUnits = ["millisecond", "second", "minute", "hour", "day", "week"];

    /// <summary>Zones whose month starts are awkward: daylight saving at midnight (Havana, Santiago, Beirut), half-hour
    /// and 45-minute offsets, a 30-minute daylight saving (Lord Howe), a skipped day (Apia, 2011), negative offsets, fixed
    /// offsets and UTC.</summary>
    private static readonly string[] Zones =
    [
        "America/New_York", "America/Havana", "America/Santiago", "Asia/Beirut", "America/St_Johns", "Asia/Kolkata",
        "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Apia", "Pacific/Chatham", "Europe/London", "Asia/Tehran",
        "America/Sao_Paulo", "-03:00", "+05:30", "UTC",
    ];

    /// <summary>The plan of a truncation of a timestamp with time zone runs the native function; ICU's calendar bucket
    /// (<c>time_bucket</c>) is not in it. Units of a fixed width are the native bucket too since decision 201 (which
    /// refuses a DATE's hour and a TIME's day as Trino does).</summary>
    [Theory]
    [InlineData("month", "dune_time_bucket", "1 month")]
    [InlineData("QUARTER", "dune_time_bucket", "3 months")]
    [InlineData("year", "dune_time_bucket", "1 year")]
    [InlineData("hour", "dune_time_bucket", "1 hour")]
    [InlineData("minute", "dune_time_bucket", "1 minute")]
    public void The_plan_runs_the_native_bucket(string unit, string function, string bucket)
    {
        using var db = new DuneSqlDb("CREATE TABLE p AS SELECT TIMESTAMPTZ '2024-01-01 00:00:00+00' + i * INTERVAL '1 minute' AS minute FROM range(100) r(i);");
        string sql = DuneSqlTranslator.Translate($"SELECT date_trunc('{unit}', minute), count(*) FROM p GROUP BY 1").Sql;
        Assert.Contains($" {function}(INTERVAL '{bucket}',", " " + sql, StringComparison.Ordinal);
        string plan = string.Join("\n", db.TranslatedRows("EXPLAIN " + sql).Select(r => r[^1]));
        Assert.True(plan.Contains(function + "(", StringComparison.Ordinal), plan);
        string other = plan.Replace(function + "(", "", StringComparison.Ordinal);
        Assert.DoesNotContain("time_bucket", other, StringComparison.Ordinal);
    }

    /// <summary>For each type date_trunc takes, the native bucket equals DuckDB's calendar bucket (ICU's for a timestamp
    /// with time zone in the session zone, UTC), value and type, over random instants and the instants either side of
    /// month starts; a timestamp(9)'s reference is the microsecond bucket, which months keep exact.</summary>
    [Theory]
    [InlineData("TIMESTAMPTZ")]
    [InlineData("TIMESTAMP")]
    [InlineData("TIMESTAMP_NS")]
    [InlineData("DATE")]
    public void The_native_bucket_is_the_calendar_bucket_for_every_type(string type)
    {
        // A timestamp(9) holds 1677-09-21 to 2262-04-11.
        string within = type == "TIMESTAMP_NS" ? " WHERE t BETWEEN TIMESTAMPTZ '1678-01-01 00:00:00+00' AND TIMESTAMPTZ '2262-01-01 00:00:00+00'" : "";
        using var db = new DuneSqlDb(Instants() + $"CREATE TABLE v AS SELECT CAST(t AS {type}) AS t FROM instants{within};");
        foreach (string unit in Units.Concat(FixedUnits.Where(u => type != "DATE" || u is "day" or "week")))
        {
            string sql = DuneSqlTranslator.Translate($"SELECT CAST(date_trunc('{unit}', t) AS varchar), typeof(date_trunc('{unit}', t)) FROM v ORDER BY t NULLS FIRST").Sql;
            string reference = sql.Replace("dune_time_bucket(", "time_bucket(", StringComparison.Ordinal);
            if (type == "TIMESTAMP_NS")
            {
                reference = Regex.Replace(sql, @"dune_time_bucket\((INTERVAL '[^']+'),\s*t\s*\)", "CAST(time_bucket($1, CAST(t AS TIMESTAMP)) AS TIMESTAMP_NS)");
            }
            Assert.NotEqual(sql, reference);
            var fast = db.TranslatedRows(sql);
            var slow = db.TranslatedRows(reference);
            Assert.True(fast.Count > 1500, $"{fast.Count} rows");
            Assert.Equal(slow.Select(r => r[0] + " " + r[1]), fast.Select(r => r[0] + " " + r[1]));
        }
    }

    /// <summary>Zoned values (a zone per row, at_timezone of a column, and each zone's own type, at_timezone of a constant)
    /// truncate on their wall clock exactly as before, where date_trunc's bucket was DuckDB's time_bucket name.</summary>
    [Fact]
    public void A_zoned_value_truncates_as_before_in_every_zone()
    {
        using var db = new DuneSqlDb(Instants() + "CREATE TABLE z AS SELECT t, zones[1 + (row_number() OVER (ORDER BY t NULLS FIRST)) % "
            + Zones.Length + "] AS zone FROM instants, (SELECT [" + string.Join(", ", Zones.Select(z => "'" + z + "'")) + "] AS zones) WHERE t IS NOT NULL AND isfinite(t);");
        foreach (string unit in Units.Concat(FixedUnits))
        {
            AssertAsBefore(db, $"SELECT CAST(date_trunc('{unit}', at_timezone(t, zone)) AS varchar) FROM z ORDER BY t, zone");
            foreach (string zone in Zones.Where((_, i) => i % 3 == 0))
            {
                AssertAsBefore(db, $"SELECT CAST(date_trunc('{unit}', t AT TIME ZONE '{zone}') AS varchar) FROM z ORDER BY t");
            }
        }
    }

    /// <summary>The month start of a zoned value is the zone's midnight on the first of its month, an instant ICU's zoned
    /// bucket agrees on wherever that midnight exists once (the zones here move their clocks at other hours).</summary>
    [Theory]
    [InlineData("America/New_York")]
    [InlineData("America/St_Johns")]
    [InlineData("Asia/Kathmandu")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData("Europe/London")]
    public void A_zoned_month_start_is_the_zones_midnight(string zone)
    {
        using var db = new DuneSqlDb(Instants() + "CREATE TABLE z AS SELECT t FROM instants WHERE t IS NOT NULL AND isfinite(t) AND t > TIMESTAMPTZ '1970-01-01 00:00:00+00';");
        foreach (var (unit, bucket) in new[] { ("month", "1 month"), ("quarter", "3 months"), ("year", "1 year") })
        {
            var fast = db.Rows($"SELECT to_unixtime(date_trunc('{unit}', t AT TIME ZONE '{zone}')) FROM z ORDER BY t");
            var icu = db.TranslatedRows($"SELECT epoch(time_bucket(INTERVAL '{bucket}', t, '{zone}')) FROM z ORDER BY t");
            Assert.True(fast.Count > 1000, $"{fast.Count} rows");
            Assert.Equal(icu.Select(r => r[0]), fast.Select(r => r[0]));
        }
    }

    private static void AssertAsBefore(DuneSqlDb db, string duneSql)
    {
        string sql = DuneSqlTranslator.Translate(duneSql).Sql;
        string before = sql.Replace("dune_time_bucket(", "time_bucket(", StringComparison.Ordinal);
        Assert.NotEqual(sql, before);
        var fast = db.TranslatedRows(sql);
        var slow = db.TranslatedRows(before);
        Assert.True(fast.Count > 2000, $"{fast.Count} rows");
        Assert.Equal(slow.Select(r => r[0]), fast.Select(r => r[0]));
    }

    /// <summary>A table <c>instants(t TIMESTAMPTZ)</c>: 2,000 seeded random instants from 1600 to 2500 (micros), the
    /// instants a microsecond either side of each month start in 1969-1970, 1999-2001 and 2024 (UTC and 14 hours either
    /// way, where a zone's month starts), far years, the infinities and a NULL.</summary>
    internal static string Instants()
    {
        var random = new Random(173);
        var micros = new List<long>();
        long low = (long)(new DateTime(1600, 1, 1) - DateTime.UnixEpoch).TotalMicroseconds, high = (long)(new DateTime(2500, 1, 1) - DateTime.UnixEpoch).TotalMicroseconds;
        for (int i = 0; i < 2000; i++)
        {
            micros.Add(random.NextInt64(low, high));
        }
        foreach (int year in new[] { 1969, 1970, 1999, 2000, 2001, 2024 })
        {
            for (int month = 1; month <= 12; month++)
            {
                long start = (long)(new DateTime(year, month, 1) - DateTime.UnixEpoch).TotalMicroseconds;
                foreach (long shift in new[] { -14 * 3_600_000_000L, 0, 14 * 3_600_000_000L })
                {
                    micros.Add(start + shift - 1);
                    micros.Add(start + shift);
                }
            }
        }
        micros.Add((long)(new DateTime(1, 1, 1) - DateTime.UnixEpoch).TotalMicroseconds);
        micros.Add((long)(new DateTime(9999, 12, 31, 23, 59, 59) - DateTime.UnixEpoch).TotalMicroseconds);
        return "CREATE TABLE instants AS SELECT CAST(make_timestamp(us) AS TIMESTAMPTZ) AS t FROM (VALUES "
            + string.Join(", ", micros.Select(m => "(" + m.ToString(CultureInfo.InvariantCulture) + ")")) + ") s(us) "
            + "UNION ALL SELECT CAST(x AS TIMESTAMPTZ) FROM (VALUES ('infinity'), ('-infinity'), (NULL)) i(x);\n";
    }
}
