using System.Globalization;
using System.Text;

namespace Strata.Tests;

/// <summary>
/// hostile27 (docs/notes/hostile27.md): <c>listagg(… ON OVERFLOW TRUNCATE …)</c> keeps only the values its output can hold
/// while the group's rows come. It was <c>list(value ORDER BY …)</c> and a scalar join, so DuckDB held and sorted the whole
/// group to write at most a mebibyte of it. The answers are Trino's AbstractListaggAggregationState, written again here in
/// C# (<see cref="Trino"/>) over the same rows in the ORDER BY's order.
/// </summary>
public sealed class Hostile27ListaggTruncateTests
{
    private const int Bound = 1_048_576;

    /// <summary>Trino's listagg ON OVERFLOW TRUNCATE over a group's non-NULL values in order: values while the output stays
    /// within the bound, then the separator (after a value), the filler and, WITH COUNT, (n) for the values left out.</summary>
    private static string? Trino(IReadOnlyList<string> ordered, string separator, string filler, bool withCount)
    {
        if (ordered.Count == 0)
        {
            return null;
        }
        var output = new StringBuilder();
        long bytes = 0;
        int sep = Encoding.UTF8.GetByteCount(separator);
        for (int i = 0; i < ordered.Count; i++)
        {
            long required = Encoding.UTF8.GetByteCount(ordered[i]) + (i > 0 ? sep : 0);
            if (bytes + required > Bound)
            {
                output.Append(i > 0 ? separator : "").Append(filler);
                if (withCount)
                {
                    output.Append(CultureInfo.InvariantCulture, $"({ordered.Count - i})");
                }
                return output.ToString();
            }
            output.Append(i > 0 ? separator : "").Append(ordered[i]);
            bytes += required;
        }
        return output.ToString();
    }

    /// <summary>2,000,000 values of 100 bytes (200 MB) in one group, arriving in no particular order.</summary>
    private const string Millions = "FROM (SELECT lpad(CAST(((a.x * 7919) % 1000) * 10000 + b.y AS varchar), 100, '0') AS v "
        + "FROM UNNEST(sequence(1, 1000)) a(x) CROSS JOIN UNNEST(sequence(1, 2000)) b(y)) s";

    private static List<string> MillionsOrdered() =>
        [.. Enumerable.Range(1, 1000).SelectMany(x => Enumerable.Range(1, 2000).Select(y => (x * 7919 % 1000 * 10000L) + y))
            .Order().Select(n => n.ToString(CultureInfo.InvariantCulture).PadLeft(100, '0'))];

    [Fact]
    public void A_group_of_millions_of_long_values_truncates_within_a_small_memory_limit()
    {
        // A memory limit far below the group and no spill: holding the group ran out of memory; keeping only what the
        // output can hold answers Trino's text.
        using var db = new DuneSql.DuneSqlDb();
        db.Exec("SET memory_limit = '64MB'; SET temp_directory = ''; SET threads = 2;");
        var ordered = MillionsOrdered();
        Assert.Equal(Trino(ordered, ",", "...", true),
            db.Scalar("SELECT listagg(v, ',' ON OVERFLOW TRUNCATE WITH COUNT) WITHIN GROUP (ORDER BY v) " + Millions));
        ordered.Reverse();
        Assert.Equal(Trino(ordered, "", "~", false),
            db.Scalar("SELECT listagg(v ON OVERFLOW TRUNCATE '~' WITHOUT COUNT) WITHIN GROUP (ORDER BY v DESC) " + Millions));
    }

    /// <summary>20,010 rows: a key permuted from x (20,011 is prime), a value of 0 to 3,000 letters, NULL for every 50th
    /// row, and for every 97th row a NULL key with the value 'N' (ties among NULL keys then write the same text).</summary>
    private const string Rows = "FROM (SELECT x, IF(x % 97 = 0, NULL, (x * 7919) % 20011) AS k, "
        + "CASE WHEN x % 50 = 0 THEN NULL WHEN x % 97 = 0 THEN 'N' ELSE lpad('', (x * 104729) % 3001, substr('abcdefghijklmnopqrstuvwxyz', CAST(x % 26 AS integer) + 1, 1)) END AS v "
        + "FROM (SELECT i * 6670 + j AS x FROM UNNEST(sequence(0, 2)) a(i) CROSS JOIN UNNEST(sequence(1, 6670)) b(j)) t) s";

    private sealed record Row(int X, int? K, string? V);

    private static IEnumerable<Row> AllRows() => Enumerable.Range(1, 20010).Select(x => new Row(x,
        x % 97 == 0 ? null : x * 7919 % 20011,
        x % 50 == 0 ? null : x % 97 == 0 ? "N" : new string((char)(97 + (x % 26)), (int)((long)x * 104729 % 3001))));

    [Theory]
    [InlineData(false, false, ",", "...", true)]
    [InlineData(true, false, ", ", "[more]", false)]
    [InlineData(false, true, "", "…", true)]
    [InlineData(true, true, ";", "", true)]
    public void Groups_in_any_arrival_order_answer_Trinos_text(bool descending, bool nullsFirst, string separator, string filler, bool withCount)
    {
        string order = "k" + (descending ? " DESC" : "") + (nullsFirst ? " NULLS FIRST" : "");
        string overflow = $"'{separator}' ON OVERFLOW TRUNCATE '{filler}' {(withCount ? "WITH" : "WITHOUT")} COUNT";
        using var db = new DuneSql.DuneSqlDb();
        db.Exec("SET threads = 4;");
        var actual = db.Rows($"SELECT x % 3, listagg(v, {overflow}) WITHIN GROUP (ORDER BY {order}) {Rows} GROUP BY 1 ORDER BY 1")
            .Select(r => r[1]).ToList();
        var expected = Enumerable.Range(0, 3).Select(g =>
        {
            var group = AllRows().Where(r => r.X % 3 == g && r.V is not null);
            var keyed = group.Where(r => r.K is not null);
            var sorted = descending ? keyed.OrderByDescending(r => r.K) : keyed.OrderBy(r => r.K);
            var nulls = group.Where(r => r.K is null);
            var ordered = (nullsFirst ? nulls.Concat(sorted) : sorted.Concat(nulls)).Select(r => r.V!).ToList();
            return Trino(ordered, separator, filler, withCount) ?? "NULL";
        }).ToList();
        Assert.Equal(expected.Select(e => e.Length), actual.Select(a => a.Length));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void A_filter_and_several_order_keys_are_kept()
    {
        using var db = new DuneSql.DuneSqlDb();
        db.Exec("SET threads = 4;");
        string sql = $"SELECT listagg(v, ',' ON OVERFLOW TRUNCATE WITH COUNT) WITHIN GROUP (ORDER BY x % 7 DESC, k ASC NULLS FIRST) "
            + $"FILTER (WHERE x % 5 <> 0) {Rows}";
        var ordered = AllRows().Where(r => r.X % 5 != 0 && r.V is not null)
            .OrderByDescending(r => r.X % 7).ThenBy(r => r.K is null ? 0 : 1).ThenBy(r => r.K).Select(r => r.V!).ToList();
        Assert.Equal(Trino(ordered, ",", "...", true), db.Scalar(sql));
    }

    [Theory]
    // Values each past the bound alone: none written, all counted.
    [InlineData("SELECT listagg(v, ',' ON OVERFLOW TRUNCATE WITH COUNT) WITHIN GROUP (ORDER BY v) FROM (SELECT lpad(CAST(x AS varchar), 1048577, 'x') v FROM UNNEST(sequence(1, 3)) t(x))", "...(3)")]
    // Exactly the bound: 4,096 values, one of 256 bytes and 4,095 of 255, and 4,095 separators: nothing truncated.
    [InlineData("SELECT length(listagg(lpad('', IF(x = 4096, 256, 255), 'x'), ',' ON OVERFLOW TRUNCATE WITH COUNT) WITHIN GROUP (ORDER BY x DESC)) FROM UNNEST(sequence(1, 4096)) t(x)", "1048576")]
    // The smallest key arrives last and pushes the largest kept value out.
    [InlineData("SELECT length(listagg(v, ',' ON OVERFLOW TRUNCATE WITH COUNT) WITHIN GROUP (ORDER BY k)) FROM (VALUES (2, lpad('', 600000, 'b')), (3, lpad('', 400000, 'c')), (1, lpad('', 100000, 'a'))) t(k, v)", "700008")]
    // DISTINCT: duplicates written and counted once.
    [InlineData("SELECT listagg(DISTINCT v, ',' ON OVERFLOW TRUNCATE WITH COUNT) WITHIN GROUP (ORDER BY v) FROM (VALUES 'b', 'a', 'b', NULL, 'a') t(v)", "a,b")]
    // Only NULL values: NULL.
    [InlineData("SELECT listagg(v, ',' ON OVERFLOW TRUNCATE WITH COUNT) WITHIN GROUP (ORDER BY v) FROM (VALUES CAST(NULL AS varchar)) t(v)", "NULL")]
    public void Edges_answer_Trinos_text(string sql, string expected)
    {
        using var db = new DuneSql.DuneSqlDb();
        db.Exec("SET threads = 4;");
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Fact]
    public void Groups_that_together_keep_more_than_the_execution_bound_fail_naming_it()
    {
        // 300 groups, each keeping about a mebibyte of values: past the 256 MiB one execution's groups may keep.
        using var db = new DuneSql.DuneSqlDb();
        db.Exec("SET threads = 2;");
        var e = Assert.ThrowsAny<DuckDB.NET.Data.DuckDBException>(() => db.Rows(
            "SELECT g, length(listagg(lpad('', 100000, 'x'), ',' ON OVERFLOW TRUNCATE WITH COUNT) WITHIN GROUP (ORDER BY y)) "
            + "FROM UNNEST(sequence(1, 300)) a(g) CROSS JOIN UNNEST(sequence(1, 12)) b(y) GROUP BY g"));
        Assert.Contains("listagg ON OVERFLOW TRUNCATE would hold more than 268435456 bytes of values and ORDER BY keys", e.Message, StringComparison.Ordinal);
    }
}

/// <summary>
/// hostile27: endpoint slugs and materialized view names were lowered with <see cref="string.ToLowerInvariant"/> before
/// the ASCII rule was checked, and that lowers the Kelvin sign (U+212A) to <c>k</c>: <c>\u212Aelvin</c> was accepted as
/// the slug <c>kelvin</c> and <c>result_\u212A</c> as the view <c>result_k</c>, names the rule refuses standing for
/// others. Only A-Z are lowered now, so the rule sees what was given.
/// </summary>
public sealed class Hostile27NameTests
{
    [Theory]
    [InlineData("\u212Aelvin")]
    [InlineData("caf\u00E9")]
    [InlineData("\u0130stanbul")]
    public void A_slug_with_a_letter_outside_ascii_is_refused(string slug)
    {
        var e = Assert.Throws<Strata.Application.UseCaseException>(() => Strata.Application.Queries.QueryEndpoints.CheckSlug(slug));
        Assert.Equal(Strata.Application.UseCaseError.Invalid, e.Error);
    }

    [Theory]
    [InlineData("result_\u212A")]
    [InlineData("RESULT_\u0130")]
    public void A_view_name_with_a_letter_outside_ascii_is_refused(string name)
    {
        var e = Assert.Throws<Strata.Application.UseCaseException>(() => Strata.Application.Views.ViewNames.Resolve("bob", name));
        Assert.Equal(Strata.Application.UseCaseError.Invalid, e.Error);
    }

    [Fact]
    public void Ascii_capitals_still_name_the_lower_case_slug_and_view()
    {
        Assert.Equal("my-slug_1", Strata.Application.Queries.QueryEndpoints.CheckSlug(" My-SLUG_1 "));
        Assert.Equal(("kate", "result_x"), Strata.Application.Views.ViewNames.Resolve("bob", "DUNE.Kate.RESULT_X"));
        Assert.Equal(("bob", "result_k"), Strata.Application.Views.ViewNames.Resolve("bob", "result_K"));
        // An owner with the Kelvin sign is no longer the handle "kate" (it names nobody: not found later).
        Assert.NotEqual("kate", Strata.Application.Views.ViewNames.Resolve("bob", "dune.\u212Aate.result_x").Owner);
    }
}
