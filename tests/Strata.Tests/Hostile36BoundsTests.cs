using System.Globalization;
using Strata.Core.Engine;
using Strata.Core.Executions;
using Strata.Core.Queries;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>
/// hostile36 (decision 316): the open findings of hostile34's attack round. flatten's answer is counted before it is
/// copied; CAST(array, map or row AS varchar) is refused past 16 MiB of text. repeat of a megabyte text and
/// json_extract_scalar over a 3,000-deep object, slow on hostile34's (withdrawn) build, are checked on the engine's own
/// path. Expected values are computed here from the inputs (DuckDB's text of a list, the elements counted in C#).
/// </summary>
public sealed class Hostile36BoundsTests
{
    private static string Text(long n) => n.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public void Flatten_past_the_bound_is_refused_before_it_copies()
    {
        // 4,097 arrays of 4,096: 16,781,312 elements, past 16,777,216 (= 4,096 × 4,096). Gathered by array_agg: a transform
        // building them is refused itself since hostile45 (decision 368).
        using var db = new DuneSql.DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT cardinality(flatten(array_agg(repeat(0, 4096)))) FROM unnest(sequence(1, 4097)) t(i)"));
        Assert.Contains("flatten: the answer's element count (the inner arrays' lengths added) is past 16777216", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Flatten_at_the_bound_and_below_answers()
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal(Text(4096L * 4096), db.Scalar("SELECT cardinality(flatten(transform(sequence(1, 4096), x -> repeat(0, 4096))))"));
        Assert.Equal("[1, 2, 3]", db.Scalar("SELECT flatten(ARRAY[ARRAY[1, 2], ARRAY[3]])"));
        Assert.Equal("NULL", db.Scalar("SELECT flatten(CAST(NULL AS array(array(integer))))"));
        Assert.Equal(Text(3 * 5), db.Scalar("SELECT cardinality(flatten(transform(sequence(1, 3), x -> sequence(1, 5))))"));
    }

    [Theory]
    // 10,000 texts of 1,677 characters: DuckDB's text of the array is 10,000 × 1,677 + 9,999 × 2 + 2 characters, past
    // 16 MiB, where the array's own 16,770,000 bytes are within transform's bound (decision 368).
    [InlineData("SELECT length(CAST(transform(sequence(1, 10000), x -> rpad('', 1677, 'a')) AS varchar))")]
    [InlineData("SELECT length(TRY_CAST(transform(sequence(1, 10000), x -> rpad('', 1677, 'a')) AS varchar))")]
    // A map of those texts, and a row of two 9,000,000-character texts.
    [InlineData("SELECT length(CAST(map(sequence(1, 10000), transform(sequence(1, 10000), x -> rpad('', 1677, 'a'))) AS varchar))")]
    [InlineData("SELECT length(CAST(ROW(rpad('', 9000000, 'a'), rpad('', 9000000, 'b')) AS varchar))")]
    public void A_cast_of_an_array_map_or_row_to_varchar_past_16_MiB_is_refused(string sql)
    {
        using var db = new DuneSql.DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar(sql));
        Assert.Contains("cast to varchar: the text of the array, map or row is past 16777216 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_cast_of_an_array_to_varchar_within_the_bound_answers()
    {
        using var db = new DuneSql.DuneSqlDb();
        // 9,000 texts of 1,700: 15,317,998 characters, within 16 MiB.
        long expected = 9_000L * 1_700 + 8_999L * 2 + 2;
        Assert.Equal(Text(expected), db.Scalar("SELECT length(CAST(transform(sequence(1, 9000), x -> rpad('', 1700, 'a')) AS varchar))"));
        Assert.Equal("[" + string.Join(", ", Enumerable.Repeat("ab", 3)) + "]", db.Scalar("SELECT CAST(transform(sequence(1, 3), x -> 'ab') AS varchar)"));
        Assert.Equal("7", db.Scalar("SELECT CAST(7 AS varchar)"));
    }

    [Fact]
    public void Json_extract_scalar_over_a_3000_deep_object_answers()
    {
        const int depth = 3_000;
        string json = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
        string path = "$" + string.Concat(Enumerable.Repeat(".a", depth));
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal("1", db.Scalar($"SELECT json_extract_scalar('{json}', '{path}')"));
        // The value at $.a is an object: json_extract_scalar's NULL.
        Assert.Equal("NULL", db.Scalar($"SELECT json_extract_scalar('{json}', '$.a')"));
    }

    [Fact]
    public void Repeat_of_a_megabyte_text_is_refused_on_the_engines_path()
    {
        // The server's path (DESCRIBE, the per-value guards, the streamed read), not a plain connection.
        using var fixture = new DuneSql.DemoEngineFixture("strata-hostile36-", "CREATE TABLE t AS SELECT 1 AS x");
        var request = new EngineRequest(ExecutionIds.New(), "SELECT repeat(rpad('', 1000000, 'a'), 10000)", "alice", PerformanceTier.Medium, 1L << 30, [], SqlDialect.DuneSql);
        var error = Assert.Throws<QueryFailedException>(() =>
            fixture.Engine.Execute(request, schema => fixture.Results.CreateWriter(request.ExecutionId, schema), CancellationToken.None));
        Assert.Contains("repeat: the answer's size (the element's bytes times count) is past 16777216", error.Error.Message, StringComparison.Ordinal);
    }

    /// <summary>Review B of 316: the array text's bound gave the varchar template a lambda of its own, which kept the
    /// translator from evaluating a computed operand once: three nested casts were written 1,126,451 characters long and
    /// bound for 206 s (3,861 before). Each level now adds about as much as one cast.</summary>
    [Fact]
    public void Nested_casts_to_varchar_translate_small_and_answer()
    {
        string one = DuneSqlTranslator.Translate("SELECT CAST(n AS varchar) FROM unnest(ARRAY[1]) t(n)").Sql;
        string three = DuneSqlTranslator.Translate("SELECT CAST(CAST(CAST(n AS varchar) AS varchar) AS varchar) FROM unnest(ARRAY[1]) t(n)").Sql;
        Assert.True(three.Length < 4 * one.Length, $"{three.Length:N0} characters for three casts, {one.Length:N0} for one");
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal("[1, 2]", db.Scalar("SELECT CAST(CAST(CAST(a AS varchar) AS varchar) AS varchar) FROM (VALUES ARRAY[1, 2]) t(a)"));
    }
}
