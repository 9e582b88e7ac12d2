namespace Strata.Tests.DuneSql;

/// <summary>Decision "dune-ties" through the HTTP API (JSON and CSV), against Trino's semantics: <c>FETCH FIRST n ROWS
/// WITH TIES</c> (the first n rows in the ORDER BY's order after OFFSET, and the rows tied with the n-th by the ORDER BY
/// keys, NULLs being peers; StatementAnalyzer's errors), and <c>GROUP BY DISTINCT</c> (the cross product of the grouping
/// elements' sets, each set of columns once).</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneTiesHttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private Task<string[]> CsvAsync(string sql) => Server.Alice.RunCsvAsync(sql);

    private const string Scores = "(VALUES (1, 'a', 10), (2, 'b', 20), (3, 'c', 20), (4, 'd', 30), (5, 'e', NULL), (6, 'f', NULL)) t(id, name, score)";

    [Fact]
    public async Task With_ties_keeps_the_rows_tied_with_the_last_one()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            $"SELECT name, score FROM {Scores} ORDER BY score FETCH FIRST 2 ROWS WITH TIES");
        Assert.Equal(["name,score", "a,10", "b,20", "c,20"], csv.Take(1).Concat(csv.Skip(1).Order()).ToArray());
        Assert.Equal("a", row[0]!.GetValue<string>());
        Assert.Equal(["varchar", "integer"], types);
    }

    [Theory]
    // No tie at the n-th row: exactly n rows; FETCH NEXT / ROW are the same clause; no count is one row.
    [InlineData("SELECT id FROM " + Scores + " ORDER BY score DESC, id FETCH NEXT 2 ROWS WITH TIES", "id|2|4")]
    [InlineData("SELECT id FROM " + Scores + " ORDER BY score FETCH FIRST ROW WITH TIES", "id|1")]
    // NULLs sort last by default and are peers of each other.
    [InlineData("SELECT id FROM " + Scores + " ORDER BY score FETCH FIRST 5 ROWS WITH TIES", "id|1|2|3|4|5|6")]
    [InlineData("SELECT id FROM " + Scores + " ORDER BY score NULLS FIRST FETCH FIRST 1 ROWS WITH TIES", "id|5|6")]
    // By ordinal, by select alias, by an aggregate.
    [InlineData("SELECT score, id FROM " + Scores + " ORDER BY 1 DESC FETCH FIRST 2 ROWS WITH TIES", "score,id|20,2|20,3|30,4")]
    [InlineData("SELECT score * 2 AS s, id FROM " + Scores + " ORDER BY s DESC FETCH FIRST 2 ROWS WITH TIES", "s,id|40,2|40,3|60,4")]
    [InlineData("SELECT score, count(*) AS n FROM " + Scores + " GROUP BY score ORDER BY count(*) DESC FETCH FIRST 1 ROWS WITH TIES", "score,n|,2|20,2")]
    // OFFSET first, then the ties of the n-th row after it.
    [InlineData("SELECT id FROM " + Scores + " ORDER BY score OFFSET 1 ROWS FETCH FIRST 1 ROWS WITH TIES", "id|2|3")]
    [InlineData("SELECT id FROM " + Scores + " ORDER BY score OFFSET 4 ROWS FETCH FIRST 1 ROWS WITH TIES", "id|5|6")]
    // * with an ordinal; SELECT DISTINCT ranks the distinct rows (ranking the six rows would stop at 20).
    [InlineData("SELECT * FROM (VALUES (3, 'x'), (1, 'y'), (1, 'z'), (2, 'w')) t(k, v) ORDER BY 1 FETCH FIRST 1 ROWS WITH TIES", "k,v|1,y|1,z")]
    [InlineData("SELECT DISTINCT score FROM " + Scores + " ORDER BY score FETCH FIRST 3 ROWS WITH TIES", "score|10|20|30")]
    [InlineData("SELECT DISTINCT t.score, t.score > 15 AS high FROM " + Scores + " ORDER BY t.score DESC FETCH FIRST 2 ROWS WITH TIES", "score,high|20,true|30,true")]
    // A set operation's ORDER BY, by ordinal and by an expression of its column.
    [InlineData("SELECT score FROM " + Scores + " UNION ALL SELECT 20 ORDER BY 1 FETCH FIRST 2 ROWS WITH TIES", "score|10|20|20|20")]
    [InlineData("SELECT score FROM " + Scores + " UNION SELECT 5 ORDER BY score + 0 FETCH FIRST 2 ROWS WITH TIES", "score|10|5")]
    // Inside a CTE, a subquery and a parenthesised UNION branch.
    [InlineData("WITH top AS (SELECT id FROM " + Scores + " ORDER BY score DESC FETCH FIRST 2 ROWS WITH TIES) SELECT count(*) AS n FROM top", "n|3")]
    [InlineData("SELECT sum(id) AS s FROM (SELECT id FROM " + Scores + " ORDER BY score FETCH FIRST 2 ROWS WITH TIES) q", "s|6")]
    [InlineData("(SELECT id FROM " + Scores + " ORDER BY score DESC FETCH FIRST 1 ROWS WITH TIES) UNION ALL (SELECT id FROM " + Scores
        + " ORDER BY score FETCH FIRST 2 ROWS WITH TIES)", "id|1|2|3|4")]
    public async Task With_ties_returns_trinos_rows(string sql, string expected)
    {
        var lines = await CsvAsync(sql);
        // Rows tied on the ORDER BY keys come in no defined order: compare the rows as a set, the header first.
        Assert.Equal(expected.Split('|'), lines.Take(1).Concat(lines.Skip(1).Order(StringComparer.Ordinal)).ToArray());
    }

    [Fact]
    public async Task Fetch_first_only_is_unchanged()
    {
        Assert.Equal(["id", "1", "2"], await CsvAsync($"SELECT id FROM {Scores} ORDER BY score, id FETCH FIRST 2 ROWS ONLY"));
    }

    [Theory]
    // StatementAnalyzer: the ORDER BY must be the same query's (one inside a subquery does not count), at the FETCH.
    [InlineData("SELECT * FROM (VALUES 1, 2) t(a) FETCH FIRST 1 ROWS WITH TIES", "FETCH FIRST WITH TIES clause requires ORDER BY", 1, 34)]
    [InlineData("SELECT * FROM (SELECT * FROM (values 1, 3, 2) t(a) ORDER BY a) FETCH FIRST 5 ROWS WITH TIES", "FETCH FIRST WITH TIES clause requires ORDER BY", 1, 64)]
    [InlineData("SELECT a FROM (VALUES 1, 2) t(a) ORDER BY a\nFETCH FIRST 0 ROWS WITH TIES", "FETCH FIRST row count must be positive (actual value: 0)", 2, 1)]
    [InlineData("SELECT a FROM (VALUES 1, 2) t(a) ORDER BY a FETCH FIRST 0 ROWS ONLY", "FETCH FIRST row count must be positive (actual value: 0)", 1, 45)]
    public async Task Fetch_errors_are_trinos_at_the_fetch(string sql, string message, int line, int column)
    {
        Assert.Equal((message, line, column), await Server.Alice.RunToFailureAtAsync(sql));
    }

    private const string Pairs = "(VALUES (1, 2), (1, 3)) t(a, b)";

    [Theory]
    // ROLLUP(a, b) x ROLLUP(a): (a,b) (a,b) (a) (a,b) (a) (a) (a) () → DISTINCT: (a,b), (a), (); ALL keeps all eight.
    [InlineData("SELECT a, b, count(*) AS n FROM " + Pairs + " GROUP BY DISTINCT ROLLUP(a, b), ROLLUP(a)", "a,b,n|,,2|1,,2|1,2,1|1,3,1")]
    [InlineData("SELECT a, b, count(*) AS n FROM " + Pairs + " GROUP BY ALL ROLLUP(a, b), ROLLUP(a)", "a,b,n|,,2|1,,2|1,,2|1,,2|1,2,1|1,2,1|1,3,1|1,3,1")]
    [InlineData("SELECT a, b, count(*) AS n FROM " + Pairs + " GROUP BY ROLLUP(a, b), ROLLUP(a)", "a,b,n|,,2|1,,2|1,,2|1,,2|1,2,1|1,2,1|1,3,1|1,3,1")]
    // CUBE(a, b) x GROUPING SETS ((a), (b)): (a,b) (a,b) (a) (a,b) (a,b) (b) (a) (b) → (a,b), (a), (b); grouping() as Trino's.
    [InlineData("SELECT a, b, grouping(a, b) AS g, count(*) AS n FROM " + Pairs + " GROUP BY DISTINCT CUBE(a, b), GROUPING SETS ((a), (b))",
        "a,b,g,n|,2,2,1|,3,2,1|1,,1,2|1,2,0,1|1,3,0,1")]
    // An ordinal, a parenthesised column and the column itself are one column.
    [InlineData("SELECT a, count(*) AS n FROM " + Pairs + " GROUP BY DISTINCT a, (a), ROLLUP(1)", "a,n|1,2")]
    // ROLLUP(a, b) x CUBE(b): (a,b) (a,b) (a,b) (a) (b) () → four sets.
    [InlineData("SELECT a, b, count(*) AS n FROM " + Pairs + " GROUP BY DISTINCT ROLLUP(a, b), CUBE(b)", "a,b,n|,,2|,2,1|,3,1|1,,2|1,2,1|1,3,1")]
    public async Task Group_by_distinct_keeps_each_grouping_set_once(string sql, string expected)
    {
        var lines = await CsvAsync(sql);
        Assert.Equal(expected.Split('|'), lines.Take(1).Concat(lines.Skip(1).Order(StringComparer.Ordinal)).ToArray());
    }

    [Fact]
    public async Task Group_by_distinct_answers_in_json_too()
    {
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT grouping(a) AS g, count(*) AS n FROM " + Pairs + " GROUP BY DISTINCT ROLLUP(a), ROLLUP(a) ORDER BY g");
        Assert.Equal(["g,n", "0,2", "1,2"], csv);
        Assert.Equal(0, row[0]!.GetValue<long>());
        Assert.Equal(2, row[1]!.GetValue<long>());
        Assert.Equal("bigint", types[1]);
    }

    [Fact]
    public async Task Array_and_row_equality_with_null_elements_is_trinos()
    {
        // ArrayType/RowType equal: other lengths false; a differing pair false; else a pair with a NULL makes it NULL.
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT ARRAY[1, NULL] = ARRAY[1, NULL] a, ARRAY[1, NULL] = ARRAY[2, NULL] b, ROW(1, NULL) = ROW(1, NULL) c, "
            + "ARRAY[1, NULL] IS DISTINCT FROM ARRAY[1, NULL] d, ROW(1, NULL) IS DISTINCT FROM ROW(1, NULL) e, "
            + "ARRAY[1, NULL] <> ARRAY[1, NULL] f, ARRAY[1, 2] = ARRAY[1, NULL, 3] g, ROW(1, NULL) <> ROW(2, 3) h, "
            + "ARRAY[1, 2] = ARRAY[1, 2] i, CAST(NULL AS array(integer)) = ARRAY[1] j, CAST(ARRAY[] AS array(integer)) = ARRAY[] k");
        Assert.Equal("a,b,c,d,e,f,g,h,i,j,k", csv[0]);
        Assert.Equal(",false,,false,false,,false,true,true,,true", csv[1]);
        Assert.Null(row[0]);
        Assert.False(row[1]!.GetValue<bool>());
        Assert.Null(row[2]);
        Assert.All(types, t => Assert.Equal("boolean", t));
    }

    [Fact]
    public async Task A_column_compared_with_an_array_or_row_constructor_is_null_on_a_null_element()
    {
        Assert.Equal(["id,eq,req", "1,,", "2,true,true", "3,false,false"], await CsvAsync(
            "SELECT id, a = ARRAY[1, 2] eq, r = ROW(1, 2) req FROM (VALUES (1, ARRAY[1, NULL], ROW(1, NULL)), (2, ARRAY[1, 2], ROW(1, 2)), "
            + "(3, ARRAY[3], ROW(3, 4))) t(id, a, r) ORDER BY id"));
        Assert.Equal(["id", "2"], await CsvAsync(
            "SELECT id FROM (VALUES (1, ARRAY[1, NULL]), (2, ARRAY[1, 2])) t(id, a) WHERE (a = ARRAY[1, 2]) IS NOT NULL AND a <> ARRAY[9, 9]"));
        // IN is the OR of the equalities: unknown unless one is true.
        Assert.Equal(["a,b,c,d", ",true,false,"], await CsvAsync("SELECT ARRAY[1, NULL] IN (ARRAY[1, NULL]) a, ARRAY[1, 2] IN (ARRAY[1, NULL], ARRAY[1, 2]) b, "
            + "ARRAY[1, NULL] IN (ARRAY[2, 3]) c, ARRAY[1, NULL] NOT IN (ARRAY[1, 2], ARRAY[7]) d"));
    }
}
