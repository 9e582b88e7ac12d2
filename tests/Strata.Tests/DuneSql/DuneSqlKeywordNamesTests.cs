using DuckDB.NET.Data;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>Decision 365: any word Trino does not reserve is a name there (a bare alias, a column, a relation, a CTE with or
/// without column names, a lambda parameter), where DuckDB refuses every keyword of its own as a bare alias and some as any
/// name. Checked for every keyword DuckDB has, so a DuckDB upgrade that adds one fails here rather than in a user's query.</summary>
public sealed class DuneSqlKeywordNamesTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    private static List<string> DuckDbKeywords()
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT keyword_name FROM duckdb_keywords() ORDER BY 1";
        using var reader = command.ExecuteReader();
        var words = new List<string>();
        while (reader.Read())
        {
            words.Add(reader.GetString(0));
        }
        return words;
    }

    [Fact]
    public void The_translators_keyword_list_is_exactly_DuckDBs()
    {
        var engine = DuckDbKeywords();
        Assert.True(engine.Count > 400, $"{engine.Count} keywords");
        Assert.Empty(engine.Except(DuneSqlTranslator.DuckDbKeywords, StringComparer.OrdinalIgnoreCase));
        Assert.Empty(DuneSqlTranslator.DuckDbKeywords.Except(engine, StringComparer.OrdinalIgnoreCase));
    }

    public static TheoryData<string> Forms() => new(
        "SELECT 7 {0}",
        "SELECT x {0} FROM (SELECT 7 x) t",
        "SELECT 6 + 1 {0}, 2 other",
        "SELECT {0} FROM (SELECT 7 AS \"{0}\") t",
        "SELECT {0}.x FROM (SELECT 7 x) {0}",
        "SELECT x FROM (SELECT 7 x) {0} WHERE x > 0",
        "WITH {0} AS (SELECT 7 x) SELECT x FROM {0}",
        "WITH {0}(x) AS (SELECT 7) SELECT x FROM {0}",
        "WITH a AS (SELECT 1 y), {0}(x) AS (SELECT 7) SELECT x FROM {0}",
        "SELECT {0} FROM (SELECT 7) t({0})",
        "SELECT max({0}) FROM (SELECT 7 AS \"{0}\") t GROUP BY {0}",
        "SELECT transform(ARRAY[7], {0} -> {0})[1]");

    /// <summary>Every DuckDB keyword Trino does not reserve, in each place Trino's grammar takes a name.</summary>
    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_keyword_Trino_does_not_reserve_is_a_name(string form)
    {
        var failures = new List<string>();
        foreach (string word in DuckDbKeywords().Where(w => !DuneSqlTranslator.TrinoReservedWords.Contains(w)))
        {
            string sql = string.Format(System.Globalization.CultureInfo.InvariantCulture, form, word);
            try
            {
                string answer = db.Scalar(sql);
                if (answer != "7")
                {
                    failures.Add($"{sql} → {answer}");
                }
            }
            catch (Exception e)
            {
                failures.Add($"{sql} → {e.Message.Split('\n')[0]}");
            }
        }
        Assert.Empty(failures);
    }

    [Theory]
    [InlineData("SELECT count(*) percent, sum(x) cost FROM (VALUES 1, 2, 3) t(x)", "3|6")]
    [InlineData("SELECT s.x FROM (SELECT 4 x) semi JOIN (SELECT 4 y) s ON semi.x = s.y", null)]
    [InlineData("WITH glob AS (SELECT 2 x) SELECT ilike.x FROM glob ilike", "2")]
    [InlineData("SELECT max(pivot) FROM (VALUES 5, 9) t(pivot)", "9")]
    [InlineData("SELECT asof.x + b.y FROM (SELECT 1 x, 5 t) asof ASOF JOIN (SELECT 2 y, 4 t) b ON asof.t >= b.t", "3")]
    [InlineData("SELECT coalesce(b.y, 0) FROM (SELECT 1 x, 3 t) a ASOF LEFT JOIN (SELECT 2 y, 4 t) b ON a.t >= b.t", "0")]
    [InlineData("WITH to(x) AS (SELECT 3), year(y) AS (SELECT 4) SELECT x + y FROM to, year", "7")]
    public void Dune_queries_naming_things_with_DuckDB_keywords_run(string sql, string? expected)
    {
        if (expected is null)
        {
            // Trino: `semi` is the first relation's alias, so s.x names no column.
            Assert.ThrowsAny<Exception>(() => db.Rows(sql));
            return;
        }
        Assert.Equal(expected, string.Join("|", db.Rows(sql)[0]));
    }
}
