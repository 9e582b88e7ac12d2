using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// A field of a timestamp with time zone (hour, day, month, year, day_of_week, week, quarter, …, and extract's fields)
/// read from its UTC wall clock by DuckDB's arithmetic (<c>dune_wall</c>, decision 181) instead of ICU's calendar. The
/// answers are held to the old route's, the same translated text with <c>dune_wall</c> an identity macro (so every
/// function binds as it did), over 2,000 seeded random instants from 1600 to 2500, the instants either side of month
/// starts, far years, infinities and NULL; in UTC, in a zone per row and in each zone's own type; and for every other
/// type the functions take.
/// </summary>
public sealed class DuneSqlWallClockTests
{
    /// <summary>The field reads the translator wraps; extract(f FROM x) is each of Trino's local fields.</summary>
    private static readonly string[] Reads =
    [
        "year({x})", "quarter({x})", "month({x})", "week({x})", "week_of_year({x})", "day({x})", "day_of_month({x})", "day_of_week({x})",
        "dow({x})", "day_of_year({x})", "doy({x})", "year_of_week({x})", "yow({x})", "hour({x})", "minute({x})", "second({x})",
        "extract(year FROM {x})", "extract(quarter FROM {x})", "extract(month FROM {x})", "extract(week FROM {x})", "extract(day FROM {x})",
        "extract(day_of_week FROM {x})", "extract(dow FROM {x})", "extract(doy FROM {x})", "extract(yow FROM {x})",
        "extract(hour FROM {x})", "extract(minute FROM {x})", "extract(second FROM {x})",
    ];

    /// <summary>Zones with daylight saving at midnight, half-hour and 45-minute offsets, a skipped day, fixed offsets.</summary>
    private static readonly string[] Zones =
    [
        "America/New_York", "America/Havana", "America/Santiago", "Asia/Beirut", "America/St_Johns", "Asia/Kolkata",
        "Asia/Kathmandu", "Australia/Lord_Howe", "Pacific/Apia", "Pacific/Chatham", "Europe/London", "-03:00", "+05:30", "UTC",
    ];

    [Fact]
    public void A_field_read_wraps_its_argument_in_the_wall_clock()
    {
        Assert.Contains("hour(dune_wall((minute)))", DuneSqlTranslator.Translate("SELECT hour(minute) FROM prices.usd").Sql, StringComparison.Ordinal);
        Assert.Contains("isodow(dune_wall( minute))", DuneSqlTranslator.Translate("SELECT extract(dow FROM minute) FROM prices.usd").Sql, StringComparison.Ordinal);
        Assert.DoesNotContain("dune_wall", DuneSqlTranslator.Translate("SELECT extract(timezone_hour FROM minute) FROM prices.usd").Sql, StringComparison.Ordinal);
    }

    /// <summary>In UTC and for every other type a field function takes: the same values as the old route.</summary>
    [Theory]
    [InlineData("TIMESTAMPTZ")]
    [InlineData("TIMESTAMP")]
    [InlineData("TIMESTAMP_NS")]
    [InlineData("TIMESTAMP_MS")]
    [InlineData("TIMESTAMP_S")]
    [InlineData("DATE")]
    public void Each_field_is_the_old_routes_in_utc_and_for_every_type(string type)
    {
        string within = type == "TIMESTAMP_NS" ? " WHERE t BETWEEN TIMESTAMPTZ '1678-01-01 00:00:00+00' AND TIMESTAMPTZ '2262-01-01 00:00:00+00'" : "";
        using var db = new DuneSqlDb(DuneSqlTruncMonthsTests.Instants() + $"CREATE TABLE v AS SELECT CAST(t AS {type}) AS x, t FROM instants{within};");
        AssertAsBefore(db, "v", "x", type is "TIMESTAMPTZ" or "TIMESTAMP" or "DATE" ? 2000 : 1000, clockExtracts: type != "DATE");
    }

    /// <summary>A field function given a type it does not take is named in the error as the user wrote it, not as the
    /// wall clock the translator wraps its argument in.</summary>
    [Fact]
    public void A_wrong_type_is_named_by_the_users_function()
    {
        const string ran = "SELECT hour(dune_wall((s))) FROM t";
        Assert.Equal("Unexpected parameters (varchar) for function hour", Strata.Engine.DuckDb.TrinoErrorMessages.ToTrino(
            "No function matches the given name and argument types 'dune_wall(VARCHAR)'. You might need to add explicit type casts.", ran, ran.IndexOf("dune_wall", StringComparison.Ordinal)));
    }

    /// <summary>Times and intervals (hour of a time, day of an interval) are themselves.</summary>
    [Fact]
    public void Times_and_intervals_are_themselves()
    {
        using var db = new DuneSqlDb("CREATE TABLE v AS SELECT CAST(TIME '00:00:00' + i * INTERVAL '997 seconds' AS TIME) AS x, "
            + "i * INTERVAL '3 hours 7 minutes 11 seconds' + (i % 40) * INTERVAL '1 day' AS d, i AS t FROM range(200) r(i);");
        foreach (string read in new[] { "hour({x})", "minute({x})", "second({x})", "extract(hour FROM {x})" })
        {
            AssertRead(db, read.Replace("{x}", "x", StringComparison.Ordinal), "v", 200);
            AssertRead(db, read.Replace("{x}", "d", StringComparison.Ordinal), "v", 200);
        }
        AssertRead(db, "day(d)", "v", 200);
        Assert.Equal("NULL,NULL", DuneSqlTypes9Tests.Flat(db.Rows("SELECT hour(CAST(NULL AS timestamp)), year(CAST(NULL AS date))")));
    }

    /// <summary>A zone per row (at_timezone of a column) and each zone's own type (AT TIME ZONE a constant): the zone's
    /// wall clock's fields, as before.</summary>
    [Fact]
    public void A_zoned_value_reads_its_zones_wall_clock_as_before()
    {
        using var db = new DuneSqlDb(DuneSqlTruncMonthsTests.Instants() + "CREATE TABLE z AS SELECT t, zones[1 + (row_number() OVER (ORDER BY t NULLS FIRST)) % "
            + Zones.Length + "] AS zone FROM instants, (SELECT [" + string.Join(", ", Zones.Select(z => "'" + z + "'")) + "] AS zones) WHERE t IS NOT NULL AND isfinite(t);");
        AssertAsBefore(db, "z", "at_timezone(t, zone)", 2000);
        foreach (string zone in Zones.Where((_, i) => i % 3 == 0))
        {
            AssertAsBefore(db, "z", $"(t AT TIME ZONE '{zone}')", 2000);
        }
    }

    /// <summary>date_diff of two timestamps with time zone (every unit, over pairs of the random instants to the
    /// millisecond) counts as ICU's did in UTC; a zone's values, a zone against UTC, dates, plain timestamps, a mix of a plain and a zoned timestamp
    /// and a bare NULL keep their former route and answers.</summary>
    [Fact]
    public void Date_diff_counts_as_before_for_every_unit_and_type()
    {
        // Milliseconds, as Dune's timestamp(3) with time zone holds: before 1970 ICU's difference drops a microsecond part
        // toward zero (-1 µs counts as 0 ms) where DuckDB's arithmetic counts it, so the routes differ by one unit on
        // such pairs (a value Trino's type cannot hold).
        using var db = new DuneSqlDb(DuneSqlTruncMonthsTests.Instants() + "CREATE TABLE m AS SELECT date_trunc('millisecond', t) AS t FROM instants; "
            + "CREATE TABLE d AS SELECT t, lead(t, 7) OVER (ORDER BY hash(t)) AS u, "
            + "['America/New_York', 'Asia/Kathmandu', 'Australia/Lord_Howe', '-03:00'][1 + CAST(hash(t) % 4 AS INTEGER)] AS zone FROM m;");
        string[] units = ["millisecond", "second", "minute", "hour", "day", "week", "month", "quarter", "year"];
        foreach (string unit in units)
        {
            AssertRead(db, $"date_diff('{unit}', t, u)", "d", 1900);
            if (unit is "day" or "week" or "month" or "quarter" or "year")
            {
                // Two dates take a DATE field only (decision 291: 'hour' is not a valid DATE field).
                AssertRead(db, $"date_diff('{unit}', CAST(t AS date), CAST(u AS date))", "d", 1900);
            }
            AssertRead(db, $"date_diff('{unit}', CAST(t AS timestamp), u)", "d", 1900);
        }
        foreach (string unit in new[] { "hour", "day", "month" })
        {
            AssertRead(db, $"date_diff('{unit}', t AT TIME ZONE 'America/New_York', u AT TIME ZONE 'America/New_York')", "d", 1900);
            AssertRead(db, $"date_diff('{unit}', at_timezone(t, zone), u)", "d", 1900);
            AssertRead(db, $"date_diff('{unit}', t AT TIME ZONE 'Asia/Kathmandu', u)", "d", 1900);
        }
        // A fresh database: the zones' date_sub overloads registered above would make a bare NULL ambiguous (the sandbox
        // registers only the zones a text names).
        using var fresh = new DuneSqlDb("CREATE TABLE d AS SELECT TIMESTAMPTZ '2024-01-01 00:00:00+00' AS t;");
        Assert.Equal("NULL,NULL", DuneSqlTypes9Tests.Flat(fresh.Rows("SELECT date_diff('day', NULL, max(t)), date_diff('day', max(t), NULL) FROM d")));
        Assert.Contains("THEN date_sub(('day'), dune_wall(", DuneSqlTranslator.Translate("SELECT date_diff('day', t, u) FROM d").Sql, StringComparison.Ordinal);
    }

    /// <summary>Without <paramref name="clockExtracts"/>, extract of hour, minute and second is left out: Trino refuses
    /// them from a date (decision 297, DuneWild28Tests).</summary>
    private static void AssertAsBefore(DuneSqlDb db, string table, string value, int atLeast, bool clockExtracts = true)
    {
        foreach (string read in Reads.Where(r => clockExtracts || (!r.StartsWith("extract(hour", StringComparison.Ordinal)
            && !r.StartsWith("extract(minute", StringComparison.Ordinal) && !r.StartsWith("extract(second", StringComparison.Ordinal))))
        {
            AssertRead(db, read.Replace("{x}", value, StringComparison.Ordinal), table, atLeast);
        }
    }

    /// <summary>The read's values and type over the table, by the wall clock and by the old route (dune_wall an identity
    /// macro: the field function binds to its argument's own type, ICU's for a TIMESTAMPTZ).</summary>
    private static void AssertRead(DuneSqlDb db, string read, string table, int atLeast)
    {
        db.Exec("CREATE OR REPLACE TEMP MACRO dune_wall_before(x) AS x");
        string sql = DuneSqlTranslator.Translate($"SELECT CAST({read} AS varchar), typeof({read}) FROM {table} ORDER BY t NULLS FIRST").Sql;
        string before = sql.Replace(DuneWallClock.Function + "(", "dune_wall_before(", StringComparison.Ordinal);
        Assert.NotEqual(sql, before);
        var fast = db.TranslatedRows(sql);
        var slow = db.TranslatedRows(before);
        Assert.True(fast.Count >= atLeast, $"{read}: {fast.Count} rows");
        Assert.Equal(slow.Select(r => r[0] + " " + r[1]), fast.Select(r => r[0] + " " + r[1]));
    }
}
