using Strata.Engine.DuckDb.DuneSql;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 310 (docs/notes/dune-wild30.md): the forms of a string literal meeting a number that decision 307
/// left answering. Trino's analyzer (ExpressionAnalyzer) finds no common super type of varchar and a number (TypeCoercion;
/// Dune's conversion.mdx: "DuneSQL will not convert implicitly between character and numeric types"):
/// visitBetweenPredicate says "Cannot check if %s is BETWEEN %s and %s" with the value's and the bounds' types
/// (trinodb/trino#29654 added the throw that was missing); visitSimpleCaseExpression coerces the CASE operand with each
/// WHEN operand in turn, "CASE operand type does not match WHEN clause operand type: %s vs %s"; an IN list is coerced to
/// one type over the value and the items in order, "IN value and list items must be the same type: %s" naming the common
/// type of what came before the failing item (integer widens to bigint; a smallint and an integer make an integer). sum of
/// an integer is a bigint, avg a double (Trino's aggregate signatures); element_at of an array(smallint) a smallint.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneWild30Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Theory]
    // Operands only DuckDB's binder types (an aggregate, a subquery's column): a guard refuses them per row.
    [InlineData("SELECT sum(x) BETWEEN '1' AND '5' FROM (VALUES 1, 2) AS t(x)", "Cannot check if bigint is BETWEEN varchar(1) and varchar(1)")]
    [InlineData("SELECT * FROM (SELECT avg(x) AS a FROM (VALUES 1, 2) AS v(x)) AS s WHERE a NOT BETWEEN 0 AND '2'",
        "Cannot check if double is BETWEEN integer and varchar(1)")]
    [InlineData("SELECT CASE sum(x) WHEN 3 THEN 'a' WHEN '4' THEN 'b' END FROM (VALUES 1, 2) AS t(x)",
        "CASE operand type does not match WHEN clause operand type: bigint vs varchar(1)")]
    [InlineData("SELECT sum(x) IN (1, 2, '3') FROM (VALUES 1, 2) AS t(x)", "IN value and list items must be the same type: bigint")]
    [InlineData("SELECT element_at(ARRAY[CAST(x AS smallint)], 1) IN (1, 2, '3') FROM (VALUES 1) AS t(x)", "IN value and list items must be the same type: integer")]
    // Operands the text types: refused while translating.
    [InlineData("SELECT 3 BETWEEN '1' AND '5'", "Cannot check if integer is BETWEEN varchar(1) and varchar(1)")]
    [InlineData("SELECT '3' BETWEEN 1 AND 5", "Cannot check if varchar(1) is BETWEEN integer and integer")]
    [InlineData("SELECT CASE 1 WHEN 1 THEN 'one' WHEN '22' THEN 'two' END", "CASE operand type does not match WHEN clause operand type: integer vs varchar(2)")]
    [InlineData("SELECT CASE 'a' WHEN 1 THEN 0 END", "CASE operand type does not match WHEN clause operand type: varchar(1) vs integer")]
    public async Task A_string_literal_meeting_a_number_in_between_case_or_a_later_in_item_is_refused(string sql, string expected)
    {
        Assert.Equal(expected, await Server.Alice.RunToFailureAsync(sql));
    }

    [Fact]
    public async Task The_same_forms_over_text_still_answer()
    {
        var rows = await Server.Alice.RunCsvAsync(
            "WITH t AS (SELECT * FROM (VALUES ('WETH', 1), ('USDC', 2), ('DAI', 3)) AS v(symbol, n)) "
            + "SELECT count_if(symbol BETWEEN 'B' AND 'V') AS between_bv, sum(CASE symbol WHEN 'WETH' THEN 10 WHEN 'DAI' THEN 1 ELSE 0 END) AS cased, "
            + "count_if(max_symbol IN ('WETH', 'X')) AS listed "
            + "FROM t CROSS JOIN (SELECT max(symbol) AS max_symbol FROM t) AS m WHERE symbol NOT BETWEEN 'A' AND 'C'");
        // symbol NOT BETWEEN 'A' AND 'C' keeps WETH, USDC, DAI ('DAI' > 'C'); of them 'USDC' and 'DAI' lie in ['B', 'V'];
        // CASE gives 10 + 0 + 1; max(symbol) is 'WETH', listed on each of the three rows.
        Assert.Equal(["between_bv,cased,listed", "2,11,3"], rows);
    }

    /// <summary>The guards DuckDB folds away when it binds a text operand (typeof is a constant): the plan of the guarded
    /// BETWEEN filter and of the guarded simple CASE equal the plans of the bare statements.</summary>
    [Theory]
    [InlineData("WITH t AS (SELECT symbol, n FROM tokens) SELECT n FROM t WHERE symbol BETWEEN 'A' AND 'V'")]
    [InlineData("WITH t AS (SELECT symbol, n FROM tokens) SELECT CASE symbol WHEN 'WETH' THEN n ELSE 0 END AS c FROM t")]
    [InlineData("WITH t AS (SELECT symbol, n FROM tokens) SELECT n FROM t WHERE symbol IN ('x', 'y')")]
    public void The_guards_fold_away_over_text(string sql)
    {
        using var db = new DuneSqlDb("CREATE TABLE tokens AS SELECT 'WETH' AS symbol, 1 AS n UNION ALL SELECT 'USDC', 2;");
        string translated = DuneSqlTranslator.Translate(sql).Sql;
        Assert.Contains("typeof(", translated, StringComparison.Ordinal);
        string Plan(string text) => string.Join("\n", db.TranslatedRows("EXPLAIN " + text).Select(r => r[^1]));
        Assert.Equal(Plan(sql), Plan(translated));
    }
    /// <summary>replace reads its string about ten times; nested three deep over a computed string (the real query's
    /// REPLACE(REPLACE(REPLACE(TRY_CAST(json_extract(…) AS varchar), '"', ''), ']', ''), '[', '') of
    /// DefiLlama/dimension-adapters' polymarket adapter) it wrote the cast 1,331 times and was refused for holding more
    /// than 1,000 casts to varchar. Each computed string is now evaluated once: eight levels translate to a few KB and
    /// answer as Trino's replace does (every occurrence replaced, left to right).</summary>
    [Fact]
    public void Nested_replace_of_a_computed_string_is_written_once_a_level()
    {
        using var db = new DuneSqlDb();
        const string text = "TRY_CAST(concat('[\"Yes\", ', '\"No\"]') AS varchar)";
        string three = $"SELECT REPLACE(REPLACE(REPLACE({text}, '\"', ''), ']', ''), '[', '')";
        Assert.Equal("Yes, No", db.Scalar(three));
        string eight = "SELECT " + string.Concat(Enumerable.Repeat("replace(", 8)) + "concat('ab', 'c')"
            + string.Concat(Enumerable.Range(0, 8).Select(k => k % 2 == 0 ? ", 'a', 'aa')" : ", 'aa', 'a')"));
        Assert.True(DuneSqlTranslator.Translate(eight).Sql.Length < 20_000, DuneSqlTranslator.Translate(eight).Sql.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("abc", db.Scalar(eight));
    }
}
