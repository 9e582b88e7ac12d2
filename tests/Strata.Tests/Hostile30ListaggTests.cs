using System.Globalization;

namespace Strata.Tests;

/// <summary>
/// hostile30 (decision 288): <c>listagg(… ON OVERFLOW TRUNCATE …)</c>'s groups of one value are one compact array (their
/// key left out when it is the value's own), and a call's separator and filler are kept once per query, not per group.
/// Before, each group cost ~250 bytes of the 256 MiB bound when ordered by its value, so 1.5 M groups were refused, and each
/// group copied the filler (up to 64 KiB) outside the bound.
/// </summary>
[Collection(Hostile30ListaggAllocations.Name)]
public sealed class Hostile30ListaggTests
{
    [Theory]
    // Ordered by the value itself (the key is the value's: left out) and by another column (the key kept).
    [InlineData("v")]
    [InlineData("g DESC")]
    public void A_million_and_a_half_groups_of_one_value_complete(string order)
    {
        using var db = new DuneSql.DuneSqlDb();
        db.Exec("SET threads = 2;");
        // g = a * 1000 + b: 1,500,000 groups, one 100-character value each.
        string sql = "SELECT count(*), sum(length(l)), count_if(l = v) FROM ("
            + $"SELECT g, listagg(v, ',' ON OVERFLOW TRUNCATE WITH COUNT) WITHIN GROUP (ORDER BY {order}) AS l, max(v) AS v FROM ("
            + "SELECT a * 1000 + b AS g, lpad(CAST(a * 1000 + b AS varchar), 100, 'v') AS v "
            + "FROM UNNEST(sequence(0, 1499)) x(a) CROSS JOIN UNNEST(sequence(0, 999)) y(b)) GROUP BY g)";
        var row = db.Rows(sql).Single();
        Assert.Equal(["1500000", "150000000", "1500000"], row);
    }

    [Fact]
    public void A_group_of_two_values_is_ordered_by_a_left_out_key()
    {
        // Both values' keys are their own; the second value makes the single a group, which rebuilds the first key.
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal("a,b,c", db.Scalar("SELECT listagg(v, ',' ON OVERFLOW TRUNCATE WITHOUT COUNT) WITHIN GROUP (ORDER BY v) FROM (VALUES 'c', 'a', 'b') t(v)"));
        Assert.Equal("c,b,a", db.Scalar("SELECT listagg(v, ',' ON OVERFLOW TRUNCATE WITHOUT COUNT) WITHIN GROUP (ORDER BY v DESC) FROM (VALUES 'c', 'a', 'b') t(v)"));
        // Text that is no key of its own (an integer ordered as a number, not as text).
        Assert.Equal("2,10", db.Scalar("SELECT listagg(CAST(v AS varchar), ',' ON OVERFLOW TRUNCATE WITHOUT COUNT) WITHIN GROUP (ORDER BY v) FROM (VALUES 10, 2) t(v)"));
    }

    [Fact]
    public void A_separator_per_group_is_found_by_its_hash()
    {
        // Review of 288: user SQL can call the aggregate with a separator that differs by group; each group's lookup
        // scanned every literal kept so far (80,000 groups: 7.7 s of processor time, four times the groups eighteen times
        // the time). One thread runs the statement on this one, so its processor time is the work's, whatever the load.
        using var db = new DuneSql.DuneSqlDb();
        db.Exec("SET threads = 1;");
        var cpu = ThreadCpu.StartNew();
        // DuckDB's text: a DuneSQL text may not call the internal aggregate (hostile31).
        string count = db.TranslatedRows("SELECT count(l) FROM (SELECT g, dune_listagg_truncate(CAST(g AS varchar), CAST(NULL AS blob), "
            + "CAST(g AS varchar), '', '') AS l FROM (SELECT a * 1000 + b AS g FROM range(0, 200) x(a) "
            + "CROSS JOIN range(0, 1000) y(b)) GROUP BY g)")[0][0];
        var used = cpu.Elapsed;
        Assert.Equal("200000", count);
        // Quadratic, 200,000 groups cost about 48 s; by hash about one.
        Assert.True(used < TimeSpan.FromSeconds(15), used.ToString());
    }

    [Fact]
    public void A_long_filler_is_held_once_not_per_group()
    {
        // 20,000 groups of one value and a 60,000-byte filler: a copy per group allocated 1.2 GB outside the bound.
        using var db = new DuneSql.DuneSqlDb();
        db.Exec("SET threads = 2;");
        string filler = new('f', 60_000);
        long before = GC.GetTotalAllocatedBytes(precise: true);
        string count = db.Scalar($"SELECT count(l) FROM (SELECT g, listagg(v, ',' ON OVERFLOW TRUNCATE '{filler}' WITH COUNT) "
            + "WITHIN GROUP (ORDER BY v) AS l FROM (SELECT x * 100 + y AS g, CAST(y AS varchar) AS v "
            + "FROM UNNEST(sequence(0, 199)) a(x) CROSS JOIN UNNEST(sequence(0, 99)) b(y)) GROUP BY g)");
        long allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.Equal("20000", count);
        Assert.True(allocated < 400L << 20, allocated.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>Runs alone: <see cref="Hostile30ListaggTests.A_long_filler_is_held_once_not_per_group"/> counts the process's
/// allocations.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Hostile30ListaggAllocations
{
    public const string Name = "hostile30 listagg allocations";
}
