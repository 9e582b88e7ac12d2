namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 278 (docs/notes/dune-wild25.md), through the HTTP API. The answers are written from Trino's docs and
/// analyzer: a statement's trailing semicolons (and the comments after them) end it (the CLI and Dune's editor send files
/// that end so); string.md's <c>chr(bigint)</c> has no varchar signature; select.md's UNNEST gives an array's elements (a
/// row's fields as columns), a map's keys and values, and WITH ORDINALITY each one's place, and an unnamed output column is
/// <c>_colN</c>, N its place.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneWild25Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Theory]
    [InlineData("SELECT 1 AS n;\n-- a note after the statement")]
    [InlineData("SELECT 1 AS n; /* a block comment */\n\n\n")]
    [InlineData("SELECT 1 AS n ;; -- two\n ;\n-- and a third\n")]
    [InlineData("SELECT 1 AS n -- a comment before the semicolon\n;")]
    [InlineData("SELECT 1 AS n -- a semicolon inside a comment stays there;")]
    public async Task Trailing_semicolons_end_the_statement_with_the_comments_after_them(string sql)
    {
        Assert.Equal(["n", "1"], await Server.Alice.RunCsvAsync(sql));
    }

    [Fact]
    public async Task A_semicolon_inside_a_string_or_name_stays()
    {
        Assert.Equal(["s", ";"], await Server.Alice.RunCsvAsync("SELECT ';' AS s; -- note"));
        Assert.Equal(["a;b", "1"], await Server.Alice.RunCsvAsync("SELECT 1 AS \"a;b\";\n"));
    }

    [Fact]
    public async Task Two_statements_stay_refused()
    {
        string message = await Server.Alice.RunToFailureAsync("SELECT 1; SELECT 2; -- note");
        Assert.Contains("one statement", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SELECT chr('a')", "Unexpected parameters (varchar(1)) for function chr. Expected: chr(bigint)", 8)]
    [InlineData("SELECT 'x' || chr('97')", "Unexpected parameters (varchar(2)) for function chr. Expected: chr(bigint)", 15)]
    public async Task Chr_of_a_string_literal_is_refused(string sql, string expected, int column)
    {
        Assert.Equal((expected, 1, column), await Server.Alice.RunToFailureAtAsync(sql));
    }

    [Fact]
    public async Task Chr_of_a_number_still_runs()
    {
        Assert.Equal(["_col0", "a"], await Server.Alice.RunCsvAsync("SELECT chr(97)"));
    }

    [Theory]
    [InlineData("SELECT * FROM UNNEST(ARRAY[30, 10, 20]) AS t")]
    [InlineData("SELECT * FROM UNNEST(ARRAY[30, 10, 20])")]
    [InlineData("SELECT t.* FROM UNNEST(ARRAY[30, 10, 20]) t")]
    public async Task An_unnested_array_without_a_column_list_is_col0_in_order(string sql)
    {
        Assert.Equal(["_col0", "30", "10", "20"], await Server.Alice.RunCsvAsync(sql));
    }

    [Fact]
    public async Task An_unnamed_unnest_column_is_named_by_its_place()
    {
        // Beside a named column first, the element is the output's second column: _col1.
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT v.x, t.* FROM (VALUES (1, ARRAY['b', 'a']), (2, ARRAY['c'])) AS v(x, arr) CROSS JOIN UNNEST(v.arr) AS t ORDER BY 1");
        Assert.Equal("x,_col1", rows[0]);
        Assert.Equal(["1,a", "1,b", "2,c"], rows.Skip(1).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unnested_array_with_ordinality_and_no_column_list_numbers_its_elements()
    {
        var rows = await Server.Alice.RunCsvAsync("SELECT * FROM UNNEST(ARRAY['z', 'x', 'y']) WITH ORDINALITY AS t");
        Assert.Equal(["_col0,_col1", "z,1", "x,2", "y,3"], rows);
    }

    [Fact]
    public async Task An_unnested_map_with_ordinality_and_no_column_list_gives_key_value_and_place()
    {
        var rows = await Server.Alice.RunCsvAsync("SELECT * FROM UNNEST(map(ARRAY['k'], ARRAY[7])) WITH ORDINALITY");
        Assert.Equal(["_col0,_col1,_col2", "k,7,1"], rows);
        var two = await Server.Alice.RunCsvAsync("SELECT * FROM UNNEST(map(ARRAY['p', 'q'], ARRAY[1, 2])) WITH ORDINALITY AS t");
        Assert.Equal("_col0,_col1,_col2", two[0]);
        // Each entry once, its place 1 or 2 (a map's order is no part of Trino's answer).
        var entries = two.Skip(1).Select(r => r.Split(',')).ToList();
        Assert.Equal(["p,1", "q,2"], entries.Select(e => e[0] + "," + e[1]).Order(StringComparer.Ordinal));
        Assert.Equal(["1", "2"], entries.Select(e => e[2]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_unnested_array_of_rows_without_a_column_list_gives_the_rows_fields()
    {
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT * FROM UNNEST(ARRAY[CAST(ROW(1, 'a') AS ROW(n integer, s varchar)), CAST(ROW(2, 'b') AS ROW(n integer, s varchar))]) AS t");
        Assert.Equal(["n,s", "1,a", "2,b"], rows);
    }

    [Fact]
    public async Task A_listed_unnest_keeps_its_names()
    {
        var rows = await Server.Alice.RunCsvAsync("SELECT * FROM UNNEST(ARRAY[5, 6]) WITH ORDINALITY AS t(v, i)");
        Assert.Equal(["v,i", "5,1", "6,2"], rows);
    }

    [Fact]
    public async Task A_string_is_still_no_array()
    {
        Assert.Equal("Cannot unnest type: varchar(3)", await Server.Alice.RunToFailureAsync("SELECT * FROM UNNEST('abc') AS t"));
    }
}
