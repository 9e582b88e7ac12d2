using System.Diagnostics;
using DuckDB.NET.Data;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Core.Results;
using Strata.Engine.DuckDb;
using Strata.Engine.DuckDb.DuneSql;
using Strata.Storage.Files.Results;
using Strata.Tests.DuneSql;

namespace Strata.Tests;

/// <summary>
/// hostile18 (docs/notes/hostile18.md): array_sort with a comparator takes at most 2,000 elements; a select list or VALUES
/// row wider than the result's column cap is refused before DuckDB binds it; multimap_agg of a computed value.
/// </summary>
public sealed class Hostile18FunctionTests
{
    [Fact]
    public void Array_sort_with_a_comparator_refuses_more_than_two_thousand_elements()
    {
        // The comparator form counts, for each element, the elements put before it: 10,000 elements took 72 s.
        using var db = new DuneSqlDb();
        var e = Assert.ThrowsAny<DuckDBException>(() => db.Rows("SELECT array_sort(sequence(1, 2001), (x, y) -> IF(x < y, 1, IF(x = y, 0, -1)))"));
        Assert.Contains("array_sort with a comparator sorts at most 2000 elements; this array has 2001", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Array_sort_with_a_comparator_sorts_two_thousand_elements()
    {
        using var db = new DuneSqlDb();
        Assert.Equal(["2000", "1", "2000"], db.Rows("SELECT a[1], a[2000], cardinality(a) FROM (SELECT array_sort(sequence(1, 2000), "
            + "(x, y) -> IF(x < y, 1, IF(x = y, 0, -1))) AS a)")[0]);
        Assert.Equal(["[3, 2, 1]", "NULL"], db.Rows("SELECT CAST(array_sort(array[1, 3, 2], (x, y) -> IF(x < y, 1, IF(x = y, 0, -1))) AS VARCHAR), "
            + "CAST(array_sort(CAST(NULL AS array(integer)), (x, y) -> 0) AS VARCHAR)")[0]);
    }

    [Fact]
    public void Multimap_agg_takes_a_computed_value()
    {
        using var db = new DuneSqlDb();
        Assert.Equal(["{1=[aa, ba], 2=[ca]}"], db.Rows("SELECT CAST(multimap_agg(k, x || 'a') AS VARCHAR) FROM (VALUES (1, 'a'), (1, 'b'), (2, 'c')) t(k, x)")[0]);
    }

    [Fact]
    public void Multimap_agg_of_ten_thousand_long_values_is_bounded()
    {
        using var db = new DuneSqlDb();
        var clock = Stopwatch.StartNew();
        Assert.Equal(["100", "10000"], db.Rows("SELECT cardinality(m), (SELECT sum(cardinality(v)) FROM UNNEST(map_values(m)) AS u(v)) FROM "
            + "(SELECT multimap_agg(i % 100, lpad(CAST(i AS varchar), 1000, 'x')) AS m FROM UNNEST(sequence(1, 10000)) AS t(i))")[0]);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), clock.Elapsed.ToString());
    }
}

/// <summary>DuckDB's special date and timestamp texts are refused as Trino refuses them.</summary>
public sealed class Hostile18SpecialTimeTests
{
    [Theory]
    [InlineData("SELECT timestamp 'infinity'", "'infinity' is not a valid timestamp literal")]
    [InlineData("SELECT TIMESTAMP '-infinity'", "'-infinity' is not a valid timestamp literal")]
    [InlineData("SELECT date 'epoch'", "'epoch' is not a valid date literal")]
    [InlineData("SELECT date ' Infinity '", "' Infinity ' is not a valid date literal")]
    [InlineData("SELECT CAST('infinity' AS timestamp)", "Value cannot be cast to timestamp: infinity")]
    [InlineData("SELECT CAST('-infinity' AS timestamp(2))", "Value cannot be cast to timestamp: -infinity")]
    [InlineData("SELECT CAST('epoch' AS date)", "Value cannot be cast to date: epoch")]
    [InlineData("SELECT CAST('infinity' AS timestamp with time zone)", "Value cannot be cast to timestamp with time zone: infinity")]
    [InlineData("SELECT CAST('infinity' AS timestamp(9))", "Value cannot be cast to timestamp: infinity")]
    public void A_special_literal_is_refused_when_translated(string sql, string message)
    {
        var e = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.Equal(message, e.Error.Message);
    }

    [Theory]
    [InlineData("SELECT CAST(s AS timestamp) FROM (VALUES ('infinity')) t(s)", "Value cannot be cast to timestamp: infinity")]
    [InlineData("SELECT CAST(s AS date) FROM (VALUES ('2020-01-01'), (' EPOCH')) t(s)", "Value cannot be cast to date: EPOCH")]
    [InlineData("SELECT CAST(s AS timestamp(3)) FROM (VALUES ('-infinity')) t(s)", "Value cannot be cast to timestamp: -infinity")]
    [InlineData("SELECT CAST(t.s AS timestamp with time zone) FROM (VALUES ('infinity')) t(s)", "Value cannot be cast to timestamp with time zone: infinity")]
    public void A_special_text_in_a_column_is_refused_when_cast(string sql, string message)
    {
        using var db = new DuneSqlDb();
        var e = Assert.ThrowsAny<DuckDBException>(() => db.Rows(sql));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Try_cast_of_a_special_text_is_null_and_other_values_cast_as_before()
    {
        using var db = new DuneSqlDb("CREATE TABLE inf AS SELECT 'infinity'::TIMESTAMP AS t, '-infinity'::DATE AS d;");
        Assert.Equal(["NULL", "NULL", "NULL", "2020-01-01 00:00:00.000", "2020-01-02", "infinity", "-infinity", "1970-01-01 00:00:00.000"],
            db.Rows("SELECT CAST(TRY_CAST('infinity' AS timestamp) AS VARCHAR), CAST(TRY_CAST(s AS date) AS VARCHAR), CAST(TRY_CAST(s AS timestamp(2)) AS VARCHAR), "
                + "CAST(CAST(f AS timestamp) AS VARCHAR), CAST(CAST('2020-01-02' AS date) AS VARCHAR), CAST(CAST(t AS timestamp) AS VARCHAR), "
                + "CAST(CAST(d AS date) AS VARCHAR), CAST(timestamp '1970-01-01 00:00:00' AS VARCHAR) "
                + "FROM (VALUES ('epoch', '2020-01-01')) v(s, f), inf")[0]);
    }
}

/// <summary>Through the engine: the column cap read from the parse tree, and multimap_agg over a table's columns.</summary>
public sealed class Hostile18EngineTests : IDisposable
{
    private readonly DemoEngineFixture fixture = new("strata-hostile18-",
        "CREATE SCHEMA hostile; CREATE TABLE hostile.kv AS SELECT i AS k, 'v' || i AS x FROM range(3) r(i);"
        + "CREATE TABLE hostile.wide AS SELECT i % 100 AS k, lpad(CAST(i AS VARCHAR), 1000, 'x') AS x FROM range(10000) r(i)");

    public void Dispose() => fixture.Dispose();

    private EngineOutcome Run(string sql, SqlDialect dialect = SqlDialect.DuneSql)
    {
        var request = new EngineRequest(ExecutionIds.New(), sql, "alice", PerformanceTier.Medium, 1L << 30, [], dialect);
        return fixture.Engine.Execute(request, schema => fixture.Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None);
    }

    private ExecutionError Fail(string sql, SqlDialect dialect = SqlDialect.DuneSql)
    {
        var request = new EngineRequest(ExecutionIds.New(), sql, "alice", PerformanceTier.Medium, 1L << 30, [], dialect);
        return Assert.Throws<QueryFailedException>(() => fixture.Engine.Execute(request, schema => fixture.Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None)).Error;
    }

    [Theory]
    [InlineData(SqlDialect.DuneSql)]
    [InlineData(SqlDialect.DuckDb)]
    public void Twenty_thousand_repeated_columns_are_refused_before_they_bind(SqlDialect dialect)
    {
        // DuckDB bound 20,000 columns of '1' in 105 s (quadratic in the repeated names) before the cap after DESCRIBE.
        var clock = Stopwatch.StartNew();
        var error = Fail("SELECT " + string.Join(", ", Enumerable.Repeat("'1'", 20_000)), dialect);
        Assert.Equal($"The result has 20000 columns; a result may have at most {ResultSchema.MaxColumns}.", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), clock.Elapsed.ToString());
    }

    [Theory]
    [InlineData("SELECT count(*) FROM (SELECT {0}) t")]
    [InlineData("SELECT count(*) FROM (VALUES ({0})) t")]
    [InlineData("SELECT 1 WHERE EXISTS (SELECT {0})")]
    public void A_wide_subquery_or_values_row_is_refused_before_it_binds(string shape)
    {
        var clock = Stopwatch.StartNew();
        var error = Fail(string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, string.Join(", ", Enumerable.Repeat("1", 20_000))));
        Assert.Equal($"A select list or VALUES row has 20000 columns; a result may have at most {ResultSchema.MaxColumns}.", error.Message);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), clock.Elapsed.ToString());
    }

    [Fact]
    public void Ten_thousand_repeated_names_are_named_in_linear_time()
    {
        var outcome = Run("SELECT " + string.Join(", ", Enumerable.Repeat("1 AS a", ResultSchema.MaxColumns)));
        Assert.Equal(ResultSchema.MaxColumns, outcome.Schema.Columns.Count);
        Assert.Equal(["a", "a_1", "a_2"], outcome.Schema.Columns.Take(3).Select(c => c.Name));
        Assert.Equal("a_9999", outcome.Schema.Columns[^1].Name);
    }

    [Fact]
    public void Multimap_agg_of_a_computed_value_over_a_table()
    {
        var outcome = Run("SELECT CAST(multimap_agg(k, x || 'a') AS VARCHAR) AS m FROM hostile.kv");
        Assert.Single(outcome.Schema.Columns);
        Assert.Equal(1, outcome.RowCount);
    }

    [Fact]
    public void Multimap_agg_of_ten_thousand_long_values_runs_in_the_tier_memory()
    {
        var outcome = Run("SELECT cardinality(multimap_agg(k, x)) AS n FROM hostile.wide");
        Assert.Single(outcome.Schema.Columns);
        Assert.Equal(1, outcome.RowCount);
    }
}
