using System.Text;
using DuckDB.NET.Data;
using Strata.Engine.DuckDb;

namespace Strata.Tests.DuneSql;

/// <summary>
/// Issue 10, decision 285 (docs/notes/dune-wild26.md), through the HTTP API. The answers are written from Trino's analyzer
/// and functions: StatementAnalyzer.visitUnnest gives an array of rows one field per row field, named as the row names it
/// (an anonymous row's fields have no name), and several arrays side by side; an unnamed output column is <c>_colN</c>, N its
/// place. StringFunctions.replace with an empty search puts the replacement before every code point and at the end;
/// StringFunctions.splitPart refuses an index below one and is NULL past the last field; math.md's sqrt, ln, power… take
/// doubles only, so a string literal there has no signature.
/// </summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneWild26Tests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    [Theory]
    [InlineData("SELECT * FROM UNNEST(ARRAY[ROW(1, 'a'), ROW(2, 'b')]) AS t")]
    [InlineData("SELECT * FROM UNNEST(ARRAY[ROW(1, 'a'), ROW(2, 'b')])")]
    [InlineData("SELECT t.* FROM UNNEST(ARRAY[ROW(1, 'a'), ROW(2, 'b')]) t")]
    public async Task An_anonymous_row_unnested_without_a_column_list_names_its_fields_by_place(string sql)
    {
        Assert.Equal(["_col0,_col1", "1,a", "2,b"], await Server.Alice.RunCsvAsync(sql));
    }

    [Fact]
    public async Task Anonymous_row_fields_beside_a_named_column_are_named_by_their_place_in_the_output()
    {
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT v.x, t.* FROM (VALUES 7) AS v(x) CROSS JOIN UNNEST(ARRAY[ROW(true, 2.5e0)]) AS t");
        Assert.Equal(["x,_col1,_col2", "7,true,2.5"], rows);
    }

    [Theory]
    // Review of 285: the name in a comment, a string or another relation's column list is not a row type's field.
    [InlineData("SELECT t.* FROM UNNEST(ARRAY[ROW(1, 'a')]) AS t /* element1 */")]
    [InlineData("SELECT t.*, 'element1' AS note FROM UNNEST(ARRAY[ROW(1, 'a')]) AS t")]
    public async Task An_anonymous_rows_fields_are_unnamed_whatever_else_the_text_says(string sql)
    {
        Assert.Equal("_col0,_col1", (await Server.Alice.RunCsvAsync(sql))[0][..11]);
    }

    [Fact]
    public async Task Unnamed_fields_repeated_across_unnests_are_all_named_by_place()
    {
        // Review of 285: DuckDB's repeat of a repeated name appends a second _N, which leaked the internal name.
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT * FROM UNNEST(ARRAY[1], ARRAY[2]) AS t, UNNEST(ARRAY['a'], ARRAY['b']) AS s, UNNEST(ARRAY[true], ARRAY[false]) AS u");
        Assert.Equal(["_col0,_col1,_col2,_col3,_col4,_col5", "1,2,a,b,true,false"], rows);
    }

    [Fact]
    public async Task A_row_whose_type_names_its_fields_keeps_the_names_even_element1()
    {
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT * FROM UNNEST(ARRAY[CAST(ROW(1, 'a') AS ROW(element1 integer, s varchar))]) AS t");
        Assert.Equal(["element1,s", "1,a"], rows);
    }

    [Fact]
    public async Task Several_arrays_without_a_column_list_go_side_by_side_padded_with_nulls()
    {
        var rows = await Server.Alice.RunCsvAsync("SELECT * FROM UNNEST(ARRAY[10, 20, 30], ARRAY['a']) AS t");
        Assert.Equal(["_col0,_col1", "10,a", "20,", "30,"], rows);
    }

    [Fact]
    public async Task Several_arrays_with_ordinality_and_a_row_number_every_element()
    {
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT * FROM UNNEST(ARRAY[1, 2], ARRAY[ROW('a', true)]) WITH ORDINALITY AS t");
        Assert.Equal(["_col0,_col1,_col2,_col3", "1,a,true,1", "2,,,2"], rows);
    }

    [Theory]
    [InlineData("abc", "x")]
    [InlineData("", "x")]
    [InlineData("aé€😀", "-")]
    [InlineData("ab", "")]
    [InlineData("ab", "<>")]
    public async Task Replace_with_an_empty_search_puts_the_replacement_before_each_character_and_at_the_end(string text, string replacement)
    {
        // Trino's answer, built here from the code points (StringFunctions.replace).
        var expected = new StringBuilder(replacement);
        foreach (var rune in text.EnumerateRunes())
        {
            expected.Append(rune.ToString()).Append(replacement);
        }
        var rows = await Server.Alice.RunCsvAsync($"SELECT replace('{text}', '', '{replacement}') = '{expected}' AS same, length(replace('{text}', '', '{replacement}')) AS n");
        Assert.Equal(["same,n", $"true,{text.EnumerateRunes().Count() + (text.EnumerateRunes().Count() + 1) * replacement.EnumerateRunes().Count()}"], rows);
    }

    [Fact]
    public async Task Split_part_past_the_last_field_is_null_and_an_empty_delimiter_splits_characters()
    {
        var rows = await Server.Alice.RunCsvAsync(
            "SELECT split_part('a,b', ',', 3) IS NULL AS past, split_part('a,b', ',', 2) AS second, split_part('a,,b,', ',', 4) = '' AS empty_last, "
            + "split_part('aéb', '', 2) AS ch, split_part('ab', '', 3) IS NULL AS past_chars, "
            // The empty text has no character to split (Trino's SplitPart: NULL), but one empty field by a delimiter.
            + "split_part(s, '', 1) IS NULL AS no_char, split_part(s, ',', 1) = '' AS one_field FROM (VALUES '') AS t(s)");
        Assert.Equal(["past,second,empty_last,ch,past_chars,no_char,one_field", "true,b,true,é,true,true,true"], rows);
    }

    [Fact]
    public async Task Split_part_refuses_an_index_below_one()
    {
        Assert.Equal("Index must be greater than zero", await Server.Alice.RunToFailureAsync("SELECT split_part('a,b', ',', 0)"));
        Assert.Equal("Index must be greater than zero", await Server.Alice.RunToFailureAsync(
            "SELECT split_part(s, ',', x) FROM (VALUES ('a,b', 1), ('a,b', -1)) AS t(s, x)"));
    }

    [Theory]
    [InlineData("SELECT sqrt('4')", "Unexpected parameters (varchar(1)) for function sqrt. Expected: sqrt(double)", 8)]
    [InlineData("SELECT 1 + ln('10')", "Unexpected parameters (varchar(2)) for function ln. Expected: ln(double)", 12)]
    [InlineData("SELECT power('2', 2)", "Unexpected parameters (varchar(1), integer) for function power. Expected: power(double, double)", 8)]
    [InlineData("SELECT atan2(1e0, 'x')", "Unexpected parameters (double, varchar(1)) for function atan2. Expected: atan2(double, double)", 8)]
    public async Task A_math_function_of_doubles_refuses_a_string_literal(string sql, string expected, int column)
    {
        Assert.Equal((expected, 1, column), await Server.Alice.RunToFailureAtAsync(sql));
    }

    [Fact]
    public async Task Math_functions_of_numbers_still_answer()
    {
        Assert.Equal(["a,b,c", "true,true,true"], await Server.Alice.RunCsvAsync(
            "SELECT sqrt(16) = 4e0 AS a, power(2, 10) = 1024e0 AS b, abs(ln(exp(1e0)) - 1) < 1e-12 AS c"));
    }

    [Fact]
    public void A_parse_tree_is_made_once_per_connection_and_text()
    {
        using var connection = new DuckDBConnection("DataSource=:memory:");
        connection.Open();
        string first = DuckDbParseTrees.Serialize(connection, "SELECT 1 AS a");
        Assert.Same(first, DuckDbParseTrees.Serialize(connection, "SELECT 1 AS a"));
        Assert.StartsWith("{\"error\":false", first, StringComparison.Ordinal);
        string other = DuckDbParseTrees.Serialize(connection, "SELECT 2 AS b");
        Assert.NotSame(first, other);
        Assert.Contains("\"b\"", other, StringComparison.Ordinal);
        using var second = new DuckDBConnection("DataSource=:memory:");
        second.Open();
        Assert.NotSame(other, DuckDbParseTrees.Serialize(second, "SELECT 2 AS b"));
    }
}
