using System.Diagnostics;
using System.Globalization;
using Strata.Core.Engine;
using Strata.Core.Queries;
using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests;

/// <summary>
/// hostile41 (decision 349): a statement's set operations and nested lambdas are bounded at translation; a WITH counts
/// only the WITH that opens a clause, and the lists of a statement together; a collection aggregate's frame past 10,000 rows
/// answers while its rows times its partition's stay within the element bound; a parameter's texts are bounded. Expected
/// values are counted here in C#.
/// </summary>
public sealed class Hostile41Tests
{
    private static string Items(int n, Func<int, string> item, string separator = ", ") =>
        string.Join(separator, Enumerable.Range(0, n).Select(item));

    private static QueryFailedException Refused(string sql)
    {
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws<QueryFailedException>(() => DuneSqlTranslator.Translate(sql));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), clock.Elapsed.ToString());
        return error;
    }

    private static string Union(int terms) =>
        "SELECT count(*) FROM (" + Items(terms, i => "SELECT " + i.ToString(CultureInfo.InvariantCulture) + " AS x", " UNION ALL ") + ") t";

    [Fact]
    public void A_chain_of_set_operations_past_the_bound_is_refused_naming_it()
    {
        var error = Refused(Union(DuneSqlTranslator.MaxSetOperationTerms + 1));
        Assert.StartsWith("The query joins more than 5000 queries by UNION, INTERSECT or EXCEPT; Strata allows at most 5000", error.Error.Message, StringComparison.Ordinal);
        // Counted over the statement, however the chain is grouped or spelled.
        string grouped = "SELECT count(*) FROM ((" + Items(3000, i => $"SELECT {i} AS x", " UNION ") + ") INTERSECT ("
            + Items(3000, i => $"SELECT {i} AS x", " EXCEPT ") + ")) t";
        Assert.Contains("by UNION, INTERSECT or EXCEPT", Refused(grouped).Error.Message, StringComparison.Ordinal);
        DuneSqlTranslator.Translate(Union(DuneSqlTranslator.MaxSetOperationTerms));
    }

    [Fact]
    public void A_chain_at_the_bound_answers()
    {
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal("2000", db.Scalar(Union(2000)));
    }

    /// <summary>transform(ARRAY[1], x1 -> transform(ARRAY[x1], x2 -> … xn + 1)[1])[1]: n lambdas, each in the last's body.</summary>
    private static string Lambdas(int n)
    {
        string inner = $"x{n} + 1";
        for (int k = n; k >= 1; k--)
        {
            inner = $"transform(ARRAY[{(k == 1 ? "1" : $"x{k - 1}")}], x{k} -> {inner})[1]";
        }
        return "SELECT " + inner + " AS v";
    }

    [Fact]
    public void Lambdas_nested_past_the_bound_are_refused_and_siblings_are_not_nesting()
    {
        var error = Refused(Lambdas(DuneSqlTranslator.MaxLambdaNesting + 1));
        Assert.Equal("The query nests lambda expressions more than 10 deep; Strata allows at most 10 (each is bound within the ones around it)", error.Error.Message);
        Assert.Equal(1, error.Error.Line);
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal("2", db.Scalar(Lambdas(DuneSqlTranslator.MaxLambdaNesting)));
        // Lambdas side by side, or one after another in a call's arguments, nest no deeper than one.
        string siblings = "SELECT " + Items(30, i => $"reduce(transform(ARRAY[{i}], x -> x + 1), 0, (s, x) -> s + x, s -> s)", " + ") + " AS v";
        Assert.Equal((Enumerable.Range(0, 30).Sum() + 30).ToString(CultureInfo.InvariantCulture), db.Scalar(siblings));
    }

    [Fact]
    public void A_WITH_that_modifies_a_type_or_an_unnest_opens_no_WITH_clause()
    {
        // After `with time zone`, a row type's 1,000 further fields were counted as the queries of a WITH clause (bound 900).
        string cast = "SELECT CAST(NULL AS ROW(t timestamp with time zone, " + Items(1000, i => $"f{i} integer") + ")) AS r";
        DuneSqlTranslator.Translate(cast);
        string ordinality = "SELECT n FROM unnest(ARRAY[1]) WITH ORDINALITY u(v, n), " + Items(1000, i => $"(SELECT {i} AS c) s{i}");
        DuneSqlTranslator.Translate(ordinality);
    }

    [Fact]
    public void WITH_clauses_are_counted_together()
    {
        // 900 queries and a WITH of 200 inside the last: 1,100 levels for the engine's binder, each list within its bound.
        string nested = "WITH " + Items(899, k => $"c{k} AS (SELECT {k} AS v)") + ", last AS (WITH "
            + Items(200, k => $"d{k} AS (SELECT {k} AS v)") + " SELECT v FROM d199) SELECT v FROM last";
        var error = Refused(nested);
        Assert.Equal("The WITH clauses of the query name 1100 queries together; Strata allows at most 900 "
            + "(the engine binds each query of a WITH clause, and any WITH inside it, within the ones before it, to at most 1000 levels).", error.Error.Message);
        string within = "WITH " + Items(699, k => $"c{k} AS (SELECT {k} AS v)") + ", last AS (WITH "
            + Items(200, k => $"d{k} AS (SELECT {k} AS v)") + " SELECT v FROM d199) SELECT v FROM last";
        using var db = new DuneSql.DuneSqlDb();
        Assert.Equal("199", db.Scalar(within));
    }

    /// <summary>n rows, x = 1 … n, t = x seconds after the epoch.</summary>
    private static string Timed(int hundreds) =>
        $"(SELECT x, from_unixtime(x) AS t FROM (SELECT (i - 1) * 100 + j AS x FROM unnest(sequence(1, {hundreds})) a(i) CROSS JOIN unnest(sequence(1, 100)) b(j)) r)";

    [Fact]
    public void A_RANGE_frame_over_an_interval_past_ten_thousand_rows_answers_within_the_element_bound()
    {
        // 12,000 rows a second apart; a frame of the 10,500 seconds before each row holds up to 10,501 rows (Trino answers).
        using var db = new DuneSql.DuneSqlDb();
        long expected = Enumerable.Range(1, 12_000).Sum(x => (long)Math.Min(x, 10_501));
        Assert.Equal(expected.ToString(CultureInfo.InvariantCulture), db.Scalar(
            $"SELECT sum(cardinality(v)) FROM (SELECT array_agg(x) OVER (ORDER BY t RANGE BETWEEN INTERVAL '175' MINUTE PRECEDING AND CURRENT ROW) AS v FROM {Timed(120)} s)"));
        // The same frame partitioned: each of two partitions of 6,000 rows, frames within the row bound.
        long halves = 2 * Enumerable.Range(1, 6_000).Sum(x => (long)x);
        Assert.Equal(halves.ToString(CultureInfo.InvariantCulture), db.Scalar(
            $"SELECT sum(cardinality(v)) FROM (SELECT array_agg(x) OVER (PARTITION BY x % 2 ORDER BY t RANGE BETWEEN INTERVAL '1' DAY PRECEDING AND CURRENT ROW) AS v FROM {Timed(120)} s)"));
    }

    [Fact]
    public void A_frame_growing_with_a_large_partition_is_still_refused()
    {
        // 50,100 rows: a frame past 10,000 rows times 50,100 passes 5 × 10^8.
        using var db = new DuneSql.DuneSqlDb();
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar(
            $"SELECT count(v) FROM (SELECT array_agg(x) OVER (ORDER BY t RANGE BETWEEN INTERVAL '30' DAY PRECEDING AND CURRENT ROW) AS v FROM {Timed(501)} s)"));
        Assert.Contains(DuneSqlTranslator.FrameRefusal("array_agg"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_parameter_text_past_its_bound_is_refused_naming_it()
    {
        string tooLong = new('x', ParameterSubstitution.MaxValueChars + 1);
        var defaulted = Assert.Throws<ParameterException>(() => ParameterSubstitution.ValidateDefinition(new QueryParameter("p", "text", tooLong)));
        Assert.Equal("parameter 'p': the default value has 100001 characters; at most 100000", defaulted.Message);
        var option = Assert.Throws<ParameterException>(() => ParameterSubstitution.ValidateDefinition(new QueryParameter("e", "enum", "a", null, ["a", tooLong])));
        Assert.Equal("parameter 'e': an enum option has 100001 characters; at most 100000", option.Message);
        var described = Assert.Throws<ParameterException>(() => ParameterSubstitution.ValidateDefinition(new QueryParameter("d", "text", "a", tooLong)));
        Assert.Equal("parameter 'd': the description has 100001 characters; at most 100000", described.Message);
        // At the bound a default is kept; eleven of them pass the definitions' bound together.
        string atBound = new('y', ParameterSubstitution.MaxValueChars);
        var definitions = Enumerable.Range(0, 11).Select(i => ParameterSubstitution.ValidateDefinition(new QueryParameter("p" + i, "text", atBound))).ToList();
        var together = Assert.Throws<ParameterException>(() => ParameterSubstitution.CheckDefinitions(definitions));
        Assert.Equal("parameters: their keys, defaults, options and descriptions hold 1100023 characters together; at most 1048576", together.Message);
        ParameterSubstitution.CheckDefinitions(definitions.Take(10).ToList());
        // A value supplied to a run is held to the same bound.
        var supplied = Assert.Throws<ParameterException>(() => ParameterSubstitution.Apply("select '{{p}}' as v", [new QueryParameter("p", "text", "a")],
            new Dictionary<string, ParameterValue> { ["p"] = ParameterValue.Single(tooLong) }));
        Assert.Equal("parameter 'p': the value has 100001 characters; at most 100000", supplied.Message);
    }

    [Fact]
    public void A_LIKE_that_would_backtrack_is_matched_in_linear_time_with_Trinos_answers()
    {
        using var db = new DuneSql.DuneSqlDb();
        // 200 `%_` pairs against 100 values of 3,000 characters: past 40 s on main, inside DuckDB's matcher.
        string pairs = string.Concat(Enumerable.Repeat("%_", 200));
        var clock = Stopwatch.StartNew();
        Assert.Equal("0", db.Scalar($"SELECT count(*) FROM unnest(sequence(1, 100)) t(i) WHERE lpad('', 3000, 'a') LIKE '{pairs}b'"));
        Assert.Equal("100", db.Scalar($"SELECT count(*) FROM unnest(sequence(1, 100)) t(i) WHERE lpad('', 3000, 'a') || 'b' LIKE '{pairs}b'"));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), clock.Elapsed.ToString());
        // RE2's metacharacters are themselves, `_` is one character (a newline too), NOT LIKE is the negation.
        Assert.Equal("true", db.Scalar("SELECT 'a.b(c' LIKE '%.b(%_'"));
        Assert.Equal("false", db.Scalar("SELECT 'axb(c' LIKE '%.b(%_'"));
        Assert.Equal("true", db.Scalar("SELECT 'x' || chr(10) || 'y$' LIKE '%_%y$'"));
        Assert.Equal("true", db.Scalar("SELECT 'ab' NOT LIKE '%_%c'"));
        Assert.Equal("false", db.Scalar("SELECT 'ab' NOT LIKE '%_%'"));
    }

    [Fact]
    public void Levenshtein_distance_is_held_to_Trinos_bound()
    {
        using var db = new DuneSql.DuneSqlDb();
        // 10^5 characters against 10^5 ran past 40 s on main; Trino refuses past 10^6 cells (longer × (shorter - 1)).
        var error = Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT levenshtein_distance(lpad('', 100000, 'a'), lpad('', 100000, 'b'))"));
        Assert.Contains("The combined inputs for Levenshtein distance are too large", error.Message, StringComparison.Ordinal);
        Assert.Contains("too large", Assert.ThrowsAny<Exception>(() => db.Scalar("SELECT levenshtein_distance(lpad('', 1001, 'x'), lpad('', 1001, 'x'))")).Message, StringComparison.Ordinal);
        // Trino's own cases within the bound: a long text against a short one.
        Assert.Equal("99999", db.Scalar("SELECT levenshtein_distance('hello', lpad('', 100000, 'e'))"));
        Assert.Equal("3", db.Scalar("SELECT levenshtein_distance('kitten', 'sitting')"));
    }
}
