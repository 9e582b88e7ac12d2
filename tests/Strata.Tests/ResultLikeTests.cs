using DuckDB.NET.Data;
using Strata.Core.Results;
using Strata.Core.Results.Querying;
using Strata.Engine.DuckDb;

namespace Strata.Tests;

/// <summary>
/// Decision 346 (hostile40's Left): a results filter <c>s LIKE '%_%_…b'</c> was matched by DuckDB's LIKE, which tries every
/// place for each <c>%</c> once the pattern holds an <c>_</c>: a value of 60 characters and 30 such pairs is about 10^17
/// tries, and the result view's timeout cannot interrupt one value's match. Such a pattern is now matched as RE2's full
/// match, linear in the value. The expected rows are LIKE's meaning computed in C#.
/// </summary>
public sealed class ResultLikeTests
{
    [Theory]
    [InlineData("%_", false)]
    [InlineData("%a%b", false)]
    [InlineData("a_b", false)]
    [InlineData("%_%", true)]
    [InlineData("_%%", true)]
    public void Only_a_pattern_with_an_underscore_and_two_percents_is_rewritten(string pattern, bool rewritten)
    {
        Assert.Equal(rewritten, LinearLikeExpression.Backtracks(pattern));
    }

    [Theory]
    [InlineData("%a.b%_%", "x.a.b.c", true)]
    [InlineData("%a.b%_%", "xaXb.c", false)]
    [InlineData("%(%_%", "a(b", true)]
    [InlineData("%$%_%", "$", false)]
    [InlineData("%\\%_%", "\\x", true)]
    [InlineData("_%%", "\n", true)]
    public void The_rewrite_matches_what_like_matches(string pattern, string value, bool matches)
    {
        Assert.Equal(matches, System.Text.RegularExpressions.Regex.IsMatch(value, "^(?:" + LinearLikeExpression.Re2(pattern) + ")$",
            System.Text.RegularExpressions.RegexOptions.Singleline));
    }

    [Fact]
    public async Task A_backtracking_like_over_a_result_answers_at_once()
    {
        string directory = Path.Combine(Path.GetTempPath(), "strata-like-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            // 300 values: 'a' × 60 (no match: no b), 'a' × 59 + 'b' (a match: 60 characters, at least 31), 'a' × 10 + 'b'
            // (too short for thirty '_').
            var values = Enumerable.Range(0, 300).Select(i => (i % 3) switch { 0 => new string('a', 60), 1 => new string('a', 59) + "b", _ => new string('a', 10) + "b" }).ToArray();
            string parquet = Path.Combine(directory, "r.parquet");
            using (var connection = new DuckDBConnection("Data Source=:memory:"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = $"COPY (SELECT i AS n, CASE i % 3 WHEN 0 THEN repeat('a', 60) WHEN 1 THEN repeat('a', 59) || 'b' ELSE repeat('a', 10) || 'b' END AS s FROM range(300) t(i)) TO '{parquet}' (FORMAT parquet)";
                command.ExecuteNonQuery();
            }
            string pattern = string.Concat(Enumerable.Repeat("%_", 30)) + "b";
            long expected = values.Count(v => v.Length >= 31 && v.EndsWith('b'));
            var schema = new ResultSchema([new ResultColumn("n", "bigint", ColumnKind.Int64), new ResultColumn("s", "varchar", ColumnKind.Text)]);
            var filter = FilterParser.Parse($"s LIKE '{pattern}'", schema.ColumnNames, new FilterLimits());
            var limits = new DuckDbLimits(1, "256MB", Path.Combine(directory, "tmp"), 100_000_000);
            using var engine = new DuckDbResultQuery(directory, limits, TimeSpan.FromMinutes(2));
            var (page, matching) = await engine.QueryAsync(new ResultQuery("r", parquet, schema, [0, 1], filter, [], 0, 10, null), CancellationToken.None)
                .WaitAsync(TimeSpan.FromMinutes(3));
            page.Dispose();
            Assert.Equal(expected, matching);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
