using System.Globalization;
using Strata.Core.Engine;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>Branch dune-wild: what dashboards' queries beyond the first corpus met. UNNEST of arrays of rows and of several
/// arrays side by side (Trino's select.md examples with their documented rows), sequence over dates (array.mdx), and the
/// cumulative distribution functions of math.md (second pass: native, with Trino's values and argument errors).</summary>
public sealed class DuneSqlWildTests : IDisposable
{
    private readonly DuneSqlDb db = new();

    public void Dispose() => db.Dispose();

    private string Table(string sql) => string.Join(" | ", db.Rows(sql).Select(r => string.Join(",", r)));

    [Fact]
    public void Unnest_of_arrays_of_rows_gives_a_column_per_field()
    {
        // select.md: UNNEST with an ARRAY of ROW structures expands each field of the ROW into a column.
        Assert.Equal("Java,1995,false | SQL,1974,true", Table("""
            SELECT * FROM UNNEST(
                    ARRAY[
                        ROW('Java',  1995),
                        ROW('SQL' , 1974)],
                    ARRAY[
                        ROW(false),
                        ROW(true)]
            ) as t(language,first_appeared_year,declarative) ORDER BY 2 DESC
            """));
        Assert.Equal("a,1,1 | b,2,2", Table("SELECT * FROM UNNEST(ARRAY[ROW('a', 1), ROW('b', 2)]) WITH ORDINALITY AS t(name, n, i) ORDER BY i"));
    }

    [Fact]
    public void Unnest_of_rows_joins_laterally_with_the_rows_before_it()
    {
        // A dashboard's idiom: each transfer read twice, as a deposit and as a withdrawal.
        Assert.Equal("1,in,10 | 1,out,-10 | 2,in,20 | 2,out,-20", Table("""
            SELECT x.id, f.dir, f.amount
            FROM (VALUES (1, 10), (2, 20)) AS x(id, v)
            CROSS JOIN UNNEST(ARRAY[ROW('in', x.v), ROW('out', -x.v)]) AS f(dir, amount)
            ORDER BY 1, 2
            """));
    }

    [Fact]
    public void Unnest_of_several_arrays_pads_the_shorter_with_nulls()
    {
        // select.md: WITH ORDINALITY adds a column at the end.
        Assert.Equal("2,7,1 | 5,8,2 | NULL,9,3", Table("""
            SELECT a, b, rownumber
            FROM UNNEST (
                ARRAY[2, 5],
                ARRAY[7, 8, 9]
                 ) WITH ORDINALITY AS t(a, b, rownumber) ORDER BY rownumber
            """));
        // select.md: several arrays of each row, side by side.
        Assert.Equal("2,dog | 5,cat | NULL,bird | 7,cow | 8,pig | 9,NULL", Table("""
            SELECT n, a
            FROM (
              VALUES
                (ARRAY[2, 5], ARRAY['dog', 'cat', 'bird']),
                (ARRAY[7, 8, 9], ARRAY['cow', 'pig'])
            ) AS x (numbers, animals)
            CROSS JOIN UNNEST(numbers, animals) AS t (n, a) ORDER BY numbers[1], coalesce(n, 6)
            """));
    }

    [Fact]
    public void Unnest_of_one_array_of_scalars_is_unchanged()
    {
        Assert.Equal("John,7 | John,10 | John,9", Table("""
            SELECT student, score
            FROM (VALUES ('John', ARRAY[7, 10, 9])) AS tests (student, scores)
            CROSS JOIN UNNEST(scores) WITH ORDINALITY AS t(score, i) ORDER BY i
            """));
    }

    [Theory]
    // array.mdx: a sequence of dates from start to stop by 1 day, or -1 day when stop is before start.
    [InlineData("SELECT CAST(sequence(DATE '2024-02-27', DATE '2024-03-01') AS varchar)", "[2024-02-27, 2024-02-28, 2024-02-29, 2024-03-01]")]
    [InlineData("SELECT CAST(sequence(DATE '2024-01-02', DATE '2023-12-31') AS varchar)", "[2024-01-02, 2024-01-01, 2023-12-31]")]
    [InlineData("SELECT CAST(sequence(DATE '2024-01-02', DATE '2024-01-02') AS varchar)", "[2024-01-02]")]
    // array.mdx: integers by 1, or -1 when stop is below start.
    [InlineData("SELECT sequence(1, 5)", "[1, 2, 3, 4, 5]")]
    [InlineData("SELECT sequence(5, 1)", "[5, 4, 3, 2, 1]")]
    [InlineData("SELECT sequence(1, NULL) IS NULL", "true")]
    public void Sequence_of_dates_and_integers_steps_by_one_either_way(string sql, string expected)
    {
        Assert.Equal(expected, db.Scalar(sql));
    }

    [Fact]
    public void Sequence_of_dates_feeds_a_calendar()
    {
        Assert.Equal("3", db.Scalar("SELECT count(*) FROM UNNEST(sequence(date('2024-01-01'), date('2024-01-03'))) AS t(day)"));
    }

    [Theory]
    // math.md: normal_cdf(mean, sd, v) = P(N < v; mean, sd); the known quantiles of the standard normal.
    [InlineData("SELECT normal_cdf(0, 1, 1.96)", 0.9750021048517795)]
    [InlineData("SELECT normal_cdf(0, 1, 0)", 0.5)]
    [InlineData("SELECT normal_cdf(10, 2, 8)", 0.15865525393145707)]
    [InlineData("SELECT inverse_normal_cdf(0, 1, 0.975)", 1.959963984540054)]
    [InlineData("SELECT inverse_normal_cdf(10, 2, 0.5)", 10.0)]
    [InlineData("SELECT inverse_normal_cdf(0, 1, normal_cdf(0, 1, 0.3))", 0.3)]
    // beta_cdf(a, b, v) = P(Beta(a, b) < v): Beta(1, 1) is uniform, Beta(2, 1) has cdf v², Beta(2, 2) is symmetric.
    [InlineData("SELECT beta_cdf(1, 1, 0.3)", 0.3)]
    [InlineData("SELECT beta_cdf(2, 1, 0.5)", 0.25)]
    [InlineData("SELECT beta_cdf(2, 2, 0.5)", 0.5)]
    [InlineData("SELECT beta_cdf(3, 3.6, 0)", 0.0)]
    [InlineData("SELECT beta_cdf(3, 3.6, 1)", 1.0)]
    [InlineData("SELECT inverse_beta_cdf(2, 1, 0.25)", 0.5)]
    [InlineData("SELECT inverse_beta_cdf(3, 3.6, 0)", 0.0)]
    [InlineData("SELECT inverse_beta_cdf(3, 3.6, 1)", 1.0)]
    [InlineData("SELECT inverse_beta_cdf(3, 3.6, beta_cdf(3, 3.6, 0.3))", 0.3)]
    public void Cumulative_distribution_functions_give_trinos_values(string sql, double expected)
    {
        Assert.Equal(expected, double.Parse(db.Scalar(sql), CultureInfo.InvariantCulture), 1e-12);
    }

    [Theory]
    // math.md: sd must be positive, p in (0, 1) for the normal; v and p in [0, 1], a and b positive for the beta.
    [InlineData("SELECT normal_cdf(0, 0, 1)", "normalCdf Function: standardDeviation must be > 0")]
    [InlineData("SELECT normal_cdf(0, -1, 1)", "normalCdf Function: standardDeviation must be > 0")]
    [InlineData("SELECT inverse_normal_cdf(0, 1, 0)", "inverseNormalCdf Function: p must be 0 > p > 1")]
    [InlineData("SELECT inverse_normal_cdf(0, 1, 1)", "inverseNormalCdf Function: p must be 0 > p > 1")]
    [InlineData("SELECT inverse_normal_cdf(0, 0, 0.5)", "inverseNormalCdf Function: sd must be > 0")]
    [InlineData("SELECT beta_cdf(3, 3.6, 1.5)", "betaCdf Function: value must be in the interval [0, 1]")]
    [InlineData("SELECT beta_cdf(0, 3.6, 0.5)", "betaCdf Function: a must be > 0")]
    [InlineData("SELECT beta_cdf(3, -1, 0.5)", "betaCdf Function: b must be > 0")]
    [InlineData("SELECT inverse_beta_cdf(3, 3.6, -0.1)", "inverseBetaCdf Function: p must be in the interval [0, 1]")]
    [InlineData("SELECT inverse_beta_cdf(0, 3.6, 0.5)", "inverseBetaCdf Function: a must be > 0")]
    public void Cumulative_distribution_functions_refuse_arguments_outside_their_domain(string sql, string message)
    {
        var e = Assert.ThrowsAny<DuckDB.NET.Data.DuckDBException>(() => db.Scalar(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cumulative_distribution_functions_of_null_are_null_and_run_over_columns()
    {
        Assert.Equal("NULL", db.Scalar("SELECT normal_cdf(0, 1, NULL)"));
        Assert.Equal("3", db.Scalar("SELECT count(*) FROM (VALUES (0.1), (0.5), (0.9)) AS t(p) WHERE abs(normal_cdf(0, 1, inverse_normal_cdf(0, 1, p)) - p) < 1e-12"));
    }

    /// <summary>Trino's JSON_TABLE (a dashboard's query met it) is translated since decision dune-wild17; what it does
    /// not compute (NESTED columns) is refused by name at its position, not left to DuckDB's parser error about COLUMNS.</summary>
    [Fact]
    public void Json_table_nested_columns_are_refused_by_name_at_their_position()
    {
        string sql = "SELECT t.hash\nFROM blocks b CROSS JOIN JSON_TABLE(b.transactions, 'lax $' COLUMNS(NESTED PATH 'lax $[*]' COLUMNS (hash VARCHAR PATH 'lax $.hash'))) AS t";
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Contains("json_table: NESTED columns are not supported", e.Error.Message, StringComparison.Ordinal);
        Assert.Equal(2, e.Error.Line);
        Assert.Equal(69, e.Error.Column);
    }
}
