using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 292 (dune-datetime11): Trino's UNION, INTERSECT and EXCEPT (distinct) compare rows with each
/// column's equal operator, and a timestamp with time zone's reads the instant alone, so one instant in two zones is one
/// row (kept with whichever zone the operator met; the tests accept any of them and check the instant); NULLs are one
/// value in a set operation. The instants are Java 17's (<c>OffsetDateTime.parse(s).toInstant().toEpochMilli()</c>):
/// '2020-05-11T11:15:05.123+05:30', '…05:45:05.123Z' and '…07:45:05.123+02:00' are all 1589175905123, '…05:45:05.124Z'
/// is 1589175905124.
/// </summary>
public sealed class DuneSqlDateTime11Tests
{
    private const string Cte = "WITH c AS (SELECT k, from_iso8601_timestamp(s) AS x FROM (VALUES (1, '2020-05-11T11:15:05.123+05:30'), "
        + "(2, '2020-05-11T05:45:05.123Z'), (3, '2020-05-11T07:45:05.123+02:00'), (4, '2020-05-11T05:45:05.124Z'), (5, CAST(NULL AS varchar))) v(k, s)) ";

    /// <summary>Trino's text of each row's value (wall clock in its zone, three digits, the zone; Z is UTC).</summary>
    private static readonly string[] Texts = ["2020-05-11 11:15:05.123 +05:30", "2020-05-11 05:45:05.123 UTC", "2020-05-11 07:45:05.123 +02:00",
        "2020-05-11 05:45:05.124 UTC"];

    private const string Early = "1589175905.123", Late = "1589175905.124";

    /// <summary>Each row's instant (to_unixtime) and text, in the order of the instants.</summary>
    private static List<(string Instant, string Text)> Instants(DuneSqlDb db, string setOperation) =>
        db.Rows(Cte + $"SELECT to_unixtime(x), CAST(x AS varchar) FROM ({setOperation}) ORDER BY to_unixtime(x) NULLS FIRST")
            .Select(r => (r[0], r[1])).ToList();

    [Theory]
    [InlineData("SELECT x FROM c WHERE k = 1 UNION SELECT x FROM c WHERE k = 2", "1,2", Early)]
    [InlineData("SELECT x FROM c WHERE k = 1 UNION DISTINCT SELECT x FROM c WHERE k = 2 UNION SELECT x FROM c WHERE k = 3", "1,2,3", Early)]
    [InlineData("SELECT x FROM c WHERE k = 1 UNION ALL SELECT x FROM c WHERE k = 2 UNION SELECT x FROM c WHERE k = 4", "1,2,4", Early + "," + Late)]
    [InlineData("(SELECT x FROM c WHERE k = 1) UNION (SELECT x FROM c WHERE k IN (2, 3, 4))", "1,2,3,4", Early + "," + Late)]
    [InlineData("SELECT x FROM c WHERE k < 5 UNION SELECT x FROM c", "1,2,3,4", "NULL," + Early + "," + Late)]
    [InlineData("SELECT x FROM c WHERE k IN (1, 4) INTERSECT SELECT x FROM c WHERE k = 2", "1,2", Early)]
    [InlineData("SELECT x FROM c INTERSECT SELECT x FROM c WHERE k IN (3, 5) INTERSECT SELECT x FROM c WHERE k <> 3", "1,2,3", "NULL," + Early)]
    [InlineData("SELECT x FROM c WHERE k < 5 EXCEPT SELECT x FROM c WHERE k = 2", "4", Late)]
    [InlineData("SELECT x FROM c EXCEPT SELECT x FROM c WHERE k = 4", "1,2,3", "NULL," + Early)]
    [InlineData("SELECT x FROM c EXCEPT SELECT x FROM c WHERE k = 4 EXCEPT SELECT x FROM c WHERE k = 5", "1,2,3", Early)]
    public void A_set_operation_takes_two_zones_of_one_instant_as_one_row(string setOperation, string keys, string instants)
    {
        using var db = new DuneSqlDb();
        var rows = Instants(db, setOperation);
        Assert.Equal(instants.Split(','), rows.Select(r => r.Instant));
        var allowed = keys.Split(',').Select(k => Texts[int.Parse(k, System.Globalization.CultureInfo.InvariantCulture) - 1]).Append("NULL").ToList();
        Assert.All(rows, r => Assert.Contains(r.Text, allowed));
    }

    /// <summary>The other columns still tell rows apart, NULLs being one value; UNION ALL and INTERSECT/EXCEPT without a
    /// match keep their rows.</summary>
    [Theory]
    [InlineData("SELECT x, 'a' AS t FROM c WHERE k < 4 UNION SELECT x, 'b' FROM c WHERE k < 3", "2")]
    [InlineData("SELECT x, CAST(NULL AS integer) AS n FROM c WHERE k = 1 UNION SELECT x, NULL FROM c WHERE k = 2", "1")]
    [InlineData("SELECT x, CAST(NULL AS integer) AS n FROM c WHERE k = 1 INTERSECT SELECT x, NULL FROM c WHERE k = 3", "1")]
    [InlineData("SELECT x, 1 AS n FROM c WHERE k = 1 INTERSECT SELECT x, 2 FROM c WHERE k = 3", "0")]
    [InlineData("SELECT x, k > 1 AS b FROM c WHERE k IN (1, 2) EXCEPT SELECT x, true FROM c WHERE k = 3", "1")]
    [InlineData("SELECT x FROM c WHERE k = 1 UNION ALL SELECT x FROM c WHERE k = 2", "2")]
    [InlineData("SELECT x FROM c WHERE k = 1 INTERSECT SELECT x FROM c WHERE k = 4", "0")]
    public void Other_columns_and_nulls_count_as_Trino_counts_them(string setOperation, string count)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(count, db.Scalar(Cte + $"SELECT count(*) FROM ({setOperation})"));
    }

    /// <summary>The chain's ORDER BY and LIMIT read its rows (an ORDER BY of an expression wraps it once more), and a
    /// chain in a CTE is one.</summary>
    [Fact]
    public void Order_by_limit_and_a_cte_read_the_distinct_rows()
    {
        using var db = new DuneSqlDb();
        var ordered = db.Rows(Cte + "SELECT x, k FROM c WHERE k = 4 UNION SELECT x, 0 FROM c WHERE k < 4 ORDER BY k DESC");
        Assert.Equal(["4", "0"], ordered.Select(r => r[1]));
        // Ascending, the first two rows are two instants only when the three zones of the first are one row.
        var byExpression = db.Rows(Cte + "SELECT to_unixtime(x) FROM (SELECT x FROM c WHERE k < 5 UNION SELECT x FROM c WHERE k = 2 "
            + "ORDER BY to_unixtime(x) LIMIT 2) ORDER BY 1");
        Assert.Equal([Early, Late], byExpression.Select(r => r[0]));
        Assert.Equal("1", db.Scalar(Cte + ", u AS (SELECT x FROM c WHERE k = 1 UNION SELECT x FROM c WHERE k = 3) SELECT count(*) FROM u"));
        // The first branch names the columns: three instants (one NULL) under each of two tags.
        Assert.Equal(["a", "a", "a", "b", "b", "b"],
            db.Rows(Cte + "SELECT t FROM (SELECT x, 'a' AS t FROM c UNION SELECT x, 'b' FROM c) ORDER BY t").Select(r => r[0]));
    }

    /// <summary>A text without a zone per row keeps DuckDB's own set operations.</summary>
    [Theory]
    [InlineData("SELECT 1 UNION SELECT 2")]
    [InlineData("SELECT TIMESTAMP '2024-01-01 00:00:00 UTC' UNION SELECT now() INTERSECT SELECT now()")]
    [InlineData("SELECT block_time FROM ethereum.blocks UNION SELECT block_time FROM ethereum.transactions")]
    public void A_text_without_a_zone_per_row_is_not_rewritten(string sql)
    {
        Assert.DoesNotContain("DISTINCT ON", DuneSqlTranslator.Translate(sql).Sql, StringComparison.OrdinalIgnoreCase);
    }
}
