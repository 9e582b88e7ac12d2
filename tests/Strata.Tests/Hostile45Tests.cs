using System.Diagnostics;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>
/// hostile45 (decision 368): what a lambda over a list builds into one answer is bounded while it is built
/// (<see cref="DuneLambdaBudget"/>), and concat_ws is Trino's, its joined length bounded (<see cref="DuneConcatWs"/>).
/// </summary>
public sealed class Hostile45Tests
{
    [Fact]
    public void A_transform_whose_answer_passes_the_value_bound_is_refused_while_it_is_built()
    {
        using var db = new DuneSql.DuneSqlDb();
        var clock = Stopwatch.StartNew();
        // 2,000 texts of 10,000 bytes: 2 × 10^7 bytes in one answer (main built it, and 10^8-element nested lists outside
        // DuckDB's memory limit).
        var error = Assert.ThrowsAny<Exception>(() => db.Rows("SELECT cardinality(transform(sequence(1, 2000), x -> lpad('', 10000, 'a')))"));
        Assert.Contains(DuneLambdaBudget.TooLarge, error.Message, StringComparison.Ordinal);
        // zip_with likewise (transform_values and transform_keys take the same guard).
        Assert.Contains(DuneLambdaBudget.TooLarge, Assert.ThrowsAny<Exception>(() => db.Rows(
            "SELECT cardinality(zip_with(sequence(1, 2000), sequence(1, 2000), (x, y) -> lpad('', 10000, 'a')))")).Message, StringComparison.Ordinal);
        // Nested lambdas: each inner answer is small, the outer batch's are counted as they are built.
        Assert.Contains(DuneLambdaBudget.TooMuchAtOnce, Assert.ThrowsAny<Exception>(() => db.Rows(
            "SELECT cardinality(transform(sequence(1, 50), x -> transform(sequence(1, 50), y -> lpad('', 10000, 'a'))))")).Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), clock.Elapsed.ToString());
    }

    [Fact]
    public void Lambdas_within_the_bound_answer_as_before_each_list_counted_apart()
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal("[[1], [1, 2], [1, 2, 3]]", db.Scalar("SELECT transform(sequence(1, 3), x -> sequence(1, x))"));
        Assert.Equal("[1a, 2b, NULL]", db.Scalar("SELECT zip_with(ARRAY[1, 2, 3], ARRAY['a', 'b'], (x, y) -> concat(CAST(x AS varchar), y))"));
        Assert.Equal("bz", db.Scalar("SELECT element_at(transform_values(MAP(ARRAY[1, 2], ARRAY['a', 'b']), (k, v) -> v || 'z'), 2)"));
        Assert.Equal("[[10, 20], [30]]", db.Scalar("SELECT transform(ARRAY[ARRAY[1, 2], ARRAY[3]], (x) -> transform(x, y -> y * 10))"));
        // 3,000 rows of 10^4 elements each (3 × 10^7 in all): each answer is within the bound.
        Assert.Equal("300000", db.Scalar("SELECT sum(cardinality(transform(sequence(1, 100), x -> sequence(1, 100)))) FROM unnest(sequence(1, 3000)) t(i)"));
        // Inside a table function's argument, with a body that reads no parameter.
        Assert.Equal("2", db.Scalar("SELECT count(*) FROM (SELECT ARRAY[1, 2] AS s) t CROSS JOIN UNNEST(transform(s, x -> sequence(1, 3))) AS u(v)"));
    }

    [Fact]
    public void Concat_ws_joins_texts_or_an_array_skipping_nulls_and_refuses_past_the_value_bound()
    {
        using var db = new DuneSql.DuneSqlDb();
        // Trino's ConcatWsFunction: NULLs skipped; an array's elements joined (main wrote the array's text: "[a, b, NULL]").
        Assert.Equal("a,b", db.Scalar("SELECT concat_ws(',', ARRAY['a', 'b', NULL])"));
        Assert.Equal("a,b", db.Scalar("SELECT concat_ws(',', 'a', NULL, 'b')"));
        Assert.Equal("NULL", db.Scalar("SELECT coalesce(concat_ws(NULL, 'a', 'b'), 'NULL')"));
        Assert.Equal("äb", db.Scalar("SELECT concat_ws('', 'ä', 'b')"));
        Assert.Contains(DuneConcatWs.TooLarge, Assert.ThrowsAny<Exception>(() => db.Rows(
            "SELECT length(concat_ws(',', lpad('', 10000000, 'a'), lpad('', 10000000, 'b')))")).Message, StringComparison.Ordinal);
        Assert.Contains(DuneConcatWs.TooLarge, Assert.ThrowsAny<Exception>(() => db.Rows(
            "SELECT length(concat_ws(',', array_agg(lpad('', 100000, 'x')))) FROM unnest(sequence(1, 300)) t(i)")).Message, StringComparison.Ordinal);
    }
}
