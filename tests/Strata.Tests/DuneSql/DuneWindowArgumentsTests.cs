namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 233 (dune-window-args): window arguments Trino refuses where DuckDB answered, each refused on the
/// row that breaks the rule in Trino's words (QueryPlanner's frame offset filter, LagFunction/LeadFunction,
/// NthValueFunction, NTileFunction), and the offsets Trino takes answering as Trino answers.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneWindowArgumentsTests(InProcessSharedServer shared)
{
    private const string FrameOffset = "Window frame offset value must not be negative or null";

    private InProcessServer Server => shared.Server;

    [Theory]
    [InlineData("ROWS BETWEEN -1 PRECEDING AND CURRENT ROW")]
    [InlineData("ROWS BETWEEN CURRENT ROW AND -1 FOLLOWING")]
    [InlineData("ROWS BETWEEN NULL PRECEDING AND CURRENT ROW")]
    [InlineData("ROWS -1 PRECEDING")]
    [InlineData("ROWS BETWEEN UNBOUNDED PRECEDING AND (1 - 2) FOLLOWING")]
    [InlineData("RANGE BETWEEN -1 PRECEDING AND CURRENT ROW")]
    [InlineData("RANGE BETWEEN CURRENT ROW AND NULL FOLLOWING")]
    [InlineData("GROUPS BETWEEN -1 PRECEDING AND CURRENT ROW")]
    [InlineData("GROUPS BETWEEN CURRENT ROW AND NULL FOLLOWING")]
    public async Task A_negative_or_null_frame_offset_fails_in_Trinos_words(string frame)
    {
        string message = await Server.Alice.RunToFailureAsync($"SELECT sum(x) OVER (ORDER BY x {frame}) FROM (VALUES 1, 2, 3) t(x)");
        Assert.Equal(FrameOffset, message);
    }

    [Fact]
    public async Task A_negative_interval_offset_of_a_range_fails_in_Trinos_words()
    {
        // DuckDB checks an interval offset itself ("Invalid RANGE PRECEDING value"), read as Trino's words.
        string message = await Server.Alice.RunToFailureAsync(
            "SELECT sum(x) OVER (ORDER BY d RANGE BETWEEN INTERVAL '-1' DAY PRECEDING AND CURRENT ROW) FROM (VALUES (1, DATE '2024-01-01')) t(x, d)");
        Assert.Equal(FrameOffset, message);
    }

    [Theory]
    [InlineData("ROWS BETWEEN y PRECEDING AND CURRENT ROW")]
    [InlineData("ROWS BETWEEN CURRENT ROW AND y FOLLOWING")]
    [InlineData("RANGE BETWEEN y PRECEDING AND CURRENT ROW")]
    public async Task A_column_offset_is_checked_on_each_row(string frame)
    {
        // The second row's offset is -1 (QueryPlanner's filter fails on it); the same frame over offsets that are all
        // at least 0 answers.
        string message = await Server.Alice.RunToFailureAsync(
            $"SELECT sum(x) OVER (ORDER BY x {frame}) FROM (VALUES (1, 1), (2, -1), (3, 1)) t(x, y)");
        Assert.Equal(FrameOffset, message);
        string[] csv = await Server.Alice.RunCsvAsync(
            $"SELECT x, sum(x) OVER (ORDER BY x {frame}) AS s FROM (VALUES (1, 1), (2, 0), (3, 2)) t(x, y) ORDER BY x");
        Assert.Equal(4, csv.Length);
    }

    [Fact]
    public async Task Offsets_Trino_takes_answer_as_it_does()
    {
        // Per-row ROWS offsets (1, 0, 2): row 1 sums itself, row 2 itself, row 3 rows 1..3; a named window's frame; a
        // column called rows is still a column.
        string[] csv = await Server.Alice.RunCsvAsync("""
            SELECT x, sum(x) OVER (ORDER BY x ROWS BETWEEN y PRECEDING AND CURRENT ROW) AS a,
                   sum(x) OVER w AS b, sum(x) OVER (ORDER BY x ROWS 0 PRECEDING) AS c
            FROM (VALUES (1, 1), (2, 0), (3, 2)) t(x, y)
            WINDOW w AS (ORDER BY x ROWS BETWEEN 1 PRECEDING AND 0 FOLLOWING)
            ORDER BY x
            """);
        Assert.Equal(["x,a,b,c", "1,1,1,1", "2,2,3,2", "3,6,5,3"], csv);
        var (_, types, rows) = await Server.Alice.RunFirstRowAsync("SELECT rows FROM (VALUES 1) t(rows) WHERE rows BETWEEN 0 AND 2");
        Assert.Equal(["integer"], types);
        Assert.Equal("1", rows[1]);
    }

    [Theory]
    [InlineData("lag(x, -1)", "Offset must be at least 0")]
    [InlineData("lead(x, -1)", "Offset must be at least 0")]
    [InlineData("lag(x, -1, 0)", "Offset must be at least 0")]
    [InlineData("lead(x, 1 - 3, 0) IGNORE NULLS", "Offset must be at least 0")]
    [InlineData("nth_value(x, 0)", "Offset must be at least 1")]
    [InlineData("nth_value(x, -1)", "Offset must be at least 1")]
    [InlineData("nth_value(x, 0) IGNORE NULLS", "Offset must be at least 1")]
    [InlineData("ntile(0)", "Buckets must be greater than 0")]
    [InlineData("ntile(-2)", "Buckets must be greater than 0")]
    public async Task A_value_functions_offset_below_its_least_fails_in_Trinos_words(string call, string expected)
    {
        string message = await Server.Alice.RunToFailureAsync($"SELECT {call} OVER (ORDER BY x) FROM (VALUES 1, 2, 3) t(x)");
        Assert.Equal(expected, message);
    }

    [Theory]
    [InlineData("lag(x, y)", "Offset must be at least 0")]
    [InlineData("lead(x, y)", "Offset must be at least 0")]
    [InlineData("nth_value(x, y + 1)", "Offset must be at least 1")]
    [InlineData("ntile(y + 1)", "Buckets must be greater than 0")]
    public async Task A_column_offset_of_a_value_function_is_checked_on_each_row(string call, string expected)
    {
        string message = await Server.Alice.RunToFailureAsync(
            $"SELECT {call} OVER (ORDER BY x) FROM (VALUES (1, 1), (2, -1), (3, 1)) t(x, y)");
        Assert.Equal(expected, message);
    }

    [Fact]
    public async Task Value_functions_answer_as_Trino_where_it_takes_the_offset()
    {
        // lag(x, 0) is the row itself; a NULL offset gives NULL (LagFunction, NthValueFunction, NTileFunction); per-row
        // offsets (1, 0, 2) are read on each row; IGNORE NULLS still skips the NULL values.
        string[] csv = await Server.Alice.RunCsvAsync("""
            SELECT x, lag(x, 0) OVER (ORDER BY x) AS l0, lag(x, NULL) OVER (ORDER BY x) AS ln,
                   nth_value(x, NULL) OVER (ORDER BY x) AS nn, ntile(NULL) OVER (ORDER BY x) AS tn,
                   lag(x, y) OVER (ORDER BY x) AS ly, lead(x, y, -5) OVER (ORDER BY x) AS dy,
                   nth_value(x, y + 1) OVER (ORDER BY x ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS ny,
                   lag(v, 1) IGNORE NULLS OVER (ORDER BY x) AS li
            FROM (VALUES (1, 1, 10), (2, 0, NULL), (3, 2, 30)) t(x, y, v)
            ORDER BY x
            """);
        Assert.Equal(["x,l0,ln,nn,tn,ly,dy,ny,li", "1,1,,,,,2,2,", "2,2,,,,2,2,1,10", "3,3,,,,1,-5,3,10"], csv);
    }
}
