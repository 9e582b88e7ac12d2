using System.Globalization;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>
/// hostile32 (decision 300): the known gaps of hostile31. regexp_replace's counted path builds the text without its
/// matches once; a listagg TRUNCATE group's boundary key (a value past the output bound is never kept, its key is) is
/// charged to the execution's bound; several-array UNNEST WITH ORDINALITY answers as Trino.
/// </summary>
public sealed class Hostile32BoundsTests
{
    private static int Occurrences(string text, string part)
    {
        int count = 0;
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }

    [Fact]
    public void Regexp_replaces_counted_path_removes_the_matches_once()
    {
        string sql = DuneSqlTranslator.Translate("SELECT regexp_replace(x, 'q', 'b') FROM t").Sql;
        // The text with every match removed ('') is built once; the one-byte replacement once; the answer's own call on
        // each of the two paths.
        Assert.Equal(1, Occurrences(sql, "'q', '', 'g')"));
        Assert.Equal(1, Occurrences(sql, "'q', chr(1), 'g')"));
    }

    [Theory]
    // The counted path (the worst case passes the bound): 9,000,001 characters, 3 matches of 'x' replaced by 5 each.
    [InlineData("SELECT length(regexp_replace(rpad('', 3000000, 'a') || 'x' || rpad('', 3000000, 'a') || 'x' || rpad('', 3000000, 'a') || 'x', 'x', 'yyyyy'))", 9_000_000 + 15)]
    // Refused on the counted path: 2,000,000 matches of one character replaced by 9 (18,000,000 > 16 MiB).
    [InlineData("SELECT length(regexp_replace(rpad('', 2000000, 'a'), 'a', '123456789'))", -1)]
    public void Regexp_replaces_counted_path_answers_and_refuses_by_the_count(string sql, long expected)
    {
        using var db = new DuneSql.DuneSqlDb();
        if (expected < 0)
        {
            var error = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
            Assert.Contains("regexp_replace: the answer's length (the replacement at each match) is past 16777216", error.Message, StringComparison.Ordinal);
        }
        else
        {
            Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), db.Scalar(sql));
        }
    }

    [Fact]
    public void Listagg_truncate_charges_each_groups_boundary_key()
    {
        // 300 groups of one value of 1,100,000 bytes ordered by itself: each value is past the output's 1 MiB, so none is
        // kept, but each group holds it as its boundary's sort key: about 330 MB, past the 256 MiB one execution's groups may
        // hold (answered before, the keys uncharged).
        using var db = new DuneSql.DuneSqlDb();
        db.Exec("SET threads = 2;");
        var e = Assert.ThrowsAny<DuckDB.NET.Data.DuckDBException>(() => db.Rows(
            "SELECT sum(length(l)) FROM (SELECT g, listagg(v, ',' ON OVERFLOW TRUNCATE WITH COUNT) WITHIN GROUP (ORDER BY v) l "
            + "FROM (SELECT g, lpad(CAST(g AS varchar), 1100000, 'x') v FROM UNNEST(sequence(1, 300)) a(g)) GROUP BY g)"));
        Assert.Contains("listagg ON OVERFLOW TRUNCATE would hold more than 268435456 bytes of values and ORDER BY keys", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Listagg_truncate_with_a_few_boundaries_still_answers()
    {
        // 10 groups of a value past the output and a short one: each answers the short value, the filler and the count.
        using var db = new DuneSql.DuneSqlDb();
        var rows = db.Rows(
            "SELECT g, listagg(v, ',' ON OVERFLOW TRUNCATE '~' WITH COUNT) WITHIN GROUP (ORDER BY length(v)) "
            + "FROM (SELECT g, CASE WHEN k = 1 THEN 'a' ELSE lpad('', 1100000, 'x') END v FROM UNNEST(sequence(1, 10)) a(g) CROSS JOIN UNNEST(sequence(1, 2)) b(k)) GROUP BY g ORDER BY g");
        Assert.Equal(10, rows.Count);
        Assert.All(rows, r => Assert.Equal("a,~(1)", r[1]));
    }

    [Theory]
    // Side by side, the shorter padded with NULLs, numbered by the longest (Trino's UNNEST … WITH ORDINALITY).
    [InlineData("SELECT a, b, n FROM UNNEST(ARRAY[11, 12, 13], ARRAY['p', 'q']) WITH ORDINALITY AS t(a, b, n) ORDER BY n", "11,p,1;12,q,2;13,NULL,3")]
    // Per source row, laterally, each row's elements in order.
    [InlineData("SELECT id, a, b, n FROM (VALUES (1, ARRAY[1, 2], ARRAY['x']), (2, ARRAY[3], ARRAY['y', 'z', 'w'])) s(id, xs, ys) "
        + "CROSS JOIN UNNEST(xs, ys) WITH ORDINALITY AS t(a, b, n) ORDER BY id, n", "1,1,x,1;1,2,NULL,2;2,3,y,1;2,NULL,z,2;2,NULL,w,3")]
    // Rows' fields as columns beside a scalar array.
    [InlineData("SELECT k, v, c, n FROM UNNEST(ARRAY[ROW('a', 1), ROW('b', 2)], ARRAY[true]) WITH ORDINALITY AS t(k, v, c, n) ORDER BY n", "a,1,true,1;b,2,NULL,2")]
    // A map's entries beside an array.
    [InlineData("SELECT k, v, x, n FROM UNNEST(map(ARRAY['m'], ARRAY[5]), ARRAY[7, 8]) WITH ORDINALITY AS t(k, v, x, n) ORDER BY n", "m,5,7,1;NULL,NULL,8,2")]
    public void Several_array_unnest_with_ordinality_answers_as_trino(string sql, string expected)
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal(expected, string.Join(";", db.Rows(sql).Select(r => string.Join(",", r))));
    }
}
