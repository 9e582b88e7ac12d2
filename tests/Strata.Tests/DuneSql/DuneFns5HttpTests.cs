namespace Strata.Tests.DuneSql;

/// <summary>Decision "dune-fns5" through the HTTP API (JSON and CSV), against Trino's documented behaviour and Dune's
/// docs: any_match/all_match/none_match's NULLs (lambda.md); LIKE … ESCAPE's errors (LikeFunctions, LikePattern);
/// "left"/"right" with a count of 0 or less (varchar-utility-functions.mdx); date_format's MySQL specifiers Trino refuses
/// and its literal letters (DateTimeFunctions.createDateTimeFormatter); format_datetime's Joda D; TABLESAMPLE's
/// percentage (StatementAnalyzer); a scalar subquery of more than one row.</summary>
[Collection(InProcessWireCollection.Name)]
public sealed class DuneFns5HttpTests(InProcessSharedServer shared)
{
    private InProcessServer Server => shared.Server;

    private Task<string[]> CsvAsync(string sql) => Server.Alice.RunCsvAsync(sql);

    [Fact]
    public async Task Match_functions_are_null_when_no_element_decides_and_a_predicate_is_null()
    {
        // lambda.md: any_match is NULL when no element matches and a predicate is NULL; all_match when none is false and
        // one is NULL; none_match when none matches and one is NULL. An empty array: false, true, true; a NULL array NULL.
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT any_match(ARRAY[1, NULL, 3], x -> x > 5) a, any_match(ARRAY[1, NULL, 3], x -> x > 2) b, "
            + "any_match(CAST(ARRAY[] AS array(integer)), x -> x > 2) c, all_match(ARRAY[1, NULL], x -> x > 0) d, "
            + "all_match(CAST(ARRAY[] AS array(integer)), x -> x > 0) e, none_match(ARRAY[1, NULL], x -> x > 5) f, "
            + "none_match(CAST(NULL AS array(integer)), x -> x > 5) g, all_match(ARRAY[1, NULL], x -> x > 1) h, "
            + "none_match(ARRAY[1, NULL], x -> x > 0) i, none_match(CAST(ARRAY[] AS array(integer)), x -> x > 0) j");
        Assert.Equal("a,b,c,d,e,f,g,h,i,j", csv[0]);
        Assert.Equal(",true,false,,true,,,false,false,true", csv[1]);
        Assert.Null(row[0]);
        Assert.True(row[1]!.GetValue<bool>());
        Assert.False(row[2]!.GetValue<bool>());
        Assert.Null(row[3]);
        Assert.All(types, t => Assert.Equal("boolean", t));
    }

    [Fact]
    public async Task Match_functions_filter_rows_by_their_three_valued_answer()
    {
        var rows = await CsvAsync("SELECT id FROM (VALUES (1, ARRAY[1, NULL]), (2, ARRAY[7, NULL]), (3, ARRAY[1, 2])) t(id, a) "
            + "WHERE any_match(a, x -> x > 5) IS NULL ORDER BY id");
        Assert.Equal(["id", "1"], rows);
    }

    [Fact]
    public async Task Like_with_a_valid_escape_matches_as_trino_does()
    {
        var (_, _, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT 'a%c' LIKE 'a#%c' ESCAPE '#' a, 'abc' LIKE 'a#%c' ESCAPE '#' b, 'a#c' LIKE 'a##c' ESCAPE '#' c, "
            + "'a_c' NOT LIKE 'a#_c' ESCAPE '#' d, 'x' LIKE NULL ESCAPE '#' e");
        Assert.Equal("true,false,true,false,", csv[1]);
    }

    [Theory]
    [InlineData("SELECT 'abc' LIKE 'a#bc' ESCAPE '#'", "Escape character must be followed by '%', '_' or the escape character itself", 1, 19)]
    [InlineData("SELECT 'abc#' LIKE 'abc#' ESCAPE '#'", "Escape character must be followed by '%', '_' or the escape character itself", 1, 20)]
    [InlineData("SELECT 'abc' LIKE 'abc' ESCAPE '##'", "Escape string must be a single character", 1, 32)]
    [InlineData("SELECT 'abc'\n  LIKE 'abc' ESCAPE ''", "Escape string must be a single character", 2, 21)]
    public async Task Like_escape_errors_are_trinos_at_their_position(string sql, string message, int line, int column)
    {
        Assert.Equal((message, line, column), await Server.Alice.RunToFailureAtAsync(sql));
    }

    [Fact]
    public async Task Left_and_right_of_a_count_of_zero_or_less_are_empty()
    {
        // varchar-utility-functions.mdx: "if x is less than or equal to 0 the result is an empty string".
        var (row, types, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT \"left\"('123456', 2) a, \"right\"('123456', 2) b, \"left\"('123456', 0) c, \"right\"('123456', -1) d, "
            + "\"left\"('123456', -2) e, \"right\"('123456', 10) f, \"left\"(CAST(NULL AS varchar), 2) g");
        Assert.Equal("12,56,\"\",\"\",\"\",123456,", csv[1]);
        Assert.Equal("", row[4]!.GetValue<string>());
        Assert.Null(row[6]);
        Assert.Equal("varchar", types[0]);
    }

    [Theory]
    [InlineData("%D")]
    [InlineData("%U")]
    [InlineData("%u")]
    [InlineData("%V")]
    [InlineData("%w")]
    [InlineData("%X")]
    public async Task Date_format_refuses_the_mysql_specifiers_trino_does_not_support(string specifier)
    {
        Assert.Equal($"{specifier} not supported in date format string",
            await Server.Alice.RunToFailureAsync($"SELECT date_format(TIMESTAMP '2024-05-17 13:45:12', 'week {specifier}')"));
        Assert.Equal($"{specifier} not supported in date format string",
            await Server.Alice.RunToFailureAsync($"SELECT date_parse('2024', '%Y{specifier}')"));
    }

    [Fact]
    public async Task Date_format_reads_another_letter_after_percent_as_that_letter_and_x_v_as_the_week_year()
    {
        // createDateTimeFormatter: %x is the week-year, %v the week; %Q (no specifier) is the letter Q; a trailing % is dropped.
        var (_, _, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT date_format(TIMESTAMP '2021-01-03 13:45:12', '%x-%v %Q%') a, date_format(TIMESTAMP '2024-12-30 00:00:00', '%x/%v %%') b");
        Assert.Equal("2020-53 Q,2025/01 %", csv[1]);
    }

    [Fact]
    public async Task Format_datetime_d_is_the_day_of_the_year_padded_to_its_letters()
    {
        // Joda's D: the day of the year, zero-padded to the count of letters.
        var (_, _, csv) = await Server.Alice.RunFirstRowAsync(
            "SELECT format_datetime(TIMESTAMP '2024-02-01 13:45:12', 'D|DDD|DDDD') a, format_datetime(TIMESTAMP '2024-12-31 00:00:00', 'D') b, "
            + "format_datetime(TIMESTAMP '2024-01-05 00:00:00', 'D DDD') c");
        Assert.Equal("32|032|0032,366,5 005", csv[1]);
    }

    [Fact]
    public async Task Tablesample_takes_a_percentage_of_the_rows()
    {
        // Trino's sample percentage: 100 keeps every row and 0 none (DuckDB read a bare number as a count of rows).
        var rows = await CsvAsync("SELECT "
            + "(SELECT count(*) FROM (SELECT x FROM unnest(sequence(1, 5000)) t(x)) s TABLESAMPLE BERNOULLI (100)) a, "
            + "(SELECT count(*) FROM (SELECT x FROM unnest(sequence(1, 5000)) t(x)) s TABLESAMPLE SYSTEM (100)) b, "
            + "(SELECT count(*) FROM (SELECT x FROM unnest(sequence(1, 5000)) t(x)) s TABLESAMPLE BERNOULLI (0)) c, "
            + "(SELECT count(*) FROM (SELECT x FROM unnest(sequence(1, 10000)) t(x)) s TABLESAMPLE BERNOULLI (50)) d, "
            + "(SELECT count(*) FROM (SELECT x FROM unnest(sequence(1, 10000)) t(x)) s TABLESAMPLE BERNOULLI (12.5)) e");
        string[] counts = rows[1].Split(',');
        Assert.Equal(["5000", "5000", "0"], counts[..3]);
        // Bernoulli's count is binomial: 5,000 ± 50 and 1,250 ± 33 (one standard deviation); 7 of them is past any run
        // (a count of rows, 50 or 12, is far outside).
        Assert.InRange(int.Parse(counts[3], System.Globalization.CultureInfo.InvariantCulture), 4650, 5350);
        Assert.InRange(int.Parse(counts[4], System.Globalization.CultureInfo.InvariantCulture), 1020, 1480);
    }

    [Theory]
    [InlineData("SELECT count(*) FROM (VALUES 1) t(x) TABLESAMPLE BERNOULLI (101)", "Sample percentage must be less than or equal to 100")]
    [InlineData("SELECT count(*) FROM (VALUES 1) t(x) TABLESAMPLE SYSTEM (-1)", "Sample percentage must be greater than or equal to 0")]
    [InlineData("SELECT count(*) FROM (VALUES 1) t(x) TABLESAMPLE BERNOULLI (NULL)", "Sample percentage cannot be NULL")]
    [InlineData("SELECT count(*) FROM (VALUES 1) t(x) TABLESAMPLE RESERVOIR (10)", "TABLESAMPLE RESERVOIR is not a sample method: Trino samples by BERNOULLI or SYSTEM")]
    public async Task Tablesample_refusals_are_trinos(string sql, string message)
    {
        Assert.Equal(message, await Server.Alice.RunToFailureAsync(sql));
    }

    [Theory]
    [InlineData("SELECT (SELECT x FROM (VALUES 1, 2) t(x))")]
    [InlineData("SELECT y, (SELECT x FROM (VALUES 1, 2) t(x) WHERE x >= y) FROM (VALUES 1, 2) u(y)")]
    public async Task A_scalar_subquery_of_more_than_one_row_fails_in_trinos_words(string sql)
    {
        Assert.Equal("Scalar sub-query has returned multiple rows", await Server.Alice.RunToFailureAsync(sql));
    }

    [Fact]
    public async Task A_scalar_subquery_of_one_row_or_none_is_its_value_or_null()
    {
        var rows = await CsvAsync("SELECT y, (SELECT x FROM (VALUES 1, 2) t(x) WHERE x = y + 1) AS n FROM (VALUES 1, 2) u(y) ORDER BY y");
        Assert.Equal(["y,n", "1,2", "2,"], rows);
    }

    [Fact]
    public async Task A_row_columns_fields_expand_with_star()
    {
        var (_, types, csv) = await Server.Alice.RunFirstRowAsync("SELECT r.* FROM (SELECT CAST(ROW(1, 'a') AS ROW(x int, y varchar)) r)");
        Assert.Equal(["x,y", "1,a"], csv);
        Assert.Equal(["integer", "varchar"], types);
    }

    [Fact]
    public async Task Group_by_all_before_grouping_elements_keeps_every_grouping_set()
    {
        // Trino's set quantifier: ROLLUP (a, b), ROLLUP (a) cross to (a,b) twice, (a) three times and () once.
        var rows = await CsvAsync("SELECT a, b, count(*) c FROM (VALUES (1, 2), (1, 3)) t(a, b) GROUP BY ALL ROLLUP (a, b), ROLLUP (a) "
            + "ORDER BY a NULLS LAST, b NULLS LAST");
        Assert.Equal(["a,b,c", "1,2,1", "1,2,1", "1,3,1", "1,3,1", "1,,2", "1,,2", "1,,2", ",,2"], rows);
        Assert.Equal(["a,c", "1,2"], await CsvAsync("SELECT a, count(*) c FROM (VALUES (1, 2), (1, 3)) t(a, b) GROUP BY ALL a"));
    }
}
