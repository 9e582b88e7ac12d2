using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 279 (dune-datetime9). Trino's timestamp with time zone hashes and compares its instant alone, so
/// GROUP BY, DISTINCT, count(DISTINCT) and approx_distinct treat one instant in two zones as one value, and the value a
/// group keeps is one of its rows' (the first its hash aggregation met: a test accepts any of them and checks the
/// instant through the group's other rows). The instants are Java 17 java.time's (OffsetDateTime.parse(…).toInstant(),
/// Instant.atZone; /tmp/dd9java in the note): '2020-05-11T11:15:05.123+05:30', '…05:45:05.123Z' and
/// '…07:45:05.123+02:00' are all 05:45:05.123Z (1589175905123 ms), '…05:45:05.124Z' one millisecond later;
/// '…11:15:05.123456789+05:30' and '…01:45:05.123456789-04:00' are both 05:45:05.123456789Z, '…01:45:05.123456788-04:00'
/// one nanosecond earlier; 2024-01-01 00:00:00 UTC is 09:00 in Asia/Tokyo and 01:00 in Europe/Berlin. Texts are Trino's
/// (the wall clock, p digits, then the zone; a Z offset is UTC).
/// </summary>
public sealed class DuneSqlDateTime9Tests
{
    private const string Milli = "(VALUES '2020-05-11T11:15:05.123+05:30', '2020-05-11T05:45:05.123Z', '2020-05-11T07:45:05.123+02:00', "
        + "'2020-05-11T05:45:05.124Z') v(s)";

    private static readonly string[] MilliTexts = ["2020-05-11 11:15:05.123 +05:30", "2020-05-11 05:45:05.123 UTC", "2020-05-11 07:45:05.123 +02:00"];

    private const string Nano = "(VALUES '2020-05-11T11:15:05.123456789+05:30', '2020-05-11T01:45:05.123456789-04:00', "
        + "'2020-05-11T01:45:05.123456788-04:00') v(s)";

    private static readonly string[] NanoTexts = ["2020-05-11 11:15:05.123456789 +05:30", "2020-05-11 01:45:05.123456789 -04:00"];

    private const string Zones = "(VALUES 'Asia/Tokyo', 'Europe/Berlin', 'UTC') v(z)";

    private static readonly string[] ZoneTexts = ["2024-01-01 09:00:00.000 Asia/Tokyo", "2024-01-01 01:00:00.000 Europe/Berlin", "2024-01-01 00:00:00.000 UTC"];

    /// <summary>Each statement gives (n, the group's value as text) per group: one group of the equal instants, whose value
    /// is any of theirs, and one of the other instant (when there is one).</summary>
    [Theory]
    [InlineData($"SELECT count(*) AS n, CAST(x AS varchar) FROM (SELECT from_iso8601_timestamp(s) AS x FROM {Milli}) GROUP BY x", "milli")]
    [InlineData($"SELECT count(*) AS n, CAST(from_iso8601_timestamp(s) AS varchar) FROM {Milli} GROUP BY from_iso8601_timestamp(s)", "milli")]
    [InlineData($"SELECT n, CAST(x AS varchar) FROM (SELECT from_iso8601_timestamp(s) AS x, count(*) AS n FROM {Milli} GROUP BY 1)", "milli")]
    [InlineData($"WITH c AS (SELECT from_iso8601_timestamp(s) AS x FROM {Milli}) SELECT count(*), CAST(x AS varchar) FROM c GROUP BY x", "milli")]
    [InlineData($"WITH c AS (SELECT from_iso8601_timestamp(s) AS x FROM {Milli}), g AS (SELECT x, count(*) AS n FROM c GROUP BY x) "
        + "SELECT n, CAST(x AS varchar) FROM g", "milli")]
    // Review of 279: the key's column written qualified in one place and bare in another is one column.
    [InlineData($"WITH c AS (SELECT from_iso8601_timestamp(s) AS x FROM {Milli}) SELECT count(*), CAST(c.x AS varchar) FROM c GROUP BY x ORDER BY c.x", "milli")]
    [InlineData($"WITH c AS (SELECT from_iso8601_timestamp(s) AS x FROM {Milli}) SELECT count(*), CAST(x AS varchar) FROM c GROUP BY c.x ORDER BY x", "milli")]
    [InlineData($"SELECT count(*), CAST(x AS varchar) FROM (SELECT from_iso8601_timestamp_nanos(s) AS x FROM {Nano}) GROUP BY x", "nano")]
    [InlineData($"SELECT n, CAST(x AS varchar) FROM (SELECT from_iso8601_timestamp_nanos(s) x, count(*) n FROM {Nano} GROUP BY 1)", "nano")]
    [InlineData($"SELECT count(*), CAST(at_timezone(TIMESTAMP '2024-01-01 00:00:00.000 UTC', z) AS varchar) FROM {Zones} "
        + "GROUP BY at_timezone(TIMESTAMP '2024-01-01 00:00:00.000 UTC', z)", "zones")]
    // A constant zone's value and values of a zone per row in one column.
    [InlineData($"SELECT count(*), CAST(x AS varchar) FROM (SELECT with_timezone(TIMESTAMP '2024-01-01 09:00:00.000', 'Asia/Tokyo') AS x "
        + $"UNION ALL SELECT at_timezone(TIMESTAMP '2024-01-01 00:00:00.000 UTC', z) FROM {Zones}) GROUP BY x", "zones4")]
    public void Group_by_puts_one_instant_in_two_zones_in_one_group(string sql, string data)
    {
        using var db = new DuneSqlDb();
        var groups = db.Rows(sql).Select(r => (N: int.Parse(r[0], System.Globalization.CultureInfo.InvariantCulture), Text: r[1])).OrderBy(g => g.N).ToList();
        switch (data)
        {
            case "milli":
                Assert.Equal([1, 3], groups.Select(g => g.N));
                Assert.Equal("2020-05-11 05:45:05.124 UTC", groups[0].Text);
                Assert.Contains(groups[1].Text, MilliTexts);
                break;
            case "nano":
                Assert.Equal([1, 2], groups.Select(g => g.N));
                Assert.Equal("2020-05-11 01:45:05.123456788 -04:00", groups[0].Text);
                Assert.Contains(groups[1].Text, NanoTexts);
                break;
            case "zones":
                Assert.Equal([3], groups.Select(g => g.N));
                Assert.Contains(groups[0].Text, ZoneTexts);
                break;
            default:
                Assert.Equal([4], groups.Select(g => g.N));
                Assert.Contains(groups[0].Text, ZoneTexts);
                break;
        }
    }

    /// <summary>HAVING, ORDER BY and an aggregate beside the group's value read the same groups.</summary>
    [Fact]
    public void Having_and_order_by_read_the_instant_groups()
    {
        using var db = new DuneSqlDb();
        var rows = db.Rows($"SELECT from_iso8601_timestamp(s) AS x, count(*) AS n, min(s) FROM {Milli} GROUP BY 1 HAVING count(*) > 1 ORDER BY x");
        Assert.Single(rows);
        Assert.Equal(("3", "2020-05-11T05:45:05.123Z"), (rows[0][1], rows[0][2]));
        var ordered = db.Rows($"SELECT count(*) FROM {Milli} GROUP BY from_iso8601_timestamp(s) ORDER BY from_iso8601_timestamp(s) DESC");
        Assert.Equal(["1", "3"], ordered.Select(r => r[0]));
    }

    [Theory]
    [InlineData($"SELECT count(*) FROM (SELECT DISTINCT from_iso8601_timestamp(s) FROM {Milli})", "2")]
    [InlineData($"SELECT count(*) FROM (SELECT DISTINCT from_iso8601_timestamp(s) AS x, 1 AS k FROM {Milli})", "2")]
    [InlineData($"SELECT count(*) FROM (SELECT DISTINCT from_iso8601_timestamp_nanos(s) FROM {Nano})", "2")]
    [InlineData($"SELECT count(*) FROM (SELECT DISTINCT at_timezone(TIMESTAMP '2024-01-01 00:00:00.000 UTC', z) FROM {Zones})", "1")]
    [InlineData($"SELECT count(DISTINCT from_iso8601_timestamp(s)) FROM {Milli}", "2")]
    [InlineData($"SELECT count(DISTINCT from_iso8601_timestamp_nanos(s)) FROM {Nano}", "2")]
    [InlineData($"SELECT count(DISTINCT at_timezone(TIMESTAMP '2024-01-01 00:00:00.000 UTC', z)) FROM {Zones}", "1")]
    [InlineData($"SELECT approx_distinct(from_iso8601_timestamp(s)) FROM {Milli}", "2")]
    [InlineData($"WITH c AS (SELECT from_iso8601_timestamp_nanos(s) AS x FROM {Nano}) SELECT approx_distinct(x) FROM c", "2")]
    // Values of one zone and a distinct of other columns are as before.
    [InlineData($"SELECT count(*) FROM (SELECT DISTINCT substr(s, 1, 10) FROM {Milli})", "1")]
    public void Distinct_keeps_one_value_per_instant(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Fact]
    public void A_distinct_value_is_one_of_its_rows()
    {
        using var db = new DuneSqlDb();
        var rows = db.Rows($"SELECT DISTINCT CAST(from_iso8601_timestamp(s) AS varchar) AS t, from_iso8601_timestamp(s) FROM {Milli}");
        // The text differs per zone, so the text column keeps four rows; the instant alone groups only in its own column.
        Assert.Equal(4, rows.Count);
        var ordered = db.Rows($"SELECT DISTINCT from_iso8601_timestamp(s) AS x FROM {Milli} ORDER BY x DESC");
        Assert.Equal(2, ordered.Count);
    }

    /// <summary>Trino has no comparison of a timestamp with time zone with a number: it refuses the operator as its
    /// analyzer resolves it (<c>&lt;&gt;</c> through =, <c>&gt;</c> through &lt;, <c>&gt;=</c> through &lt;=, operands as
    /// written), at the operator.</summary>
    [Theory]
    [InlineData("SELECT from_iso8601_timestamp(s) = 1 FROM (VALUES '2020-05-11T11:15:05.123+05:30') v(s)", "timestamp(3) with time zone = integer", "=")]
    [InlineData("SELECT from_iso8601_timestamp(s) <> 1 FROM (VALUES '2020-05-11T11:15:05.123+05:30') v(s)", "timestamp(3) with time zone = integer", "<>")]
    [InlineData("SELECT from_iso8601_timestamp(s) != 1 FROM (VALUES '2020-05-11T11:15:05.123+05:30') v(s)", "timestamp(3) with time zone = integer", "!=")]
    [InlineData("SELECT from_iso8601_timestamp(s) > 1 FROM (VALUES '2020-05-11T11:15:05.123+05:30') v(s)", "timestamp(3) with time zone < integer", ">")]
    [InlineData("SELECT from_iso8601_timestamp(s) >= 5000000000 FROM (VALUES '2020-05-11T11:15:05.123+05:30') v(s)", "timestamp(3) with time zone <= bigint", ">=")]
    [InlineData("SELECT 1.5 < from_iso8601_timestamp_nanos(s) FROM (VALUES '2020-05-11T11:15:05.123+05:30') v(s)", "decimal(2,1) < timestamp(9) with time zone", "<")]
    [InlineData("SELECT at_timezone(TIMESTAMP '2024-01-01 00:00:00.000 UTC', z) <= 0 FROM (VALUES 'Asia/Tokyo') v(z)", "timestamp(3) with time zone <= integer", "<=")]
    public void A_rows_zone_compared_with_a_number_is_refused_in_trinos_words(string sql, string types, string op)
    {
        var error = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql)).Error;
        Assert.Equal((ExecutionError.ExecutionFailed, "Cannot apply operator: " + types), (error.Type, error.Message));
        Assert.Equal((1, sql.IndexOf(" " + op + " ", StringComparison.Ordinal) + 2), (error.Line, error.Column));
    }

    /// <summary><c>x AT TIME ZONE 'UTC'</c> is a timestamp with time zone in UTC (Trino's AtTimeZone: the instant in the zone;
    /// a timestamp is read in the session zone, UTC), so its text ends in the zone: 11:15:05.123456+05:30 is 05:45:05.123456Z.</summary>
    [Theory]
    [InlineData("SELECT CAST(CAST(x AS timestamp(6) with time zone) AT TIME ZONE 'UTC' AS varchar) FROM (VALUES '2020-05-11 11:15:05.123456 Asia/Kolkata') v(x)",
        "2020-05-11 05:45:05.123456 UTC")]
    [InlineData("SELECT CAST(CAST(x AS timestamp(6) with time zone) AT TIME ZONE 'UTC' AS varchar) FROM (VALUES '1500-01-01 11:00:00.123456 UTC') v(x)",
        "1500-01-01 11:00:00.123456 UTC")]
    [InlineData("SELECT CAST(TIMESTAMP '2020-05-11 05:45:05.123' AT TIME ZONE 'UTC' AS varchar)", "2020-05-11 05:45:05.123 UTC")]
    [InlineData("SELECT CAST(from_iso8601_timestamp(x) AT TIME ZONE 'UTC' AS varchar) FROM (VALUES '2020-05-11T11:15:05.123+05:30') v(x)",
        "2020-05-11 05:45:05.123 UTC")]
    [InlineData("SELECT CAST(from_iso8601_timestamp(x) AT TIME ZONE 'UTC' = from_iso8601_timestamp(x) AS varchar) FROM (VALUES '2020-05-11T11:15:05.123+05:30') v(x)",
        "true")]
    public void At_time_zone_utc_keeps_the_zone(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    private const string Pair = "(VALUES ('2020-05-11T11:15:05.123+05:30', '2020-05-11T05:45:05.123Z', '2020-05-11T04:00:00.000Z')) v(t, u, w)";

    /// <summary>A zone per row inside a call whose type is its argument's, and a CTE column made from one, compares by its
    /// instant (date_trunc to the second keeps 05:45:05Z in both zones, +05:30 being whole minutes).</summary>
    [Theory]
    [InlineData($"SELECT date_trunc('second', from_iso8601_timestamp(t)) = date_trunc('second', from_iso8601_timestamp(u)) FROM {Pair}", "true")]
    [InlineData($"SELECT coalesce(from_iso8601_timestamp(t), TIMESTAMP '2000-01-01 00:00:00') = from_iso8601_timestamp(u) FROM {Pair}", "true")]
    [InlineData($"SELECT greatest(from_iso8601_timestamp(t), from_iso8601_timestamp(w)) = from_iso8601_timestamp(u) FROM {Pair}", "true")]
    // A window's max as a CTE column (a window written in the comparison itself is out of the operand scan's reach).
    [InlineData($"WITH c AS (SELECT max(from_iso8601_timestamp(t)) OVER () AS m, u FROM {Pair}) SELECT m = from_iso8601_timestamp(u) FROM c", "true")]
    [InlineData($"WITH c AS (SELECT max(from_iso8601_timestamp(t)) OVER () AS m, u FROM {Pair}) SELECT m > from_iso8601_timestamp(u) FROM c", "false")]
    [InlineData($"WITH c AS (SELECT from_iso8601_timestamp(t) AS a, from_iso8601_timestamp(u) b FROM {Pair}) SELECT a = b AND NOT a < b FROM c", "true")]
    [InlineData($"WITH c AS (SELECT from_iso8601_timestamp(t) AS a, u FROM {Pair}), d AS (SELECT a, from_iso8601_timestamp(u) AS b FROM c) "
        + "SELECT d.a = d.b FROM d", "true")]
    public void A_rows_zone_inside_a_call_or_a_cte_compares_by_its_instant(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, db.Scalar(sql));
    }

    /// <summary>A table's column (whose type the scan does not know) with a zone column: 2024-01-01 00:00:00 UTC in Tokyo
    /// and in Berlin is one instant, so one group, one distinct value, and a self-join matches each row twice.</summary>
    [Fact]
    public void A_cte_of_at_timezone_over_a_table_groups_by_instant()
    {
        using var db = new DuneSqlDb("CREATE TABLE zoned AS SELECT * FROM (VALUES (TIMESTAMPTZ '2024-01-01 00:00:00+00', 'Asia/Tokyo'), "
            + "(TIMESTAMPTZ '2024-01-01 00:00:00+00', 'Europe/Berlin')) v(ts, z)");
        const string Cte = "WITH c AS (SELECT at_timezone(ts, z) AS x, date_trunc('hour', at_timezone(ts, z)) AS h FROM zoned) ";
        Assert.Equal(["1", "2", "1"], db.Rows(Cte + "SELECT count(DISTINCT x), count(*), count(DISTINCT h) FROM c")[0]);
        Assert.Equal("4", db.Scalar(Cte + "SELECT count(*) FROM c a JOIN c b ON a.x = b.x"));
        Assert.Equal("4", db.Scalar(Cte + "SELECT count(*) FROM c a JOIN c b ON a.h = b.h"));
        var groups = db.Rows(Cte + "SELECT count(*), CAST(x AS varchar) FROM c GROUP BY x");
        Assert.Single(groups);
        Assert.Equal("2", groups[0][0]);
        Assert.Contains(groups[0][1], new[] { "2024-01-01 09:00:00.000 Asia/Tokyo", "2024-01-01 01:00:00.000 Europe/Berlin" });
    }
}
