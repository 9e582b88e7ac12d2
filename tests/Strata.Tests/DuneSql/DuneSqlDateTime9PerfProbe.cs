using System.Diagnostics;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

public sealed class DuneSqlDateTime9PerfProbe
{
    [Fact]
    public void Probe()
    {
        using var db = new DuneSqlDb("CREATE TABLE big AS SELECT TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_seconds(i % 250000) AS ts, "
            + "['Asia/Tokyo', 'Europe/Berlin', 'UTC', 'America/New_York'][1 + CAST(i % 4 AS INTEGER)] AS z FROM range(1000000) r(i)");
        const string Sql = "WITH c AS (SELECT at_timezone(ts, z) AS x FROM big) SELECT count(*) FROM (SELECT x, count(*) AS n FROM c GROUP BY x)";
        string after = DuneSqlTranslator.Translate(Sql).Sql;
        string before = after.Replace("any_value(x) AS x", "x", StringComparison.Ordinal).Replace("dune_instant_key(x)", "x", StringComparison.Ordinal);
        var lines = new List<string> { "AFTER: " + after, "BEFORE: " + before };
        for (int round = 0; round < 5; round++)
        {
            foreach (var (name, text) in new[] { ("before", before), ("after", after) })
            {
                var watch = Stopwatch.StartNew();
                var rows = db.TranslatedRows(text);
                lines.Add($"{name} {watch.Elapsed.TotalMilliseconds:F0} ms groups={rows[0][0]}");
            }
        }
        File.WriteAllLines("/tmp/dd9perf/probe.txt", lines);
    }
}
