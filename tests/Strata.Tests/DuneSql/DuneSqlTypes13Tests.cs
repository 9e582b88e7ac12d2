using DuckDB.NET.Data;
using Strata.Core.Engine;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Trino's <c>normalize</c> (decision "dune-types13"): NFC, by default or by its bare keyword; the other forms are
/// refused by name. Expected values are the Unicode standard's compositions, written by hand. And a timestamp(9) ordered
/// against, between or combined with a timestamp with time zone, which DuckDB refuses: the error names both types by
/// Trino's names and the casts that make the query run.
/// </summary>
public sealed class DuneSqlTypes13Tests
{
    [Theory]
    // e + combining acute composes to U+00E9 (NFC, the default and the keyword); a composed letter stays one.
    [InlineData("SELECT codepoint(normalize('e\u0301')), length(normalize('e\u0301', NFC)), length(normalize('\u00e9', nfc))", "233,1,1")]
    // the ligature U+FB01 is a compatibility character: NFC keeps it; A + ring composes to U+00C5.
    [InlineData("SELECT length(normalize('\ufb01', NFC)), codepoint(normalize('A\u030a'))", "1,197")]
    [InlineData("SELECT normalize(NULL), normalize(s, NFC) FROM (VALUES CAST(NULL AS varchar)) t(s)", "NULL,NULL")]
    [InlineData("SELECT k, length(normalize(s)) FROM (VALUES (1, 'a\u0308'), (2, 'xyz')) t(k, s) ORDER BY k", "1,1|2,3")]
    public void Normalize_gives_nfc(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }

    [Theory]
    [InlineData("SELECT normalize('a', NFD)", "NFD")]
    [InlineData("SELECT normalize('a', nfkc)", "NFKC")]
    [InlineData("SELECT normalize(s, NFKD) FROM (VALUES 'a') t(s)", "NFKD")]
    public void Normalize_names_an_unsupported_form(string sql, string form)
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Contains($"the normal form {form} is not supported here (only NFC)", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT normalize('a', 'NFC')")]
    [InlineData("SELECT normalize('a', NFX)")]
    [InlineData("SELECT normalize('a', NFC, NFD)")]
    [InlineData("SELECT normalize()")]
    public void Normalize_refuses_a_form_that_is_not_a_keyword(string sql)
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Contains("normalize", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT x FROM (VALUES CAST('2024-01-01 00:00:00.123456789' AS timestamp(9))) t(x) WHERE x >= from_unixtime(1)", "Cannot compare timestamp(9) with timestamp(3) with time zone here")]
    // (A timestamp(9) the translator recognizes, a literal or a cast, is compared as Trino does: DuneSqlTypes14Tests.)
    [InlineData("SELECT from_unixtime(1) <= x FROM (VALUES CAST('1970-01-01 00:00:01.000000001' AS timestamp(9))) t(x)", "Cannot compare timestamp(3) with time zone with timestamp(9) here")]
    [InlineData("SELECT x BETWEEN from_unixtime(1) AND from_unixtime(2) FROM (VALUES CAST('2024-01-01 00:00:00.123456789' AS timestamp(9))) t(x)", "Cannot compare timestamp(9) with timestamp(3) with time zone in BETWEEN here")]
    [InlineData("SELECT greatest(CAST('2024-01-01 00:00:00.123456789' AS timestamp(9)), from_unixtime(1))", "Cannot combine timestamp(9) and timestamp(3) with time zone in one value here")]
    public void A_timestamp9_against_a_zoned_timestamp_names_both_types(string sql, string message)
    {
        using var db = new DuneSqlDb();
        var e = Assert.Throws<DuckDBException>(() => db.Rows(sql));
        string rewritten = TrinoErrorMessages.RewriteError(e.Message).Split('\n')[0];
        Assert.Contains(message, rewritten, StringComparison.Ordinal);
        Assert.Contains("CAST(x AS timestamp(9)) of the zoned value", rewritten, StringComparison.Ordinal);
    }

    [Theory]
    // The workarounds the message names give Trino's answer at the precision they keep.
    [InlineData("SELECT CAST('1970-01-01 00:00:01.000000001' AS timestamp(9)) > CAST(from_unixtime(1) AS timestamp(9))", "true")]
    // The cast to timestamp(3) with time zone rounds to milliseconds (decision "dune-types16", Timestamps.roundDiv): .0005
    // is .001, later than from_unixtime(1); .000001 is .000, the same instant.
    [InlineData("SELECT CAST(CAST('1970-01-01 00:00:01.0005' AS timestamp(9)) AS timestamp(3) with time zone) > from_unixtime(1)", "true")]
    [InlineData("SELECT CAST(CAST('1970-01-01 00:00:01.000001' AS timestamp(9)) AS timestamp(3) with time zone) > from_unixtime(1)", "false")]
    // Equality and IN already bind, exactly (1 ns apart is unequal; the same instant is equal).
    [InlineData("SELECT CAST('1970-01-01 00:00:01.000000001' AS timestamp(9)) = from_unixtime(1), CAST('1970-01-01 00:00:01' AS timestamp(9)) = from_unixtime(1)", "false,true")]
    [InlineData("SELECT CAST('1970-01-01 00:00:01.000000001' AS timestamp(9)) IN (from_unixtime(1)), CAST('1970-01-01 00:00:01' AS timestamp(9)) IN (from_unixtime(1))", "false,true")]
    public void The_named_casts_and_equality_give_trinos_answer(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }

    [Theory]
    [InlineData("Cannot compare values of type TIMESTAMP_NS and type TIMESTAMP_NS - an explicit cast is required")]
    [InlineData("Cannot compare values of type TIMESTAMP_NS and type VARCHAR - an explicit cast is required")]
    public void Other_binder_messages_stay_duckdbs(string duckDb)
    {
        Assert.Equal(duckDb, TrinoErrorMessages.Rewrite(duckDb));
    }

    [Theory]
    [InlineData("SELECT m['a'], m['b'], cardinality(m) FROM (SELECT multimap_agg(k, v) AS m FROM (VALUES ('a', 1), ('b', 2), ('a', 3), (NULL, 4)) t(k, v))", "[1, 3],[2],2")]
    [InlineData("SELECT g, multimap_agg(k, v)[1] FROM (VALUES (1, 1, 'x'), (1, 1, 'y'), (2, 1, 'z'), (1, 2, 'w')) t(g, k, v) GROUP BY g ORDER BY g", "1,[x, y]|2,[z]")]
    [InlineData("SELECT array_join(array_sort(multimap_agg(k, v)[7]), '-', 'n') FROM (VALUES (7, 5), (7, 5), (7, NULL)) t(k, v)", "5-5-n")]
    [InlineData("SELECT multimap_agg(k, v) FROM (VALUES (1, 2)) t(k, v) WHERE k > 5", "NULL")]
    [InlineData("SELECT cardinality(multimap_agg(k, v)) FROM (VALUES (CAST(NULL AS integer), 1)) t(k, v)", "NULL")]
    public void Multimap_agg_groups_each_keys_values(string sql, string expected)
    {
        using var db = new DuneSqlDb();
        Assert.Equal(expected, DuneSqlTypes9Tests.Flat(db.Rows(sql)));
    }

    /// <summary>20,000 rows under 1,000 keys in one group: every value lands under its key (the sum of the slices' lengths
    /// and of their values), and a key's slice ends where the next key starts.</summary>
    [Fact]
    public void Multimap_agg_of_many_rows_keeps_every_value_under_its_key()
    {
        using var db = new DuneSqlDb();
        var rows = db.Rows("SELECT cardinality(m), reduce(map_values(m), 0, (s, a) -> s + cardinality(a), s -> s), "
            + "reduce(map_values(m), CAST(0 AS bigint), (s, a) -> s + reduce(a, CAST(0 AS bigint), (t, x) -> t + x, t -> t), s -> s), "
            + "cardinality(m[7]), array_min(m[7]) FROM (SELECT multimap_agg(b, a) AS m FROM unnest(sequence(1, 20)) x(a) CROSS JOIN unnest(sequence(0, 999)) y(b))");
        Assert.Equal("1000,20000,210000,20,1", DuneSqlTypes9Tests.Flat(rows));
    }
}
